import { describe, expect, it } from 'vitest';
import { formatMinor, minorDigits, toMajor, toMinor } from './money.ts';

describe('money', () => {
  it('knows each currency’s minor digits', () => {
    expect([minorDigits('INR'), minorDigits('JPY'), minorDigits('BHD')]).toEqual([2, 0, 3]);
  });

  it('turns minor units into exact major units', () => {
    expect(toMajor('12050', 'INR')).toBe('120.50');
    expect(toMajor('5', 'INR')).toBe('0.05');
    expect(toMajor('-1999', 'USD')).toBe('-19.99');
    expect(toMajor('1200', 'JPY')).toBe('1200');
    // Beyond Number's exact range, still exact.
    expect(toMajor('900719925474099312', 'INR')).toBe('9007199254740993.12');
  });

  it('reads what people type, refusing what is not an amount', () => {
    expect(toMinor('120', 'INR')).toBe('12000');
    expect(toMinor(' 1,250.5 ', 'INR')).toBe('125050');
    expect(toMinor('0.1', 'USD')).toBe('10');
    expect(toMinor('12.345', 'INR')).toBeNull();
    expect(toMinor('12.5', 'JPY')).toBeNull();
    expect(toMinor('0', 'INR')).toBeNull();
    expect(toMinor('-5', 'INR')).toBeNull();
    expect(toMinor('abc', 'INR')).toBeNull();
  });

  it('formats in the person’s locale and currency', () => {
    expect(formatMinor('12005000', 'INR', 'en-IN')).toBe('₹1,20,050.00');
    expect(formatMinor('199', 'EUR', 'de-DE')).toBe('1,99\u00a0€');
  });
});
