import { describe, expect, it } from 'vitest';
import { english } from '#lib/i18n/english.ts';
import { readExpenseForm } from './expense-form.ts';

const viewer = { currency: 'INR', timeZone: 'Asia/Kolkata' };
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe('readExpenseForm', () => {
  it('reads income or spending from the Type select, spending by default', () => {
    expect(
      readExpenseForm(form({ kind: 'INCOME', amount: '50000' }), viewer, english.t).input,
    ).toMatchObject({
      kind: 'INCOME',
      amountMinor: '5000000',
    });
    expect(readExpenseForm(form({ amount: '120' }), viewer, english.t).input.kind).toBe('EXPENSE');
    expect(
      readExpenseForm(form({ kind: 'GIFT', amount: '120' }), viewer, english.t).input.kind,
    ).toBe('EXPENSE');
  });
});
