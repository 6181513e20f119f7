import type { ExpenseKind, ExpenseSource, Prisma } from '@spendline/db';
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

/**
 * The Prisma where for a user's expenses under a filter. The user id comes first and
 * is not optional: no filter can widen the query past the viewer's own rows.
 */
export function expenseWhere(
  userId: string,
  timeZone: string,
  filter: ExpenseFilterInput = {},
): Prisma.ExpenseWhereInput {
  const and: Prisma.ExpenseWhereInput[] = [];
  if (filter.from) and.push({ occurredAt: { gte: filter.from } });
  if (filter.to) and.push({ occurredAt: { lt: filter.to } });
  if (filter.fromDate)
    and.push({ occurredAt: { gte: startOfLocalDay(filter.fromDate, timeZone) } });
  if (filter.toDate) {
    and.push({ occurredAt: { lt: startOfLocalDay(addDays(filter.toDate, 1), timeZone) } });
  }
  const categories: Prisma.ExpenseWhereInput[] = [];
  if (filter.categoryIds?.length) categories.push({ categoryId: { in: filter.categoryIds } });
  if (filter.uncategorized) categories.push({ categoryId: null });
  if (categories.length) and.push({ OR: categories });
  const search = filter.search?.trim();
  if (search) and.push({ note: { contains: search, mode: 'insensitive' } });
  if (filter.sources?.length) and.push({ source: { in: filter.sources } });
  if (filter.kinds?.length) and.push({ kind: { in: filter.kinds } });
  if (filter.currency) and.push({ currency: filter.currency.toUpperCase() });
  if (filter.minAmountMinor != null) and.push({ amountMinor: { gte: filter.minAmountMinor } });
  if (filter.maxAmountMinor != null) and.push({ amountMinor: { lte: filter.maxAmountMinor } });
  const status = filter.status ?? 'ACTIVE';
  if (status === 'ACTIVE') and.push({ deletedAt: null });
  if (status === 'DELETED') and.push({ deletedAt: { not: null } });
  return { userId, AND: and };
}

/** A total order (id breaks ties) so cursor pages never skip or repeat a row. */
export function expenseOrder(
  field: ExpenseOrderField = 'OCCURRED_AT',
  direction: SortDirection = 'DESC',
): Prisma.ExpenseOrderByWithRelationInput[] {
  const dir = direction === 'ASC' ? 'asc' : 'desc';
  const column = { OCCURRED_AT: 'occurredAt', AMOUNT: 'amountMinor', CREATED_AT: 'createdAt' }[
    field
  ];
  return [{ [column]: dir }, { id: dir }];
}
