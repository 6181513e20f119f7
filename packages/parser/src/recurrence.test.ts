import { describe, expect, it } from 'vitest';
import { contexts } from './corpus/contexts.ts';
import { parse } from './parse.ts';

const recurring = (text: string) => {
  const result = parse(text, contexts.india);
  if (result.kind !== 'command' || result.command.type !== 'recurring')
    throw new Error(
      `"${text}" gave ${JSON.stringify(result, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}`,
    );
  const { expense, ...rule } = result.command;
  return {
    ...rule,
    amountMinor: expense.amountMinor,
    category: expense.category.status === 'matched' ? expense.category.name : null,
    note: expense.note,
  };
};

describe('repeating expenses', () => {
  it.each([
    ['every month 15000 rent on 1st', 'MONTHLY', 1, 1, null, 1_500_000n, 'Rent'],
    ['15000 rent on the 1st of every month', 'MONTHLY', 1, 1, null, 1_500_000n, 'Rent'],
    ['every week 300 cleaning', 'WEEKLY', 1, null, null, 30_000n, null],
    ['300 cleaning every friday', 'WEEKLY', 1, null, 5, 30_000n, null],
    ['every week on sunday 200 milk', 'WEEKLY', 1, null, 7, 20_000n, 'Groceries'],
    ['every month 499 netflix', 'MONTHLY', 1, null, null, 49_900n, 'Entertainment'],
    ['every 2 weeks 1200 petrol', 'WEEKLY', 2, null, null, 120_000n, 'Fuel'],
    ['every other month 800 haircut', 'MONTHLY', 2, null, null, 80_000n, null],
    ['every day 40 tea', 'DAILY', 1, null, null, 4_000n, 'Food'],
    ['each year 9999 insurance on 15th', 'YEARLY', 1, 15, null, 999_900n, null],
  ])('reads "%s"', (text, frequency, interval, dayOfMonth, dayOfWeek, amountMinor, category) => {
    expect(recurring(text)).toMatchObject({
      frequency,
      interval,
      dayOfMonth,
      dayOfWeek,
      amountMinor,
      category,
    });
  });

  it('keeps the words that are not about repetition as the note', () => {
    expect(recurring('every week 300 house cleaning on monday').note).toBe('house cleaning');
  });

  it.each([
    ['every month rent on 1st', 'no_amount'],
    ['every week on the 15th 300 cleaning', 'invalid_recurrence'],
    ['every month 100 tea, 200 lunch', 'invalid_recurrence'],
    ['every month 100 tea yesterday', 'invalid_recurrence'],
    ['every month 100 tea on 32nd', 'invalid_recurrence'],
  ])('refuses "%s" (%s)', (text, reason) => {
    expect(parse(text, contexts.india)).toMatchObject({ kind: 'unknown', reason });
  });

  it('leaves statements and budgets alone', () => {
    expect(parse('monthly', contexts.india)).toMatchObject({
      kind: 'command',
      command: { type: 'month' },
    });
    expect(parse('budget 5000 monthly', contexts.india)).toMatchObject({
      kind: 'command',
      command: { type: 'budget' },
    });
    expect(parse('120 petrol', contexts.india)).toMatchObject({ kind: 'expenses' });
    expect(parse('monthly internet bill 999', contexts.india)).toMatchObject({ kind: 'expenses' });
  });
});
