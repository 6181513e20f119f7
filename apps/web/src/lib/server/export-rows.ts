// Pages through the api's `expenses` connection for an export, one page at a time, so
// a large export never sits whole in memory.
import { ExpensesQuery, type Expense, type toVariables } from '#lib/expense-query.ts';
import { toMajor } from '#lib/money.ts';
import type { Api } from './api.ts';

const PAGE = 200; // the api's largest page

interface Connection<Node> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: readonly { node: Node }[];
}

/** Every node of a connection, one page at a time, from a function that fetches a page. */
export async function* pagesOf<Node>(
  page: (first: number, after: string | null) => Promise<Connection<Node>>,
): AsyncGenerator<Node[]> {
  let after: string | null = null;
  for (;;) {
    const connection: Connection<Node> = await page(PAGE, after);
    yield connection.edges.map((edge) => edge.node);
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return;
    after = connection.pageInfo.endCursor;
  }
}

/** The entries under the expenses page's filter and order. */
export function expensePages(api: Api, variables: ReturnType<typeof toVariables>) {
  return pagesOf(async (first, after) => {
    const { expenses } = await api.must(ExpensesQuery, { ...variables, first, after });
    return expenses;
  });
}

// The import reads these headers back (Type included), so an export imports as it was.
export const EXPORT_COLUMNS = [
  'Date',
  'Type',
  'Amount',
  'Currency',
  'Category',
  'Note',
  'Source',
  'Recorded at',
];

export const kindLabel = (kind: Expense['kind']) => (kind === 'INCOME' ? 'Income' : 'Expense');

/** An entry as a row under EXPORT_COLUMNS. */
export function entryCells(expense: Expense): string[] {
  return [
    expense.localDate,
    kindLabel(expense.kind),
    toMajor(expense.amount.amountMinor, expense.amount.currency),
    expense.amount.currency,
    defuse(expense.category?.name ?? ''),
    defuse(expense.note ?? ''),
    expense.source,
    expense.occurredAt,
  ];
}

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe. */
export function defuse(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A CSV line; semicolons and tabs are quoted too, as the importer reads either as a separator. */
export function csvLine(cells: string[]): string {
  return (
    cells
      .map((cell) => (/[",;\t\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell))
      .join(',') + '\r\n'
  );
}
