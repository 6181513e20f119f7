import { describe, expect, it } from 'vitest';
import { contexts } from './corpus/contexts.ts';
import { prepare } from './context.ts';

describe('prepare', () => {
  it('reuses its work for the same unchanged context', () => {
    const context = { ...contexts.india };
    expect(prepare(context)).toBe(prepare(context));
  });

  it('notices a changed clock on the same context object', () => {
    const context = { ...contexts.india };
    expect(prepare(context).todayIso).toBe('2026-11-24');
    context.now = new Date('2026-11-24T19:00:00Z');
    expect(prepare(context).todayIso).toBe('2026-11-25');
  });

  it('upper-cases the default currency and limits amounts to a billion by default', () => {
    const prepared = prepare({ ...contexts.india, currency: 'inr' });
    expect(prepared.currency).toBe('INR');
    expect(prepared.maxMajor).toBe(1_000_000_000n);
  });

  it('throws RangeError for a context Intl cannot use', () => {
    expect(() => prepare({ ...contexts.india, timeZone: 'Nowhere/Land' })).toThrow(RangeError);
    expect(() => prepare({ ...contexts.india, currency: 'RUPEES' })).toThrow(RangeError);
    expect(() => prepare({ ...contexts.india, locale: 'not a locale' })).toThrow(RangeError);
  });
});
