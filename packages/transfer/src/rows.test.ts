import { describe, expect, it } from 'vitest';
import { guessMapping, mappingProblems, readAmount, readDate, readRow } from './rows.ts';

describe('guessMapping', () => {
  it('reads this product’s export and a generic bank layout', () => {
    expect(
      guessMapping([
        'Date',
        'Type',
        'Amount',
        'Currency',
        'Category',
        'Note',
        'Source',
        'Recorded at',
      ]),
    ).toEqual({ date: 0, kind: 1, amount: 2, currency: 3, category: 4, note: 5 });
    expect(guessMapping(['Txn Date', 'Narration', 'Debit', 'Balance'])).toEqual({
      date: 0,
      note: 1,
      amount: 2,
    });
    expect(mappingProblems(guessMapping(['When', 'What']))).toEqual([
      'Choose the column that holds the amount.',
    ]);
  });
});

describe('readDate', () => {
  it.each([
    ['2026-12-02', 'en-IN', '2026-12-02'],
    ['2026-12-02T18:30:00Z', 'en-IN', '2026-12-02'],
    ['02/12/2026', 'en-IN', '2026-12-02'],
    ['12/02/2026', 'en-US', '2026-12-02'],
    ['2.12.26', 'de-DE', '2026-12-02'],
    ['2 Dec 2026', 'en-IN', '2026-12-02'],
    ['02-Dec-2026', 'en-IN', '2026-12-02'],
    ['December 2, 2026', 'en-US', '2026-12-02'],
    ['31/02/2026', 'en-IN', null],
    ['yesterday', 'en-IN', null],
  ])('reads "%s" (%s) as %s', (text, locale, date) => {
    expect(readDate(text, locale)).toBe(date);
  });
});

describe('readAmount', () => {
  it.each([
    ['1,234.50', 'INR', 123_450n],
    ['₹ 1,23,456', 'INR', 12_345_600n],
    ['1.234,50', 'EUR', 123_450n],
    ['12,50', 'EUR', 1_250n],
    ['1,234', 'USD', 123_400n],
    ['-45', 'USD', 4_500n],
    ['(45.00)', 'USD', 4_500n],
    ['500', 'JPY', 500n],
    ['1.5', 'JPY', null],
    ['0', 'USD', null],
    ['abc', 'USD', null],
  ])('reads "%s" %s as %s', (text, currency, minor) => {
    expect(readAmount(text, currency)).toBe(minor);
  });
});

describe('readRow', () => {
  const mapping = { date: 0, amount: 1, category: 2, note: 3, kind: 4, currency: 5 };
  const options = { currency: 'INR', locale: 'en-IN' };

  it('reads an entry, income from the Type column, the default currency when none', () => {
    expect(readRow(['2026-12-01', '50,000', '', 'Salary', 'Income', ''], mapping, options)).toEqual(
      {
        row: {
          date: '2026-12-01',
          kind: 'INCOME',
          amountMinor: 5_000_000n,
          currency: 'INR',
          category: null,
          note: 'Salary',
        },
      },
    );
    expect(
      readRow(['2026-12-01', '12', 'Food', '', 'Expense', 'usd'], mapping, options),
    ).toMatchObject({
      row: { kind: 'EXPENSE', currency: 'USD', amountMinor: 1_200n, category: 'Food' },
    });
  });

  it('drops the apostrophe an export puts before formula-like text', () => {
    expect(
      readRow(['2026-12-01', '1', "'+Extras", "'-5 refund", '', ''], mapping, options),
    ).toMatchObject({ row: { category: '+Extras', note: '-5 refund' } });
    expect(
      readRow(['2026-12-01', '1', '', "'tis the season", '', ''], mapping, options),
    ).toMatchObject({ row: { note: "'tis the season" } });
  });

  it('says what is wrong with a row it cannot read', () => {
    expect(readRow(['soon', '12'], mapping, options)).toEqual({ problem: '"soon" is not a date' });
    expect(readRow(['2026-12-01', 'free'], mapping, options)).toEqual({
      problem: '"free" is not an amount in INR',
    });
    expect(readRow(['2026-12-01', '1', '', '', '', 'rupees'], mapping, options)).toEqual({
      problem: '"rupees" is not a currency code',
    });
  });
});
