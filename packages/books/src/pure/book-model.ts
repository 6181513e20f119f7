// A book as plain data, for the property tests of the arithmetic and of the database: a
// random sequence of operations, applied to the model, and a reference computation of
// the balances that shares nothing with the code under test.
import fc from 'fast-check';

export const MEMBERS = 3;
const CURRENCIES = ['INR', 'USD'] as const;

export type Operation =
  | { kind: 'add'; payer: number; currency: string; amount: bigint; weights: bigint[] }
  | { kind: 'edit'; entry: number; amount: bigint }
  | { kind: 'delete'; entry: number }
  | { kind: 'restore'; entry: number }
  | { kind: 'settle'; from: number; to: number; currency: string; amount: bigint }
  | { kind: 'unsettle'; settlement: number };

const member = fc.integer({ min: 0, max: MEMBERS - 1 });
const currency = fc.constantFrom(...CURRENCIES);
const amount = fc.bigInt({ min: 1n, max: 10_000_000n });

export const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    payer: member,
    currency,
    amount,
    // Weight 0 leaves a member out of the split; at least one member is in.
    weights: fc
      .array(fc.bigInt({ min: 0n, max: 3n }), { minLength: MEMBERS, maxLength: MEMBERS })
      .filter((weights) => weights.some((w) => w > 0n)),
  }),
  fc.record({ kind: fc.constant('edit' as const), entry: fc.nat(), amount }),
  fc.record({ kind: fc.constant('delete' as const), entry: fc.nat() }),
  fc.record({ kind: fc.constant('restore' as const), entry: fc.nat() }),
  fc
    .record({ kind: fc.constant('settle' as const), from: member, to: member, currency, amount })
    .filter((s) => s.from !== s.to),
  fc.record({ kind: fc.constant('unsettle' as const), settlement: fc.nat() }),
);

export interface ModelEntry {
  payer: number;
  currency: string;
  amount: bigint;
  weights: bigint[];
  deleted: boolean;
}

export interface ModelSettlement {
  from: number;
  to: number;
  currency: string;
  amount: bigint;
  deleted: boolean;
}

export interface Model {
  entries: ModelEntry[];
  settlements: ModelSettlement[];
}

/**
 * Applies one operation; an edit, delete or restore picks among the entries that exist
 * (index modulo their count) and is skipped when there are none, as is an undo with no
 * live settlement. Returns what it acted on, for a caller that mirrors it elsewhere.
 */
export function apply(model: Model, op: Operation): { index: number } | null {
  switch (op.kind) {
    case 'add':
      model.entries.push({ ...op, deleted: false });
      return { index: model.entries.length - 1 };
    case 'edit':
    case 'delete':
    case 'restore': {
      if (model.entries.length === 0) return null;
      const index = op.entry % model.entries.length;
      const entry = model.entries[index]!;
      if (op.kind === 'edit') {
        if (entry.deleted) return null;
        entry.amount = op.amount;
      } else {
        entry.deleted = op.kind === 'delete';
      }
      return { index };
    }
    case 'settle':
      model.settlements.push({ ...op, deleted: false });
      return { index: model.settlements.length - 1 };
    case 'unsettle': {
      const live = model.settlements.filter((s) => !s.deleted);
      if (live.length === 0) return null;
      const chosen = live[op.settlement % live.length]!;
      chosen.deleted = true;
      return { index: model.settlements.indexOf(chosen) };
    }
  }
}

/**
 * Each member's share, worked out the long way: everyone gets the floor of their exact
 * share, then the leftover units go one by one to whoever has the most left over, the
 * lowest position winning a tie.
 */
export function referenceShares(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  const shares = weights.map((w) => (total * w) / sum);
  const leftover = weights.map((w) => (total * w) % sum);
  const given = weights.map(() => false);
  let left = total - shares.reduce((a, b) => a + b, 0n);
  while (left > 0n) {
    let best = -1;
    for (let i = 0; i < weights.length; i++) {
      if (given[i] || weights[i] === 0n) continue;
      if (best === -1 || leftover[i]! > leftover[best]!) best = i;
    }
    shares[best]! += 1n;
    given[best] = true;
    left -= 1n;
  }
  return shares;
}

/** Reference balances: "currency member" to amount, settled members left out. */
export function referenceBalances(model: Model): Record<string, bigint> {
  const totals: Record<string, bigint> = {};
  const add = (currency: string, who: number, delta: bigint) => {
    const key = `${currency} ${who}`;
    totals[key] = (totals[key] ?? 0n) + delta;
  };
  for (const entry of model.entries.filter((e) => !e.deleted)) {
    add(entry.currency, entry.payer, entry.amount);
    referenceShares(entry.amount, entry.weights).forEach((share, who) => {
      if (entry.weights[who]! > 0n) add(entry.currency, who, -share);
    });
  }
  for (const s of model.settlements.filter((x) => !x.deleted)) {
    add(s.currency, s.from, s.amount);
    add(s.currency, s.to, -s.amount);
  }
  return Object.fromEntries(Object.entries(totals).filter(([, v]) => v !== 0n));
}
