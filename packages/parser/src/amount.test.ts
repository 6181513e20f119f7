import { describe, expect, it } from 'vitest';
import { findAmounts, pickAmount, type AmountOptions } from './amount.ts';
import { toMinor } from './numeral.ts';
import { tokenize } from './tokenize.ts';

const options: AmountOptions = { defaultCurrency: 'INR', threeDecimalMark: () => null };

function amounts(text: string): string[] {
  const tokens = tokenize(text);
  return findAmounts(tokens, 0, tokens.length, new Uint8Array(tokens.length), options).map(
    (candidate) => {
      const value = candidate.value;
      const shown = typeof value === 'string' ? value : String(toMinor(value, 2));
      return `${shown} ${candidate.currency ?? '-'} s${candidate.strength}`;
    },
  );
}

function picked(text: string): string | null {
  const tokens = tokenize(text);
  const best = pickAmount(
    findAmounts(tokens, 0, tokens.length, new Uint8Array(tokens.length), options),
  );
  if (best === null) return null;
  return tokens
    .slice(best.start, best.end)
    .map((token) => token.text)
    .join(' ');
}

describe('findAmounts', () => {
  it('reads currency before or after the number, attached or not', () => {
    expect(amounts('₹120')).toEqual(['12000 INR s2']);
    expect(amounts('Rs.120/-')).toEqual(['12000 INR s2']);
    expect(amounts('120rs')).toEqual(['12000 INR s2']);
    expect(amounts('12 usd')).toEqual(['1200 USD s2']);
    expect(amounts('$12.50')).toEqual(['1250 USD s2']);
  });

  it('applies shorthands', () => {
    expect(amounts('1.5k')).toEqual(['150000 - s1']);
    expect(amounts('2.5L')).toEqual(['25000000 - s0']);
    expect(amounts('1 lakh')).toEqual(['10000000 - s1']);
    expect(amounts('1.2 crore')).toEqual(['1200000000 - s1']);
  });

  it('does the arithmetic people type, multiplication first', () => {
    expect(amounts('120+80')).toEqual(['20000 - s1']);
    expect(amounts('100 - 20 + 5')).toEqual(['8500 - s1']);
    expect(amounts('10+2x5')).toEqual(['2000 - s1']);
    expect(amounts('2 x 50')).toEqual(['10000 - s1']);
    expect(amounts('1.5k+200')).toEqual(['170000 - s1']);
    expect(amounts('₹120+₹80')).toEqual(['20000 INR s2']);
    expect(amounts('120rs + 80rs')).toEqual(['20000 INR s2']);
  });

  it('stops arithmetic at a change of currency', () => {
    expect(amounts('$5+₹3')).toEqual(['500 USD s2', '300 INR s2']);
  });

  it('reads a minus sign before a number as negative, and a dash after a word as a dash', () => {
    expect(amounts('-50')).toEqual(['-5000 - s1']);
    expect(amounts('tea -50')).toEqual(['-5000 - s1']);
    expect(amounts('tea-50')).toEqual(['5000 - s1']);
    expect(amounts('tea - 50')).toEqual(['5000 - s1']);
  });

  it('weakens quantities: units, a bare L, and lone single digits', () => {
    expect(amounts('2 kg sugar 90')).toEqual(['200 - s0', '9000 - s1']);
    expect(amounts('5l petrol 500')).toEqual(['50000000 - s0', '50000 - s1']);
    expect(amounts('2 samosa 30')).toEqual(['200 - s0', '3000 - s1']);
    expect(amounts('2 samosa')).toEqual(['200 - s1']);
  });

  it('skips ordinals, times of day and numbers stuck to words', () => {
    expect(amounts('2nd')).toEqual([]);
    expect(amounts('5pm')).toEqual([]);
    expect(amounts('5 am')).toEqual([]);
    expect(amounts('mp3')).toEqual([]);
  });

  it('reports unreadable and huge numerals so the caller can say why', () => {
    expect(amounts('1,2,3')).toEqual(['invalid - s0']);
    expect(amounts('9'.repeat(40))).toEqual(['huge - s1']);
  });
});

describe('pickAmount', () => {
  it('prefers a named currency, then a plain number, then a quantity', () => {
    expect(picked('2 movie tickets rs 500')).toBe('rs 500');
    expect(picked('2 kg sugar 90')).toBe('90');
    expect(picked('2.5L')).toBe('2.5 L');
  });

  it('takes the earliest among equals', () => {
    expect(picked('500 dinner 40 tip')).toBe('500');
  });
});
