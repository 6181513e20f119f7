import { describe, expect, it } from 'vitest';
import { editDistance, isTransposition } from './edit-distance.ts';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps as one edit each', () => {
    expect(editDistance('petrol', 'petrol', 2)).toBe(0);
    expect(editDistance('petrl', 'petrol', 2)).toBe(1);
    expect(editDistance('petroll', 'petrol', 2)).toBe(1);
    expect(editDistance('petral', 'petrol', 2)).toBe(1);
    expect(editDistance('petorl', 'petrol', 2)).toBe(1);
    expect(editDistance('ptroel', 'petrol', 3)).toBe(2);
  });

  it('stops at the bound', () => {
    expect(editDistance('electricity', 'entertainment', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('handles words longer than its scratch rows', () => {
    const long = 'x'.repeat(200);
    expect(editDistance(long, `${long}y`, 2)).toBe(1);
  });
});

describe('isTransposition', () => {
  it('is true only for two neighbouring letters swapped', () => {
    expect(isTransposition('fule', 'fuel')).toBe(true);
    expect(isTransposition('ufel', 'fuel')).toBe(true);
    expect(isTransposition('full', 'fuel')).toBe(false);
    expect(isTransposition('fuel', 'fuel')).toBe(false);
    expect(isTransposition('flue', 'fuel')).toBe(false);
  });
});
