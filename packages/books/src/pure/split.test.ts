import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_WEIGHT, splitAmount } from './split.ts';

describe('splitAmount', () => {
  it('splits equally, the leftover paisa going to the earlier members', () => {
    expect(splitAmount(120000n, [1n, 1n, 1n])).toEqual([40000n, 40000n, 40000n]);
    expect(splitAmount(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(splitAmount(101n, [1n, 1n, 1n])).toEqual([34n, 34n, 33n]);
  });

  it('splits 2:1 by weight', () => {
    expect(splitAmount(300000n, [2n, 1n])).toEqual([200000n, 100000n]);
    expect(splitAmount(100n, [2n, 1n])).toEqual([67n, 33n]);
  });

  it('gives the leftover to the largest fraction before the earlier member', () => {
    // 10 * 1/6 = 1.67, 10 * 2/6 = 3.33, 10 * 3/6 = 5: the first member's .67 wins.
    expect(splitAmount(10n, [1n, 2n, 3n])).toEqual([2n, 3n, 5n]);
  });

  it('gives one member the whole amount', () => {
    expect(splitAmount(50000n, [1n])).toEqual([50000n]);
  });

  it('refuses no members, a zero weight and a weight beyond the largest', () => {
    expect(() => splitAmount(100n, [])).toThrow(RangeError);
    expect(() => splitAmount(100n, [1n, 0n])).toThrow(RangeError);
    expect(() => splitAmount(100n, [MAX_WEIGHT + 1n])).toThrow(RangeError);
  });

  it('always sums to the amount, each share within one unit of its exact proportion', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.array(fc.bigInt({ min: 1n, max: MAX_WEIGHT }), { minLength: 1, maxLength: 12 }),
        (amount, weights) => {
          const shares = splitAmount(amount, weights);
          const total = weights.reduce((a, b) => a + b, 0n);
          expect(shares.reduce((a, b) => a + b, 0n)).toBe(amount);
          shares.forEach((share, i) => {
            const off = share * total - amount * weights[i]!;
            expect(off > -total && off < total).toBe(true);
          });
          // The members given an extra unit are those with the largest remainders, ties first.
          const rank = weights
            .map((w, i) => ({ i, rem: (amount * w) % total }))
            .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
          const extra = Number(amount - weights.reduce((s, w) => s + (amount * w) / total, 0n));
          const favoured = new Set(rank.slice(0, extra).map((r) => r.i));
          shares.forEach((share, i) => {
            expect(share).toBe((amount * weights[i]!) / total + (favoured.has(i) ? 1n : 0n));
          });
        },
      ),
    );
  });
});
