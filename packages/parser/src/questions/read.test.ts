import { describe, expect, it } from 'vitest';
import { defaultCategories } from '../corpus/contexts.ts';
import type { ParseContext } from '../types.ts';
import { parseQuestion } from './read.ts';

// Monday 7 December 2026, noon in India; en-IN weeks start on Sunday.
const context: ParseContext = {
  categories: defaultCategories,
  currency: 'INR',
  locale: 'en-IN',
  timeZone: 'Asia/Kolkata',
  now: new Date('2026-12-07T06:30:00Z'),
};

const read = (text: string) => {
  const result = parseQuestion(text, context);
  if (result?.kind !== 'question') throw new Error(`${text}: ${JSON.stringify(result)}`);
  return result.question;
};

describe('parseQuestion', () => {
  it('reads a category and a calendar month', () => {
    const q = read('how much did I spend on food last month');
    expect(q.filter).toEqual({ kind: 'category', categoryId: 'food', name: 'Food' });
    expect(q.period).toMatchObject({ from: '2026-11-01', to: '2026-11-30', unit: 'month' });
    expect(q.measure).toBeNull();
  });

  it('reads Hinglish as the parser does', () => {
    const q = read('pichle mahine food pe kitna kharcha hua');
    expect(q.filter).toMatchObject({ categoryId: 'food' });
    expect(q.period).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('asks about a taught alias by its word, not its whole category', () => {
    expect(read('uber in november').filter).toEqual({ kind: 'word', word: 'uber' });
    expect(read('how much at dmart this year').filter).toEqual({ kind: 'word', word: 'dmart' });
  });

  it('needs something about money before a bare question counts', () => {
    for (const text of ['what is this', 'how are you?', 'what?', 'where are you']) {
      expect(parseQuestion(text, context)).toBeNull();
    }
    expect(read('how much?').filter).toBeNull();
    expect(read('what did I spend').filter).toBeNull();
    expect(read('quanto gastei?').filter).toBeNull();
  });

  // "pengeluaran" (spending) and "ini" (this) are no subject: the whole month's total.
  it('asks about all spending in the other languages', () => {
    for (const text of [
      'berapa pengeluaran bulan ini?',
      'berapa total pengeluaran saya minggu ini',
      'quanto gastei este mês?',
      '¿cuánto gasté este mes?',
      'इस महीने कितना खर्च हुआ?',
    ]) {
      expect(read(text).filter, text).toBeNull();
    }
  });

  it('ends spans today', () => {
    expect(read('groceries last 7 days').period).toMatchObject({
      from: '2026-12-01',
      to: '2026-12-07',
    });
    expect(read('this month').period).toMatchObject({ from: '2026-12-01', to: '2026-12-07' });
    expect(read('between 1 nov and 15 nov').period).toMatchObject({
      from: '2026-11-01',
      to: '2026-11-15',
    });
    expect(read('on 3 dec').period).toMatchObject({ from: '2026-12-03', to: '2026-12-03' });
  });

  it('reads both sides of a comparison', () => {
    const q = read('compare october and november');
    expect(q.period).toMatchObject({ from: '2026-10-01' });
    expect(q.compare).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('reads rankings, stats, thresholds and yes/no', () => {
    expect(read('top 3 categories this month')).toMatchObject({ measure: 'top', top: 3 });
    expect(read('biggest expense this week').measure).toBe('biggest');
    expect(read('average per day this month').measure).toBe('average');
    expect(read('more than 1000 this month')).toMatchObject({
      measure: 'above',
      thresholdMinor: 100000n,
    });
    expect(read('1000 se zyada is mahine')).toMatchObject({
      measure: 'above',
      thresholdMinor: 100000n,
    });
    expect(read('how many times did I order swiggy')).toMatchObject({
      measure: 'count',
      filter: { word: 'swiggy' },
    });
    expect(read('did I spend on shopping last month?').measure).toBe('any');
  });

  it('marks follow-ups that lean on the last question', () => {
    expect(read('and transport?')).toMatchObject({
      followUp: true,
      period: null,
      filter: { categoryId: 'transport' },
    });
    expect(read('what about last month?')).toMatchObject({ followUp: true, filter: null });
    expect(read('show them')).toMatchObject({ followUp: true, measure: 'list' });
    // Each language's one word for it, as its replies suggest.
    for (const text of ['mostrar', 'muestra', 'tampilkan', 'दिखाओ']) {
      expect(read(text), text).toMatchObject({ followUp: true, measure: 'list' });
    }
    expect(parseQuestion('more', context)).toEqual({ kind: 'more' });
  });

  it('leaves expenses and small talk alone', () => {
    for (const text of [
      '120 petrol',
      'spent 250 on lunch yesterday',
      'food 500 last month',
      'uber',
      'hello there my friend',
      '2 samosa 30',
    ]) {
      expect(parseQuestion(text, context), text).toBeNull();
    }
  });

  it('offers a question that would work when one cannot be answered', () => {
    expect(
      parseQuestion('how much did i waste on silly little things last month', context),
    ).toEqual({
      kind: 'unclear',
      example: 'how much on food last month',
    });
  });
});
