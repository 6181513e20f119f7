import { describe, expect, it } from 'vitest';
import { randomSeed, seededRandom } from './random.ts';

const take = (next: () => number, count: number) => Array.from({ length: count }, next);

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(take(seededRandom(42), 20)).toEqual(take(seededRandom(42), 20));
  });

  it('gives different sequences for different seeds', () => {
    expect(take(seededRandom(1), 5)).not.toEqual(take(seededRandom(2), 5));
  });

  it('stays in [0, 1) and spreads over the range', () => {
    const values = take(seededRandom(7), 10_000);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe('randomSeed', () => {
  it('gives unsigned 32-bit integers that differ between calls', () => {
    const seeds = take(randomSeed, 10);
    expect(seeds.every((seed) => Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)).toBe(true);
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });
});
