import { describe, expect, it } from 'vitest';
import { defaultCategories } from '../corpus/contexts.ts';
import type { ParseContext } from '../types.ts';
import { parseQuestion } from './read.ts';
import { resolveQuestion } from './resolve.ts';
import type { ResolvedQuestion } from './types.ts';

const context: ParseContext = {
  categories: defaultCategories,
  currency: 'INR',
  locale: 'en-IN',
  timeZone: 'Asia/Kolkata',
  now: new Date('2026-12-07T06:30:00Z'),
};

/** Asks each question in turn, each resolved against the one before. */
function conversation(...texts: string[]): ResolvedQuestion[] {
  const asked: ResolvedQuestion[] = [];
  for (const text of texts) {
    const read = parseQuestion(text, context);
    if (read?.kind !== 'question') throw new Error(`${text} is no question`);
    asked.push(resolveQuestion(read.question, asked.at(-1) ?? null));
  }
  return asked;
}

describe('resolveQuestion', () => {
  it('gives a new question the total over this month so far', () => {
    const [q] = conversation('food?');
    expect(q).toMatchObject({ measure: 'total', period: { from: '2026-12-01', to: '2026-12-07' } });
  });

  it('keeps the period, then the category, then lists, across turns', () => {
    const [, transport, lastMonth, shown] = conversation(
      'how much on food last week',
      'and transport?',
      'what about last month?',
      'show them',
    );
    expect(transport).toMatchObject({
      filter: { name: 'Transport' },
      period: { label: 'last week' },
    });
    expect(lastMonth).toMatchObject({
      filter: { name: 'Transport' },
      period: { label: 'last month' },
    });
    expect(shown).toMatchObject({
      measure: 'list',
      filter: { name: 'Transport' },
      period: { label: 'last month' },
    });
  });

  it('keeps a comparison for a new category but not for a new period', () => {
    const [, transport, week] = conversation(
      'food this month vs last month',
      'and transport?',
      'what about this week?',
    );
    expect(transport?.compare).toMatchObject({ label: 'last month' });
    expect(week?.compare).toBeNull();
  });

  it('lists the entries over an amount when asked to show them', () => {
    const [, shown] = conversation('more than 1000 this month', 'show them');
    expect(shown).toMatchObject({ measure: 'list', thresholdMinor: '100000', currency: 'INR' });
  });

  it('does not carry anything into a question that is not a follow-up', () => {
    const [, fresh] = conversation('food last month', 'top 3 categories');
    expect(fresh).toMatchObject({ filter: null, period: { label: 'this month' }, measure: 'top' });
  });
});
