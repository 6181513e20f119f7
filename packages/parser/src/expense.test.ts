import { describe, expect, it } from 'vitest';
import { prepare } from './context.ts';
import { contexts } from './corpus/contexts.ts';
import { analyze } from './expense.ts';
import { normalize, tokenize } from './tokenize.ts';

function analysis(text: string) {
  const source = normalize(text);
  const tokens = tokenize(source);
  return analyze(
    source,
    tokens,
    { start: 0, end: tokens.length },
    prepare(contexts.india),
    new Uint8Array(tokens.length),
  );
}

describe('analyze', () => {
  it('keeps the user’s own words and case in the note, without amount, date or fillers', () => {
    expect(analysis('Spent ₹250 on Lunch with Team yesterday').note).toBe('Lunch with Team');
    expect(analysis('dinner 🍕 party 800').note).toBe('dinner 🍕 party');
    expect(analysis('uber   from\noffice 230').note).toBe('uber from office');
  });

  it('drops a word that only names the category, but keeps an alias', () => {
    expect(analysis('450 groceries weekly shopping').note).toBe('weekly shopping');
    expect(analysis('120 #fuel').note).toBe('');
    expect(analysis('120 petrol').note).toBe('petrol');
  });

  it('joins the pieces around a removed amount with one space', () => {
    expect(analysis('breakfast 80 idli').note).toBe('breakfast idli');
  });

  it('takes the currency from a currency word anywhere in the item', () => {
    expect(analysis('50 lunch in usd').currency).toBe('USD');
    expect(analysis('50 lunch').currency).toBe('INR');
  });

  it('lists the category words without fillers, units or currency', () => {
    expect(analysis('spent 2 kg on sugar rs 90').words.map((word) => word.key)).toEqual(['sugar']);
  });

  it('gives the item’s text with whitespace collapsed', () => {
    expect(analysis('  50   tea \n').text).toBe('50 tea');
  });

  it('takes a four-digit number as the amount when a year would leave none', () => {
    const result = analysis('jan 12 2000 lunch');
    expect(result.amount?.start).toBe(2);
    expect(result.date).toMatchObject({ start: 0, end: 2 });
  });
});
