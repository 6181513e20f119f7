import { describe, expect, it } from 'vitest';
import { ago, count, duration, secondsBetween, span } from './operator-format.ts';

describe('operator page wording', () => {
  it('says ages in the largest whole unit, singular for one', () => {
    expect(ago(2)).toBe('just now');
    expect(ago(45)).toBe('45 seconds ago');
    expect(ago(60)).toBe('1 minute ago');
    expect(ago(600)).toBe('10 minutes ago');
    expect(ago(7_300)).toBe('2 hours ago');
    expect(span(90_000)).toBe('1 day');
  });

  it('says durations in ms, seconds or minutes', () => {
    expect(duration(300)).toBe('300 ms');
    expect(duration(8_080)).toBe('8.1 s');
    expect(duration(180_000)).toBe('3 minutes');
  });

  it('counts with the right plural and measures between instants', () => {
    expect(count(1, 'reply', 'replies')).toBe('1 reply');
    expect(count(3, 'reply', 'replies')).toBe('3 replies');
    expect(secondsBetween('2026-12-06T11:57:00.000Z', '2026-12-06T12:00:00.000Z')).toBe(180);
  });
});
