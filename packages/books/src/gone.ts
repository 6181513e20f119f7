// Money in a book moves only between people still in it: once someone left, or their
// account went, nothing may hand them a balance that nobody could settle any more.
import { sql, type Queries, type Statement } from '@spendline/db';
import { BookRefusal } from './errors.ts';

type Tx = Queries;

/**
 * Holds (FOR SHARE) the memberships `pairs` selects as (book_id, user_id) rows, so none of
 * them leaves before the change commits (leaving and account deletion lock them for
 * update), and returns "book user" keys of those still active.
 */
export async function holdActive(tx: Tx, pairs: Statement): Promise<Set<string>> {
  const held = await tx.rows<{ key: string; status: string }>(sql`
    SELECT m.book_id::text || ' ' || m.user_id::text AS key, m.status::text AS status
      FROM book_memberships m
     WHERE (m.book_id, m.user_id) IN (${pairs})
     ORDER BY m.id
       FOR SHARE`);
  // A row changed meanwhile is read again once its lock is free: the status is current.
  return new Set(held.filter((row) => row.status === 'ACTIVE').map((row) => row.key));
}

/**
 * Refuses ('MEMBER_GONE') a change that moves balances (amount, currency or kind, the bin,
 * a restore) of the user's shared entries among `ids` when the payer or anyone in the
 * split is no longer an active member of the entry's book. Personal entries pass.
 */
export async function guardSharedEntries(
  tx: Tx,
  userId: string,
  ids: readonly string[],
): Promise<void> {
  const people = sql`
    SELECT e.book_id, p.user_id
      FROM expenses e
     CROSS JOIN LATERAL (SELECT e.user_id
                         UNION SELECT s.user_id FROM splits s WHERE s.expense_id = e.id) p (user_id)
     WHERE e.id = ANY(${ids}::uuid[]) AND e.user_id = ${userId}::uuid AND e.book_id IS NOT NULL`;
  const wanted = await tx.rows<{ key: string }>(sql`
    SELECT book_id::text || ' ' || user_id::text AS key FROM (${people}) people`);
  if (wanted.length === 0) return;
  const active = await holdActive(tx, sql`SELECT book_id, user_id FROM (${people}) people`);
  if (wanted.some((row) => !active.has(row.key))) throw new BookRefusal('MEMBER_GONE');
}
