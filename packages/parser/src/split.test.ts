import { describe, expect, it } from 'vitest';
import { splitSegments } from './split.ts';
import { tokenize } from './tokenize.ts';

function pieces(text: string): string[] {
  const tokens = tokenize(text);
  return splitSegments(tokens).map(({ start, end }) =>
    tokens
      .slice(start, end)
      .map((token) => token.text)
      .join(' '),
  );
}

describe('splitSegments', () => {
  it('splits on lines, commas, semicolons, full stops and "and"', () => {
    expect(pieces('50 tea, 120 petrol')).toEqual(['50 tea', '120 petrol']);
    expect(pieces('50 tea\n120 petrol')).toEqual(['50 tea', '120 petrol']);
    expect(pieces('50 tea; 120 petrol. 80 auto')).toEqual(['50 tea', '120 petrol', '80 auto']);
    expect(pieces('50 tea and 120 petrol & 80 auto')).toEqual(['50 tea', '120 petrol', '80 auto']);
  });

  it('keeps arithmetic together but splits a list joined by plus', () => {
    expect(pieces('120+80 groceries')).toEqual(['120 + 80 groceries']);
    expect(pieces('1.5k+200')).toEqual(['1.5 k + 200']);
    expect(pieces('50 tea + 30 biscuit')).toEqual(['50 tea', '30 biscuit']);
    expect(pieces('Rs 50 + Rs 30 tea')).toEqual(['Rs 50 + Rs 30 tea']);
    expect(pieces('1 lakh + 20k')).toEqual(['1 lakh + 20 k']);
  });

  it('keeps the comma of "jan 12, 2026" inside the date', () => {
    expect(pieces('500 on jan 12, 2026 for books')).toEqual(['500 on jan 12 , 2026 for books']);
  });

  it('drops empty pieces', () => {
    expect(pieces(',,50 tea,,\n\n')).toEqual(['50 tea']);
  });
});
