import { sql, type Queries } from '@spendline/db';
import { bookBalances } from './balances.ts';
import { BookRefusal, type Unsettled } from './errors.ts';
import { settleUpPlan } from './pure/settle.ts';

type Tx = Queries;

/**
 * Takes the user out of the book, refused while their balance in any currency is not
 * zero: the refusal lists the settle-up plan's transfers that involve them. An owner
 * leaving hands the book to the member who joined first. Their membership row is locked
 * first, so an entry split with them meanwhile either lands before the check or waits.
 */
export async function leaveBook(tx: Tx, userId: string, bookId: string): Promise<void> {
  const [membership] = await tx.rows<{ role: string }>(sql`
    SELECT role::text AS role FROM book_memberships
     WHERE book_id = ${bookId}::uuid AND user_id = ${userId}::uuid AND status = 'ACTIVE'
     FOR UPDATE`);
  if (!membership) throw new BookRefusal('NOT_A_MEMBER');
  const unsettled = await unsettledIn(tx, userId, bookId);
  if (unsettled.length > 0) throw new BookRefusal('UNSETTLED', unsettled);
  await tx.execute(sql`
    UPDATE book_memberships SET status = 'LEFT', role = 'MEMBER', notify = false
     WHERE book_id = ${bookId}::uuid AND user_id = ${userId}::uuid`);
  await tx.execute(sql`
    UPDATE users SET default_book_id = NULL, updated_at = now()
     WHERE id = ${userId}::uuid AND default_book_id = ${bookId}::uuid`);
  if (membership.role === 'OWNER') {
    await tx.execute(sql`
      UPDATE book_memberships SET role = 'OWNER'
       WHERE id = (SELECT id FROM book_memberships
                    WHERE book_id = ${bookId}::uuid AND status = 'ACTIVE'
                      AND NOT EXISTS (SELECT 1 FROM book_memberships o
                                       WHERE o.book_id = ${bookId}::uuid
                                         AND o.status = 'ACTIVE' AND o.role = 'OWNER')
                    ORDER BY accepted_at, id
                    LIMIT 1)`);
  }
}

/** The settle-up plan's transfers that involve the user: what stands between them and leaving. */
export async function unsettledIn(tx: Tx, userId: string, bookId: string): Promise<Unsettled[]> {
  return settleUpPlan(await bookBalances(tx, bookId)).flatMap((t) =>
    t.from === userId
      ? [{ currency: t.currency, amountMinor: -t.amountMinor, withUserId: t.to }]
      : t.to === userId
        ? [{ currency: t.currency, amountMinor: t.amountMinor, withUserId: t.from }]
        : [],
  );
}
