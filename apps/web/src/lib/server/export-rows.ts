// Pages through the api's `expenses` connection for an export, one page at a time, so
// a large export never sits whole in memory.
import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { EXPENSES } from '#lib/graphql/documents.ts';
import type { Expense, ExpenseConnection } from '#lib/graphql/types.ts';
import { toMajor } from '#lib/money.ts';
import type { Api } from './api.ts';

const PAGE = 200; // the api's largest page

export async function* expensePages<T extends Expense = Expense>(
  api: Api,
  variables: Record<string, unknown>,
  document: TypedDocumentNode<{ expenses: ExpenseConnection<T> }, AnyVariables> = EXPENSES,
): AsyncGenerator<T[]> {
  let after: string | null = null;
  for (;;) {
    const { expenses }: { expenses: ExpenseConnection<T> } = await api.must(document, {
      ...variables,
      first: PAGE,
      after,
    });
    yield expenses.edges.map((edge) => edge.node);
    if (!expenses.pageInfo.hasNextPage || !expenses.pageInfo.endCursor) return;
    after = expenses.pageInfo.endCursor;
  }
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
