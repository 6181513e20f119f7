import { describe, expect, it } from 'vitest';
import { normalize, tokenize } from './tokenize.ts';

function kinds(text: string): string[] {
  return tokenize(normalize(text)).map((token) => `${token.kind}:${token.text}`);
}

describe('normalize', () => {
  it('leaves plain ASCII untouched', () => {
    const text = '120 petrol';
    expect(normalize(text)).toBe(text);
  });

  it('folds full-width digits, no-break spaces and the rupee ligature', () => {
    expect(normalize('１２０\u00a0₨')).toBe('120 Rs');
  });

  it('turns digits of Indian scripts into ASCII digits', () => {
    expect(normalize('१२० ৫০ ౩')).toBe('120 50 3');
  });
});

describe('tokenize', () => {
  it('keeps grouped and decimal numbers whole', () => {
    expect(kinds('1,20,000 1.200,50 12,50')).toEqual([
      'number:1,20,000',
      'number:1.200,50',
      'number:12,50',
    ]);
  });

  it('groups with a space only before exactly three digits', () => {
    expect(kinds('1 200 tea')).toEqual(['number:1 200', 'word:tea']);
    expect(kinds('12 500 000')).toEqual(['number:12 500 000']);
    expect(kinds('12 50 tea')).toEqual(['number:12', 'number:50', 'word:tea']);
    expect(kinds('1 2000')).toEqual(['number:1', 'number:2000']);
  });

  it('lets a three-digit group lead only where spaces group thousands', () => {
    expect(kinds('120 500')).toEqual(['number:120', 'number:500']);
    expect(tokenize('120 500', true).map((token) => token.text)).toEqual(['120 500']);
  });

  it('does not group a day of the month with the amount after it', () => {
    expect(kinds('jan 12 200')).toEqual(['word:jan', 'number:12', 'number:200']);
  });

  it('recognises numeric dates and splits arithmetic on dashes', () => {
    expect(kinds('12/01 2026-01-12 12.01.2026 100-20')).toEqual([
      'date:12/01',
      'date:2026-01-12',
      'date:12.01.2026',
      'number:100',
      'op:-',
      'number:20',
    ]);
  });

  it('marks slashed numbers that are not dates as junk', () => {
    expect(kinds('1/2/345 50/50')).toEqual(['junk:1/2/345', 'date:50/50']);
  });

  it('reads 5:30 as a time of day', () => {
    expect(kinds('at 5:30')).toEqual(['word:at', 'time:5:30']);
  });

  it('notes which tokens touch their neighbour', () => {
    const tokens = tokenize('rs120 120rs');
    expect(tokens.map((token) => token.glued)).toEqual([false, true, false, true]);
  });

  it('ends a sentence at a full stop, except after Rs.', () => {
    expect(kinds('Rs. 120 petrol. 50 tea')).toEqual([
      'word:Rs',
      'number:120',
      'word:petrol',
      'break:.',
      'number:50',
      'word:tea',
    ]);
  });

  it('drops list numbering at the start of a line', () => {
    expect(kinds('1. 50 tea\n2) 120 petrol')).toEqual([
      'number:50',
      'word:tea',
      'break:\n',
      'number:120',
      'word:petrol',
    ]);
  });

  it('keeps a number that only looks like list numbering', () => {
    expect(kinds('5. tea')).toEqual(['number:5', 'break:.', 'word:tea']);
  });

  it('reads currency signs, hashtags, operators and breaks', () => {
    expect(kinds('₹120+$5 #fuel; a & b')).toEqual([
      'symbol:₹',
      'number:120',
      'op:+',
      'symbol:$',
      'number:5',
      'hashtag:#fuel',
      'break:;',
      'word:a',
      'break:&',
      'word:b',
    ]);
  });

  it('lower-cases word keys and drops a possessive', () => {
    const [token] = tokenize("Today's");
    expect(token?.key).toBe('today');
  });

  it('skips emoji and stray punctuation', () => {
    expect(kinds('☕ (50) tea!!')).toEqual(['number:50', 'word:tea', 'break:!', 'break:!']);
  });

  it('reads words in any script', () => {
    expect(kinds('चाय 20')).toEqual(['word:चाय', 'number:20']);
  });

  it('handles a lone surrogate without losing its place', () => {
    expect(kinds('\ud83d 50')).toEqual(['number:50']);
  });

  it('keeps a number with letters or stray marks between its digits as one token', () => {
    expect(kinds('1e9 food')).toEqual(['number:1e9', 'word:food']);
    expect(kinds('1.5e-3, 12..5 1_000.')).toEqual([
      'number:1.5e-3',
      'break:,',
      'number:12..5',
      'number:1_000',
      'break:.',
    ]);
    expect(kinds('½ 1²')).toEqual(['number:1⁄2', 'number:1^2']);
  });

  it('still splits times, dates and words glued to a number', () => {
    expect(kinds('2x50 12jan2026 50tea')).toEqual([
      'number:2',
      'word:x',
      'number:50',
      'number:12',
      'word:jan',
      'number:2026',
      'number:50',
      'word:tea',
    ]);
  });
});
