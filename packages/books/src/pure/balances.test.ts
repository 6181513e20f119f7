import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balancesOf, type Balances } from './balances.ts';
import {
  apply,
  MEMBERS,
  operation,
  referenceBalances,
  referenceShares,
  type Model,
} from './book-model.ts';
import { settleUpPlan } from './settle.ts';
import { splitAmount } from './split.ts';

const names = Array.from({ length: MEMBERS }, (_, i) => `member${i}`);

/** The model's live entries and settlements, as the code under test takes them. */
function computed(model: Model): Balances {
  return balancesOf(
    model.entries
      .filter((e) => !e.deleted)
      .map((e) => {
        const inSplit = e.weights.flatMap((w, i) => (w > 0n ? [{ w, i }] : []));
        const shares = splitAmount(
          e.amount,
          inSplit.map((x) => x.w),
        );
        return {
          payer: names[e.payer]!,
          currency: e.currency,
          splits: inSplit.map((x, k) => ({ member: names[x.i]!, shareMinor: shares[k]! })),
        };
      }),
    model.settlements
      .filter((s) => !s.deleted)
      .map((s) => ({
        from: names[s.from]!,
        to: names[s.to]!,
        currency: s.currency,
        amountMinor: s.amount,
      })),
  );
}

const flat = (balances: Balances) =>
  Object.fromEntries(
    [...balances].flatMap(([currency, members]) =>
      [...members].map(([member, amount]) => [`${currency} ${names.indexOf(member)}`, amount]),
    ),
  );

describe('balancesOf', () => {
  it('works shares out the long way: 100 split 1:0:2 is 33, nothing and 67', () => {
    expect(referenceShares(100n, [1n, 0n, 2n])).toEqual([33n, 0n, 67n]);
  });

  it('always equals the reference after random splits, edits, deletes and settlements', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 40 }), (operations) => {
        const model: Model = { entries: [], settlements: [] };
        for (const op of operations) {
          apply(model, op);
          const balances = computed(model);
          expect(flat(balances)).toEqual(referenceBalances(model));
          for (const members of balances.values()) {
            expect([...members.values()].reduce((a, b) => a + b, 0n)).toBe(0n);
          }
        }
        // The plan settles everything that is left.
        const after = computed(model);
        for (const t of settleUpPlan(after)) {
          model.settlements.push({
            from: names.indexOf(t.from),
            to: names.indexOf(t.to),
            currency: t.currency,
            amount: t.amountMinor,
            deleted: false,
          });
        }
        expect(computed(model)).toEqual(new Map());
      }),
    );
  });
});
