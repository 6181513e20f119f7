import { describe, expect, it } from 'vitest';
import { csvLine, defuse } from './export-rows.ts';

describe('export cells', () => {
  it('quotes CSV cells with commas, quotes and line breaks', () => {
    expect(csvLine(['2026-03-08', '120.00', 'tea, "masala"', 'two\nlines'])).toBe(
      '2026-03-08,120.00,"tea, ""masala""","two\nlines"\r\n',
    );
  });

  it('keeps notes from running as spreadsheet formulas', () => {
    expect(defuse('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(defuse('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(defuse('petrol')).toBe('petrol');
  });
});
