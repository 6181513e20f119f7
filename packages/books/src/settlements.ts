import { newId, sql, type Queries, type Settlement } from '@spendline/db';
import { MAX_AMOUNT_MINOR } from '@spendline/entries';
import { requireMember } from './books.ts';
import { settlementColumns } from './columns.ts';
import { BookRefusal } from './errors.ts';
import { holdActive } from './gone.ts';

type Tx = Queries;

export interface SettlementInput {
  fromUserId: string;
  toUserId: string;
  amountMinor: bigint;
  currency: string;
  occurredAt: Date;
}

/**
 * Records that one member paid another, by one of the two ("settled 400 with rahul",
 * "rahul paid me 400"). Both must be active members; their memberships are held so
 * neither leaves meanwhile.
 */
export async function settle(
  tx: Tx,
  userId: string,
  bookId: string,
  input: SettlementInput,
): Promise<Settlement> {
  const { fromUserId, toUserId, amountMinor, currency } = input;
  await requireMember(tx, userId, bookId);
  if (
    fromUserId === toUserId ||
    (userId !== fromUserId && userId !== toUserId) ||
    amountMinor <= 0n ||
    amountMinor > MAX_AMOUNT_MINOR ||
    !/^[A-Z]{3}$/.test(currency)
  ) {
    throw new BookRefusal('INVALID_SETTLEMENT');
  }
  const parties = await tx.rows<{ userId: string }>(sql`
    SELECT user_id::text AS "userId" FROM book_memberships
     WHERE book_id = ${bookId}::uuid AND status = 'ACTIVE'
       AND user_id IN (${fromUserId}::uuid, ${toUserId}::uuid)
     FOR SHARE`);
  if (parties.length !== 2) throw new BookRefusal('INVALID_SETTLEMENT');
  const [settlement] = await tx.rows<Settlement>(sql`
    INSERT INTO settlements (id, book_id, from_user_id, to_user_id, amount_minor, currency,
                             occurred_at)
    VALUES (${newId()}::uuid, ${bookId}::uuid, ${fromUserId}::uuid, ${toUserId}::uuid,
            ${amountMinor}::bigint, ${currency}, ${input.occurredAt}::timestamptz)
    RETURNING ${settlementColumns()}`);
  return settlement!;
}

/**
 * Undoes a settlement: one of its two members, still in the book, moves it to the bin.
 * False when there is no such live settlement for them; refused ('MEMBER_GONE') when the
 * other is no longer in the book, whose balance would move with nobody to settle it.
 */
export async function deleteSettlement(
  tx: Tx,
  userId: string,
  settlementId: string,
  now: Date,
): Promise<boolean> {
  const [settlement] = await tx.rows<{ bookId: string; otherId: string }>(sql`
    SELECT book_id::text AS "bookId",
           (CASE WHEN from_user_id = ${userId}::uuid THEN to_user_id ELSE from_user_id END)::text
             AS "otherId"
      FROM settlements
     WHERE id = ${settlementId}::uuid AND deleted_at IS NULL
       AND ${userId}::uuid IN (from_user_id, to_user_id)`);
  if (!settlement) return false;
  const { bookId, otherId } = settlement;
  const active = await holdActive(
    tx,
    sql`VALUES (${bookId}::uuid, ${userId}::uuid), (${bookId}::uuid, ${otherId}::uuid)`,
  );
  if (!active.has(`${bookId} ${userId}`)) return false;
  if (!active.has(`${bookId} ${otherId}`)) throw new BookRefusal('MEMBER_GONE');
  const changed = await tx.execute(sql`
    UPDATE settlements SET deleted_at = ${now}::timestamptz
     WHERE id = ${settlementId}::uuid AND deleted_at IS NULL`);
  return changed > 0;
}
