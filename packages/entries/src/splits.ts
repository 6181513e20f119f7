import { sql, type Queries } from '@spendline/db';

/**
 * Shares a shared entry's new amount among its members with the weights they had: each
 * share the exact proportion rounded down, the units left over one at a time to the
 * largest remainder, ties to the earlier position. This is `splitAmount` of the books
 * module, in SQL, so an edit from any source keeps the shares summing to the amount.
 */
export async function rescaleSplits(tx: Queries, expenseId: string): Promise<void> {
  await tx.execute(sql`
    WITH parts AS (
      SELECT s.id, s.position, e.amount_minor::numeric * s.weight AS scaled,
             SUM(s.weight) OVER ()::numeric AS total, e.amount_minor::numeric AS amount
        FROM splits s JOIN expenses e ON e.id = s.expense_id
       WHERE s.expense_id = ${expenseId}::uuid),
    floored AS (
      SELECT id, position, div(scaled, total) AS base, mod(scaled, total) AS remainder, amount
        FROM parts),
    ranked AS (
      SELECT id, base,
             ROW_NUMBER() OVER (ORDER BY remainder DESC, position) AS rank,
             amount - SUM(base) OVER () AS left_over
        FROM floored)
    UPDATE splits SET share_minor = (ranked.base + CASE WHEN ranked.rank <= ranked.left_over
                                                        THEN 1 ELSE 0 END)::bigint
      FROM ranked
     WHERE splits.id = ranked.id`);
}
