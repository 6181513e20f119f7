// A tapped row of an answer's list narrows the last question, or is stale when it no
// longer fits it.
import type { ResolvedQuestion } from '@spendline/parser';
import { describe, expect, it } from 'vitest';
import { narrowed, withCategoryName } from './asked.ts';

const month: ResolvedQuestion = {
  measure: 'top',
  filter: null,
  period: { from: '2026-12-01', to: '2026-12-07', label: 'this month', unit: 'month' },
  compare: null,
  top: 3,
  thresholdMinor: null,
  currency: 'INR',
};
const at = '2026-12-07T06:30:00.000Z';

describe('narrowed', () => {
  it('asks a ranking again as the total of the tapped category', () => {
    expect(narrowed(month, { kind: 'category', categoryId: 'cat-food', name: 'Food' })).toEqual({
      ...month,
      measure: 'total',
      filter: { kind: 'category', categoryId: 'cat-food', name: 'Food' },
      top: null,
    });
  });

  it('asks the same question for one day of its period', () => {
    const food = { ...month, measure: 'total' as const, top: null };
    expect(narrowed(food, { kind: 'day', day: '2026-12-03' })?.period).toEqual({
      from: '2026-12-03',
      to: '2026-12-03',
      label: '3 Dec',
      unit: 'day',
    });
  });

  it('finds no question for a row that does not fit the last one', () => {
    const food = {
      ...month,
      measure: 'total' as const,
      filter: { kind: 'category' as const, categoryId: 'cat-food', name: 'Food' },
    };
    const transport = { kind: 'category' as const, categoryId: 'cat-transport', name: 'Transport' };
    expect(narrowed(food, transport)).toBeNull();
    expect(narrowed({ ...month, measure: 'list' }, transport)).toBeNull();
    // A category gone from the account has no name to answer with.
    expect(narrowed(month, { kind: 'category', categoryId: 'cat-gone' })).toBeNull();
    expect(narrowed(month, { kind: 'day', day: '2026-11-30' })).toBeNull();
    const day = { ...month, period: { ...month.period, from: '2026-12-07' } };
    expect(narrowed(day, { kind: 'day', day: '2026-12-07' })).toBeNull();
  });
});

describe('withCategoryName', () => {
  it('names a tapped category from the account, and leaves other events alone', () => {
    const categories = [{ id: 'cat-food', name: 'Food' }];
    const tapped = {
      type: 'DRILL_TAPPED' as const,
      at,
      drill: { kind: 'category' as const, categoryId: 'cat-food' },
    };
    expect(withCategoryName(tapped, categories)).toEqual({
      ...tapped,
      drill: { kind: 'category', categoryId: 'cat-food', name: 'Food' },
    });
    const more = { type: 'MORE' as const, at };
    expect(withCategoryName(more, categories)).toBe(more);
  });
});
