import { describe, expect, it } from 'vitest';
import { csvLine, defuse, entryCells, EXPORT_COLUMNS } from './export-rows.ts';

describe('export cells', () => {
  it('quotes CSV cells with commas, quotes and line breaks', () => {
    expect(csvLine(['2026-03-08', '120.00', 'tea, "masala"', 'two\nlines'])).toBe(
      '2026-03-08,120.00,"tea, ""masala""","two\nlines"\r\n',
    );
  });

  it('quotes semicolons and tabs, which the importer also splits on', () => {
    expect(csvLine(['tea; biscuits', 'a\tb'])).toBe('"tea; biscuits","a\tb"\r\n');
  });

  it('keeps notes from running as spreadsheet formulas', () => {
    expect(defuse('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(defuse('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(defuse('petrol')).toBe('petrol');
  });

  it('writes an entry under the columns, its type right after the date', () => {
    const income = {
      id: 'e1',
      kind: 'INCOME' as const,
      amount: { amountMinor: '5000000', currency: 'INR', amount: '50000.00', formatted: '' },
      occurredAt: '2026-12-01T06:30:00.000Z',
      localDate: '2026-12-01',
      note: '-advance',
      source: 'WEB' as const,
      category: null,
      attachments: [],
    };
    expect(EXPORT_COLUMNS.slice(0, 3)).toEqual(['Date', 'Type', 'Amount']);
    expect(entryCells(income)).toEqual([
      '2026-12-01',
      'Income',
      '50000.00',
      'INR',
      '',
      "'-advance",
      'WEB',
      '2026-12-01T06:30:00.000Z',
    ]);
  });
});
