import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Balances } from './balances.ts';
import { settleUpPlan, type Transfer } from './settle.ts';

const balances = (currency: string, entries: Record<string, bigint>): Balances =>
  new Map([[currency, new Map(Object.entries(entries))]]);

/** The balances after the plan is paid: every one should be zero. */
function afterPaying(start: Balances, plan: readonly Transfer[]): bigint[] {
  const left = new Map([...start].map(([c, m]) => [c, new Map(m)]));
  for (const t of plan) {
    const members = left.get(t.currency)!;
    members.set(t.from, (members.get(t.from) ?? 0n) + t.amountMinor);
    members.set(t.to, (members.get(t.to) ?? 0n) - t.amountMinor);
  }
  return [...left.values()].flatMap((m) => [...m.values()]);
}

/** Independent check: the most zero-sum groups, by trying every group with the first member. */
function mostGroups(amounts: readonly bigint[]): number {
  if (amounts.length === 0) return 0;
  const [first, ...rest] = amounts;
  let most = 0;
  for (let mask = 0; mask < 1 << rest.length; mask++) {
    const inGroup = rest.filter((_, i) => mask & (1 << i));
    if (inGroup.reduce((s, a) => s + a, first!) !== 0n) continue;
    const others = rest.filter((_, i) => !(mask & (1 << i)));
    most = Math.max(most, 1 + mostGroups(others));
  }
  return most;
}

/** Balances that sum to zero: random amounts, the last member taking up the rest. */
const zeroSum = (max: number) =>
  fc
    .array(fc.bigInt({ min: -50n, max: 50n }), { minLength: 1, maxLength: max - 1 })
    .map((amounts) => [...amounts, -amounts.reduce((s, a) => s + a, 0n)]);

const named = (amounts: readonly bigint[]): Balances =>
  new Map([['INR', new Map(amounts.map((a, i) => [`m${String(i).padStart(2, '0')}`, a]))]]);

describe('settleUpPlan', () => {
  it('settles two members with one transfer from the debtor', () => {
    expect(settleUpPlan(balances('INR', { asha: 40000n, rahul: -40000n }))).toEqual([
      { currency: 'INR', from: 'rahul', to: 'asha', amountMinor: 40000n },
    ]);
  });

  it('finds groups that settle among themselves where the greedy plan would not', () => {
    // Greedy: e pays a 4, c pays b 3, d pays a 2 and b 1 = 4 transfers. {b, e} and {a, c, d} need 3.
    const plan = settleUpPlan(balances('INR', { a: 6n, b: 4n, c: -3n, d: -3n, e: -4n }));
    expect(plan).toHaveLength(3);
    expect(plan).toContainEqual({ currency: 'INR', from: 'e', to: 'b', amountMinor: 4n });
    expect(afterPaying(balances('INR', { a: 6n, b: 4n, c: -3n, d: -3n, e: -4n }), plan)).toEqual([
      0n,
      0n,
      0n,
      0n,
      0n,
    ]);
  });

  it('settles each currency on its own', () => {
    const start: Balances = new Map([
      [
        'INR',
        new Map([
          ['a', 500n],
          ['b', -500n],
        ]),
      ],
      [
        'USD',
        new Map([
          ['a', -7n],
          ['b', 7n],
        ]),
      ],
    ]);
    expect(settleUpPlan(start)).toEqual([
      { currency: 'INR', from: 'b', to: 'a', amountMinor: 500n },
      { currency: 'USD', from: 'a', to: 'b', amountMinor: 7n },
    ]);
  });

  it('always settles everything with the fewest transfers, up to eight members', () => {
    fc.assert(
      fc.property(zeroSum(8), (amounts) => {
        const start = named(amounts);
        const plan = settleUpPlan(start);
        expect(afterPaying(start, plan).every((a) => a === 0n)).toBe(true);
        const owing = amounts.filter((a) => a !== 0n);
        expect(plan).toHaveLength(owing.length - mostGroups(owing));
        expect(plan.every((t) => t.amountMinor > 0n && t.from !== t.to)).toBe(true);
      }),
    );
  });

  it('settles everything of forty members with fewer transfers than members', () => {
    fc.assert(
      fc.property(zeroSum(40), (amounts) => {
        const start = named(amounts);
        const plan = settleUpPlan(start);
        expect(afterPaying(start, plan).every((a) => a === 0n)).toBe(true);
        expect(plan.length).toBeLessThanOrEqual(Math.max(0, amounts.filter(Boolean).length - 1));
      }),
      { numRuns: 50 },
    );
  });
});
