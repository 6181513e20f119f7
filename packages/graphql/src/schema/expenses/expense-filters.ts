import { Prisma, type ExpenseKind, type ExpenseSource } from '@spendline/db';
import { addDays, startOfLocalDay } from '@spendline/ledger';

export type ExpenseStatus = 'ACTIVE' | 'DELETED' | 'ALL';
export type ExpenseOrderField = 'OCCURRED_AT' | 'AMOUNT' | 'CREATED_AT';
export type SortDirection = 'ASC' | 'DESC';

export interface ExpenseFilterInput {
  from?: Date | null;
  to?: Date | null;
  fromDate?: string | null;
  toDate?: string | null;
  categoryIds?: string[] | null;
  uncategorized?: boolean | null;
  search?: string | null;
  sources?: ExpenseSource[] | null;
  kinds?: ExpenseKind[] | null;
  currency?: string | null;
  minAmountMinor?: bigint | null;
  maxAmountMinor?: bigint | null;
  status?: ExpenseStatus | null;
}

/** LIKE treats % and _ as wildcards; a search for "50%" means those characters. */
function likeContaining(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The SQL condition on `expenses e` for a user's entries under a filter. The user id
 * comes first and is not optional: no filter can widen the query past the viewer's rows.
 */
export function expenseFilterSql(
  userId: string,
  timeZone: string,
  filter: ExpenseFilterInput = {},
): Prisma.Sql {
  const and = [Prisma.sql`e.user_id = ${userId}::uuid`];
  const since = (instant: Date) => and.push(Prisma.sql`e.occurred_at >= ${instant}`);
  const before = (instant: Date) => and.push(Prisma.sql`e.occurred_at < ${instant}`);
  if (filter.from) since(filter.from);
  if (filter.to) before(filter.to);
  if (filter.fromDate) since(startOfLocalDay(filter.fromDate, timeZone));
  if (filter.toDate) before(startOfLocalDay(addDays(filter.toDate, 1), timeZone));
  const categories: Prisma.Sql[] = [];
  if (filter.categoryIds?.length) {
    categories.push(Prisma.sql`e.category_id = ANY(${filter.categoryIds}::uuid[])`);
  }
  if (filter.uncategorized) categories.push(Prisma.sql`e.category_id IS NULL`);
  if (categories.length) and.push(Prisma.sql`(${Prisma.join(categories, ' OR ')})`);
  const search = filter.search?.trim();
  if (search) and.push(Prisma.sql`e.note ILIKE ${likeContaining(search)}`);
  if (filter.sources?.length) {
    and.push(Prisma.sql`e.source::text = ANY(${filter.sources}::text[])`);
  }
  if (filter.kinds?.length) and.push(Prisma.sql`e.kind::text = ANY(${filter.kinds}::text[])`);
  if (filter.currency) and.push(Prisma.sql`e.currency = ${filter.currency.toUpperCase()}`);
  if (filter.minAmountMinor != null) {
    and.push(Prisma.sql`e.amount_minor >= ${filter.minAmountMinor}`);
  }
  if (filter.maxAmountMinor != null) {
    and.push(Prisma.sql`e.amount_minor <= ${filter.maxAmountMinor}`);
  }
  const status = filter.status ?? 'ACTIVE';
  if (status === 'ACTIVE') and.push(Prisma.sql`e.deleted_at IS NULL`);
  if (status === 'DELETED') and.push(Prisma.sql`e.deleted_at IS NOT NULL`);
  return Prisma.join(and, ' AND ');
}

export interface ExpenseOrder {
  field?: ExpenseOrderField | null | undefined;
  direction?: SortDirection | null | undefined;
}

const orderColumns: Record<ExpenseOrderField, Prisma.Sql> = {
  OCCURRED_AT: Prisma.raw('occurred_at'),
  AMOUNT: Prisma.raw('amount_minor'),
  CREATED_AT: Prisma.raw('created_at'),
};

/** A page as the connection asks for it: take < 0 reads backwards from the cursor. */
export interface PageWindow {
  take: number;
  skip: number;
  cursor?: { id: string } | undefined;
}

/**
 * ORDER BY, the keyset condition after a cursor and LIMIT for one page, on `expenses e`.
 * The order is total (id breaks ties) so pages never skip or repeat a row. A cursor
 * that is not one of the user's rows matches nothing, like an unknown one.
 */
export function expensePageSql(
  userId: string,
  { field, direction }: ExpenseOrder,
  { take, skip, cursor }: PageWindow,
): { after: Prisma.Sql; orderLimit: Prisma.Sql; backward: boolean } {
  const column = orderColumns[field ?? 'OCCURRED_AT'];
  const backward = take < 0;
  const descending = ((direction ?? 'DESC') === 'DESC') !== backward;
  const dir = Prisma.raw(descending ? 'DESC' : 'ASC');
  // skip 1 leaves the cursor's own row out; skip 0 starts at it.
  const compare = Prisma.raw(`${descending ? '<' : '>'}${skip > 0 ? '' : '='}`);
  const after = cursor
    ? Prisma.sql`AND (e.${column}, e.id) ${compare} (
        SELECT c.${column}, c.id FROM expenses c
         WHERE c.id = ${cursor.id}::uuid AND c.user_id = ${userId}::uuid)`
    : Prisma.empty;
  return {
    after,
    orderLimit: Prisma.sql`ORDER BY e.${column} ${dir}, e.id ${dir} LIMIT ${Math.abs(take)}`,
    backward,
  };
}
