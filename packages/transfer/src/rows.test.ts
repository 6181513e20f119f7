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
    ['1,234.50', 'INR', 123_450n, false],
    ['₹ 1,23,456', 'INR', 12_345_600n, false],
    ['Rs. 120/-', 'INR', 12_000n, false],
    ['1.234,50', 'EUR', 123_450n, false],
    ['12,50', 'EUR', 1_250n, false],
    ['1,234', 'USD', 123_400n, false],
    ['-45', 'USD', 4_500n, true],
    ['(45.00)', 'USD', 4_500n, true],
    ['−45 USD', 'USD', 4_500n, true],
    ['500', 'JPY', 500n, false],
  ])('reads "%s" %s as %s, negative %s', (text, currency, minor, negative) => {
    expect(readAmount(text, currency)).toEqual({ minor, negative });
  });

  it.each([
    ['1.5', 'JPY', '"1.5" has more decimals than JPY amounts have'],
    ['0', 'USD', 'the amount is zero'],
    ['abc', 'USD', '"abc" is not an amount in USD'],
    ['1e9', 'INR', '"1e9" is not an amount in INR'],
    ['12abc3', 'INR', '"12abc3" is not an amount in INR'],
    ['12345678901234567890', 'INR', 'amount too large: "12345678901234567890"'],
    ['10000000000000.01', 'INR', 'amount too large: "10000000000000.01"'],
  ])('refuses "%s" %s: %s', (text, currency, problem) => {
    expect(readAmount(text, currency)).toEqual({ problem });
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

  it('takes a negative amount as money back unless the Type column says otherwise', () => {
    const plain = { date: 0, amount: 1, note: 2 };
    expect(readRow(['2026-12-01', '-40', 'refund'], plain, options)).toMatchObject({
      row: { kind: 'INCOME', amountMinor: 4_000n },
    });
    expect(readRow(['2026-12-01', '(40)', 'refund'], plain, options)).toMatchObject({
      row: { kind: 'INCOME', amountMinor: 4_000n },
    });
    expect(readRow(['2026-12-01', '-40', '', '', 'Debit', ''], mapping, options)).toMatchObject({
      row: { kind: 'EXPENSE', amountMinor: 4_000n },
    });
  });

  it('refuses control characters and over-long text instead of cutting or storing them', () => {
    expect(readRow(['2026-12-01', '1', 'Fo\u0000od', '', '', ''], mapping, options)).toEqual({
      problem: 'the category contains invisible control characters (such as NUL)',
    });
    expect(readRow(['2026-12-01', '1', '', 'a\u0007b', '', ''], mapping, options)).toEqual({
      problem: 'the note contains invisible control characters (such as NUL)',
    });
    expect(readRow(['2026-12-01', '1', '', 'x'.repeat(501), '', ''], mapping, options)).toEqual({
      problem: 'the note is longer than 500 characters',
    });
    expect(readRow(['2026-12-01', '1', 'c'.repeat(51), '', '', ''], mapping, options)).toEqual({
      problem: 'the category is longer than 50 characters',
    });
    expect(
      readRow(['2026-12-01', '1', '', 'two\nlines\tand a tab', '', ''], mapping, options),
    ).toMatchObject({ row: { note: 'two\nlines\tand a tab' } });
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
