// Reads the add and edit forms of the expenses page into the api's input.
import { text } from '#lib/forms.ts';
import type { Viewer } from './viewer.ts';
import { toMinor } from '#lib/money.ts';
import { localNoon, today } from '#lib/zoned-time.ts';

export interface ExpenseFormResult {
  input: Record<string, unknown>;
  values: Record<string, string>;
  fields: Record<string, string>;
}

export function readExpenseForm(
  form: FormData,
  viewer: Pick<Viewer, 'currency' | 'timeZone'>,
  previousDate?: string,
): ExpenseFormResult {
  const values = {
    kind: text(form, 'kind') === 'INCOME' ? 'INCOME' : 'EXPENSE',
    amount: text(form, 'amount'),
    date: text(form, 'date'),
    category: text(form, 'category'),
    note: text(form, 'note'),
  };
  const fields: Record<string, string> = {};
  const amountMinor = toMinor(values.amount, viewer.currency);
  if (!amountMinor) fields.amount = `Enter an amount above zero, like 120 or 120.50.`;
  if (values.date && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) fields.date = 'Pick a date.';
  if (values.date > today(viewer.timeZone)) fields.date = 'The date cannot be in the future.';
  if (values.note.length > 500) fields.note = 'Keep the note under 500 characters.';

  const input: Record<string, unknown> = {
    kind: values.kind,
    amountMinor,
    note: values.note || null,
    categoryId: values.category || null,
  };
  // A new entry dated today is "now"; an edit keeps its time unless the day changed.
  const changedDay = values.date && values.date !== (previousDate ?? today(viewer.timeZone));
  if (changedDay) input.occurredAt = localNoon(values.date, viewer.timeZone);
  return { input, values, fields };
}
