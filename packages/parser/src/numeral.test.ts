import { describe, expect, it } from 'vitest';
import { add, multiply, parseNumeral, shift, toMinor, type Decimal } from './numeral.ts';

function read(text: string, threeDecimalMark: string | null = null, scaled = false): string {
  const value = parseNumeral(text, threeDecimalMark, scaled);
  if (typeof value === 'string') return value;
  return `${value.units}e-${value.scale}`;
}

describe('parseNumeral', () => {
  it('reads plain integers and decimals', () => {
    expect(read('120')).toBe('120e-0');
    expect(read('12.5')).toBe('125e-1');
    expect(read('0120')).toBe('120e-0');
  });

  it('takes the last of two different marks as the decimal one', () => {
    expect(read('1,200.50')).toBe('120050e-2');
    expect(read('1.200,50')).toBe('120050e-2');
    expect(read('1,20,000.50')).toBe('12000050e-2');
  });

  it('reads a repeated mark as grouping, western or Indian', () => {
    expect(read('1,200,000')).toBe('1200000e-0');
    expect(read('1.200.000')).toBe('1200000e-0');
    expect(read('1,20,000')).toBe('120000e-0');
    expect(read('12,34,567')).toBe('1234567e-0');
  });

  it('reads one mark before exactly three digits as grouping', () => {
    expect(read('1,200')).toBe('1200e-0');
    expect(read('1.200')).toBe('1200e-0');
  });

  it('reads one mark before one, two or four digits as decimal', () => {
    expect(read('12,50')).toBe('1250e-2');
    expect(read('1,5')).toBe('15e-1');
    expect(read('1.2345')).toBe('12345e-4');
  });

  it('reads three digits after the mark as decimals where grouping is impossible or unlikely', () => {
    expect(read('0.500')).toBe('500e-3');
    expect(read('12345.678')).toBe('12345678e-3');
    expect(read('1.234', '.')).toBe('1234e-3');
    expect(read('1.234', null, true)).toBe('1234e-3');
    expect(read('1,500', null, true)).toBe('1500e-0');
  });

  it('groups with spaces and apostrophes, with a decimal mark after them', () => {
    expect(read('1 200')).toBe('1200e-0');
    expect(read('1 200,50')).toBe('120050e-2');
    expect(read("1'200.50")).toBe('120050e-2');
  });

  it('refuses malformed grouping', () => {
    expect(read('1,2,3')).toBe('invalid');
    expect(read('1,2000,000')).toBe('invalid');
    expect(read('1.200,000.5')).toBe('invalid');
    expect(read("1 200'000")).toBe('invalid');
  });

  it('calls absurdly long digit strings huge without building a BigInt', () => {
    expect(read('9'.repeat(4096))).toBe('huge');
  });
});

describe('decimal arithmetic', () => {
  const d = (units: bigint, scale: number): Decimal => ({ units, scale });

  it('adds and multiplies exactly across scales', () => {
    expect(add(d(125n, 1), d(5n, 2))).toEqual(d(1255n, 2));
    expect(multiply(d(25n, 1), d(15n, 1))).toEqual(d(375n, 2));
  });

  it('shifts by powers of ten', () => {
    expect(shift(d(15n, 1), 3)).toEqual(d(1500n, 0));
    expect(shift(d(12345n, 5), 3)).toEqual(d(12345n, 2));
  });

  it('converts to minor units only when no rounding is needed', () => {
    expect(toMinor(d(1205n, 1), 2)).toBe(12050n);
    expect(toMinor(d(12500n, 3), 2)).toBe(1250n);
    expect(toMinor(d(12345n, 3), 2)).toBeNull();
    expect(toMinor(d(125n, 1), 0)).toBeNull();
  });
});
