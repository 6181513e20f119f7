import { describe, expect, it } from 'vitest';
import { amountAtEnd, amountsIn, parseNumber } from './amounts.ts';

describe('parseNumber', () => {
  it('reads Indian, western and comma-decimal amounts in minor units', () => {
    expect(parseNumber('1,538.97')).toBe(153_897);
    expect(parseNumber('1,23,456.50')).toBe(12_345_650);
    expect(parseNumber('191,98')).toBe(19_198);
    expect(parseNumber('7,641')).toBe(764_100);
    expect(parseNumber('669')).toBe(66_900);
  });

  it('reads letters OCR puts for digits', () => {
    expect(parseNumber('1O8.8O')).toBe(10_880);
    expect(parseNumber('S00.00')).toBe(50_000);
    expect(parseNumber('l,2OO')).toBe(120_000);
  });

  it('refuses what is not an amount', () => {
    expect(parseNumber('12.3.4.5')).toBeNull();
    expect(parseNumber('Total')).toBeNull();
  });
});

describe('amountsIn', () => {
  it('keeps a quantity and its price apart', () => {
    expect(amountsIn('Tata Salt x2 359.98').map((a) => a.minor)).toEqual([200, 35_998]);
  });

  it('skips dates, times and percentages', () => {
    expect(amountsIn('Date 15/07/2026 15:34')).toEqual([]);
    expect(amountsIn('CGST @2.5% 74.47').map((a) => a.minor)).toEqual([7447]);
  });

  it('skips reference numbers', () => {
    expect(amountsIn('UPI Ref No: 472622153355')).toEqual([]);
  });

  it('reads a negative discount', () => {
    expect(amountsIn('Discount -31.00').map((a) => a.minor)).toEqual([-3100]);
  });
});

describe('amountAtEnd', () => {
  it('takes the amount after a currency sign or its OCR ghost', () => {
    expect(amountAtEnd('Bill Amount Rs. 3,128.00')?.minor).toBe(312_800);
    expect(amountAtEnd('TOTAL €520,28')?.minor).toBe(52_028);
    expect(amountAtEnd('GRAND TOTAL %669.32')?.minor).toBe(66_932);
    expect(amountAtEnd('Total: 1O8.80 |')?.minor).toBe(10_880);
  });

  it('reads a decimal point OCR lost', () => {
    expect(amountAtEnd('Bill Amount Rs. 3,128 00')?.minor).toBe(312_800);
    expect(amountAtEnd('Amul Butter 500g x3 855- 00')?.minor).toBe(85_500);
  });

  it('finds nothing when the line ends in words', () => {
    expect(amountAtEnd('Paid by UPI')).toBeNull();
  });
});
