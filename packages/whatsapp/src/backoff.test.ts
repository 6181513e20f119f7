import { describe, expect, it } from 'vitest';
import { backoffDelay, retryDelay } from './backoff.ts';

const top = () => 0.999999;
const bottom = () => 0;

describe('backoffDelay', () => {
  it('doubles its ceiling with each attempt', () => {
    const ceilings = [0, 1, 2, 3].map((attempt) =>
      backoffDelay(attempt, { baseMs: 100, maxMs: 10_000, random: top }),
    );
    expect(ceilings).toEqual([99, 199, 399, 799]);
  });

  it('caps the ceiling at maxMs', () => {
    expect(backoffDelay(20, { baseMs: 100, maxMs: 5000, random: top })).toBe(4999);
  });

  it('jitters over the whole range down to zero', () => {
    expect(backoffDelay(3, { baseMs: 100, random: bottom })).toBe(0);
    expect(backoffDelay(3, { baseMs: 100, random: () => 0.5 })).toBe(400);
  });

  it('never waits less than a server-requested delay, even above maxMs', () => {
    expect(backoffDelay(0, { baseMs: 100, maxMs: 1000, random: bottom, retryAfterMs: 7000 })).toBe(
      7000,
    );
    expect(backoffDelay(5, { baseMs: 100, random: top, retryAfterMs: 10 })).toBe(3199);
  });

  it('uses a one-second base and stays within a minute by default', () => {
    expect(backoffDelay(0, { random: top })).toBe(999);
    expect(backoffDelay(30, { random: top })).toBe(59_999);
  });

  it('treats a negative attempt as the first', () => {
    expect(backoffDelay(-3, { baseMs: 100, random: top })).toBe(99);
  });
});

describe('retryDelay', () => {
  it('waits 4^n seconds after a pair rate limit, as Meta asks', () => {
    const delays = [0, 1, 2, 3].map((attempt) =>
      retryDelay({ code: 131056 }, attempt, { random: bottom }),
    );
    expect(delays).toEqual([1000, 4000, 16_000, 64_000]);
  });

  it('honours Retry-After from the failure', () => {
    expect(retryDelay({ code: 130429, retryAfterMs: 3000 }, 0, { random: bottom })).toBe(3000);
  });

  it('falls back to plain backoff for other failures', () => {
    expect(retryDelay({ code: 130429 }, 2, { baseMs: 100, random: top })).toBe(399);
    expect(retryDelay({}, 0, { random: bottom })).toBe(0);
  });
});
