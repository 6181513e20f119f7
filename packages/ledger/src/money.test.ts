import { describe, expect, it } from 'vitest';
import { currencyExponent, decimalToMinor, formatMoney, minorToDecimal } from './money.ts';

describe('currencyExponent', () => {
  it('knows each currency’s minor unit', () => {
    expect(['INR', 'USD', 'JPY', 'KWD', 'eur'].map(currencyExponent)).toEqual([2, 2, 0, 3, 2]);
  });
});

describe('minorToDecimal and decimalToMinor', () => {
  it('place the decimal point by the currency, signs and leading zeros included', () => {
    expect(minorToDecimal(12345n, 'INR')).toBe('123.45');
    expect(minorToDecimal(-5n, 'USD')).toBe('-0.05');
    expect(minorToDecimal(0n, 'USD')).toBe('0.00');
    expect(minorToDecimal(500n, 'JPY')).toBe('500');
    expect(minorToDecimal(1n, 'KWD')).toBe('0.001');
  });

  it('round-trip amounts far beyond a float’s exact range', () => {
    const huge = 123456789012345678901234567n;
    expect(minorToDecimal(huge, 'INR')).toBe('1234567890123456789012345.67');
    expect(decimalToMinor('1234567890123456789012345.67', 'INR')).toBe(huge);
  });

  it('read fewer decimals than the currency has, and refuse more', () => {
    expect(decimalToMinor('120', 'INR')).toBe(12000n);
    expect(decimalToMinor('0.5', 'USD')).toBe(50n);
    expect(decimalToMinor('-1.25', 'USD')).toBe(-125n);
    expect(() => decimalToMinor('1.234', 'USD')).toThrow(/at most 2/);
    expect(() => decimalToMinor('1.5', 'JPY')).toThrow(/at most 0/);
    expect(() => decimalToMinor('1e3', 'USD')).toThrow(/not a decimal/);
  });
});

describe('formatMoney', () => {
  it('formats in the user’s locale with the currency’s digits', () => {
    expect(formatMoney(1234567n, 'INR', 'en-IN')).toBe('₹12,345.67');
    expect(formatMoney(1234567n, 'USD', 'en-US')).toBe('$12,345.67');
    expect(formatMoney(1234567n, 'EUR', 'de-DE')).toBe('12.345,67\u00a0€');
    expect(formatMoney(1500n, 'JPY', 'ja-JP')).toBe('￥1,500');
    expect(formatMoney(-5n, 'USD', 'en-US')).toBe('-$0.05');
  });

  it('keeps every digit of amounts a float would round', () => {
    // 2^53 + 1 paise: as a number this would print ...992, not ...993.
    expect(formatMoney(9007199254740993n, 'INR', 'en-IN')).toBe('₹9,00,71,99,25,47,409.93');
  });
});
