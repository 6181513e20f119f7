import { newId, sql, type Queries, type Settlement } from '@spendline/db';
import { MAX_AMOUNT_MINOR } from '@spendline/entries';
import { requireMember } from './books.ts';
import { settlementColumns } from './columns.ts';
import { BookRefusal } from './errors.ts';

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
 * False when there is no such live settlement for them.
 */
export async function deleteSettlement(
  tx: Tx,
  userId: string,
  settlementId: string,
  now: Date,
): Promise<boolean> {
  const changed = await tx.execute(sql`
    UPDATE settlements s SET deleted_at = ${now}::timestamptz
     WHERE s.id = ${settlementId}::uuid AND s.deleted_at IS NULL
       AND ${userId}::uuid IN (s.from_user_id, s.to_user_id)
       AND EXISTS (SELECT 1 FROM book_memberships m
                    WHERE m.book_id = s.book_id AND m.user_id = ${userId}::uuid
                      AND m.status = 'ACTIVE')`);
  return changed > 0;
}
