// Reads the add and edit forms of the expenses page into the api's input, and the
// mutations that take it.
import { text } from '#lib/forms.ts';
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql, type VariablesOf } from '#lib/graphql/graphql.ts';
import { toMinor } from '#lib/money.ts';
import { localNoon, today } from '#lib/zoned-time.ts';
import type { Translate } from './i18n.ts';
import type { Viewer } from './viewer.ts';

export const CreateExpenseMutation = graphql(
  `
    mutation CreateExpense($input: NewExpense!) {
      createExpense(input: $input) {
        __typename
        ...TypedErrorFields
        ... on Expense {
          id
        }
      }
    }
  `,
  [TypedErrorFields],
);

export const UpdateExpenseMutation = graphql(
  `
    mutation UpdateExpense($id: ID!, $input: ExpensePatch!) {
      updateExpense(id: $id, input: $input) {
        __typename
        ...TypedErrorFields
        ... on Expense {
          id
        }
      }
    }
  `,
  [TypedErrorFields],
);

type NewExpense = VariablesOf<typeof CreateExpenseMutation>['input'];

export interface ExpenseFormResult {
  /** Sent only when `fields` is empty. */
  input: NewExpense;
  values: Record<string, string>;
  fields: Record<string, string>;
}

export function readExpenseForm(
  form: FormData,
  viewer: Pick<Viewer, 'currency' | 'timeZone'>,
  t: Translate,
  previousDate?: string,
): ExpenseFormResult {
  const values = {
    kind: text(form, 'kind') === 'INCOME' ? ('INCOME' as const) : ('EXPENSE' as const),
    amount: text(form, 'amount'),
    date: text(form, 'date'),
    category: text(form, 'category'),
    note: text(form, 'note'),
  };
  const fields: Record<string, string> = {};
  const amountMinor = toMinor(values.amount, viewer.currency);
  if (!amountMinor) fields.amount = t('expenseForm.amount');
  if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) fields.date = t('expenseForm.date');
  if (values.date > today(viewer.timeZone)) fields.date = t('expenseForm.future');
  if (values.note.length > 500) fields.note = t('expenseForm.note');

  const input: NewExpense = {
    kind: values.kind,
    // A missing amount is in `fields`, so this input is not sent.
    amountMinor: amountMinor ?? '',
    note: values.note || null,
    categoryId: values.category || null,
  };
  // A new entry dated today is "now"; an edit keeps its time unless the day changed.
  const changedDay = values.date && values.date !== (previousDate ?? today(viewer.timeZone));
  if (changedDay) input.occurredAt = localNoon(values.date, viewer.timeZone);
  return { input, values, fields };
}
