// Pages through the api's `expenses` connection for an export, one page at a time, so
// a large export never sits whole in memory.
import { EXPENSES } from '#lib/graphql/documents.ts';
import type { Expense, ExpenseConnection } from '#lib/graphql/types.ts';
import type { Api } from './api.ts';

const PAGE = 200; // the api's largest page

export async function* expensePages(
  api: Api,
  variables: Record<string, unknown>,
): AsyncGenerator<Expense[]> {
  let after: string | null = null;
  for (;;) {
    const { expenses }: { expenses: ExpenseConnection } = await api.must(EXPENSES, {
      ...variables,
      first: PAGE,
      after,
    });
    yield expenses.edges.map((edge) => edge.node);
    if (!expenses.pageInfo.hasNextPage || !expenses.pageInfo.endCursor) return;
    after = expenses.pageInfo.endCursor;
  }
}

export const EXPORT_COLUMNS = [
  'Date',
  'Amount',
  'Currency',
  'Category',
  'Note',
  'Source',
  'Recorded at',
];

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe. */
export function defuse(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvLine(cells: string[]): string {
  return (
    cells
      .map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell))
      .join(',') + '\r\n'
  );
}
