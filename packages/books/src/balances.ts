import { sql, type Queries } from '@spendline/db';
import { withoutSettled, type Balances } from './pure/balances.ts';

type Tx = Queries;

/**
 * The book's balances, summed in SQL: per currency, what each member is owed (positive)
 * or owes (negative); settled members left out. Each share of a live expense credits its
 * payer and debits its member, each live settlement the other way round, so every
 * currency sums to zero. Entries in the bin count for nothing until restored.
 */
export async function bookBalances(tx: Tx, bookId: string): Promise<Balances> {
  const rows = await tx.rows<{ currency: string; userId: string; balance: bigint }>(sql`
    WITH shares AS (
      SELECT e.currency, e.user_id AS payer, s.user_id AS member, s.share_minor
        FROM expenses e JOIN splits s ON s.expense_id = e.id
       WHERE e.book_id = ${bookId}::uuid AND e.deleted_at IS NULL AND e.kind = 'EXPENSE'),
    paid AS (
      SELECT currency, from_user_id, to_user_id, amount_minor FROM settlements
       WHERE book_id = ${bookId}::uuid AND deleted_at IS NULL),
    moves (currency, user_id, amount) AS (
      SELECT currency, payer, share_minor FROM shares
      UNION ALL SELECT currency, member, -share_minor FROM shares
      UNION ALL SELECT currency, from_user_id, amount_minor FROM paid
      UNION ALL SELECT currency, to_user_id, -amount_minor FROM paid)
    SELECT currency, user_id::text AS "userId", SUM(amount)::bigint AS balance
      FROM moves
     GROUP BY currency, user_id
    HAVING SUM(amount) <> 0
     ORDER BY currency, user_id`);
  const balances: Balances = new Map();
  for (const row of rows) {
    const members = balances.get(row.currency) ?? new Map<string, bigint>();
    balances.set(row.currency, members.set(row.userId, row.balance));
  }
  return withoutSettled(balances);
}
