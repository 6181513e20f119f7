// The settle-up plan: who pays whom so that every balance in a book reaches zero, with as
// few transfers as can be found.
import type { Balances } from './balances.ts';

/** One payment of the plan. */
export interface Transfer {
  currency: string;
  from: string;
  to: string;
  amountMinor: bigint;
}

/**
 * Up to this many members owing or owed in one currency, the plan is the fewest transfers
 * there are (an exact search over 2^n groups); beyond it the greedy plan, which needs at
 * most one transfer fewer than the members but can miss groups that settle among themselves.
 */
export const EXACT_PLAN_LIMIT = 10;

/**
 * The transfers that settle every currency's balances. n members with balances need at
 * most n - 1 transfers; each group of members whose balances sum to zero saves one, so
 * the fewest transfers split the members into as many zero-sum groups as possible, and
 * settle each group on its own.
 */
export function settleUpPlan(balances: Balances): Transfer[] {
  const plan: Transfer[] = [];
  for (const currency of [...balances.keys()].sort()) {
    const members = [...balances.get(currency)!]
      .filter(([, amount]) => amount !== 0n)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const groups = members.length <= EXACT_PLAN_LIMIT ? zeroSumGroups(members) : [members];
    for (const group of groups) plan.push(...greedy(currency, group));
  }
  return plan;
}

type Member = readonly [string, bigint];

/**
 * Splits the members into the most groups whose balances each sum to zero. best[mask] is
 * the most zero-sum prefixes any ordering of the members in `mask` has; the ordering that
 * reaches it, cut after each zero-sum prefix, gives the groups.
 */
function zeroSumGroups(members: readonly Member[]): Member[][] {
  const n = members.length;
  const size = 1 << n;
  const sum = new Array<bigint>(size).fill(0n);
  const best = new Array<number>(size).fill(0);
  const last = new Array<number>(size).fill(-1);
  for (let mask = 1; mask < size; mask++) {
    const low = Math.clz32(1) - Math.clz32(mask & -mask);
    sum[mask] = sum[mask & (mask - 1)]! + members[low]![1];
    for (let i = 0; i < n; i++) {
      if (!(mask & (1 << i))) continue;
      const before = best[mask ^ (1 << i)]!;
      if (last[mask] === -1 || before > best[mask]!) {
        best[mask] = before;
        last[mask] = i;
      }
    }
    if (sum[mask] === 0n) best[mask]! += 1;
  }
  const groups: Member[][] = [];
  let current: Member[] = [];
  for (let mask = size - 1; mask !== 0;) {
    if (sum[mask] === 0n && current.length > 0) {
      groups.push(current);
      current = [];
    }
    const i = last[mask]!;
    current.push(members[i]!);
    mask ^= 1 << i;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Settles one group: the largest debtor pays the largest creditor as much as both allow,
 * until nobody owes. Each transfer clears at least one member, so k members need at most
 * k - 1 transfers.
 */
function greedy(currency: string, group: readonly Member[]): Transfer[] {
  const owed: [string, bigint][] = group.filter(([, a]) => a > 0n).map(([m, a]) => [m, a]);
  const owing: [string, bigint][] = group.filter(([, a]) => a < 0n).map(([m, a]) => [m, -a]);
  const byAmount = (a: [string, bigint], b: [string, bigint]) =>
    a[1] === b[1] ? (a[0] < b[0] ? -1 : 1) : a[1] > b[1] ? -1 : 1;
  const transfers: Transfer[] = [];
  while (owed.length > 0 && owing.length > 0) {
    owed.sort(byAmount);
    owing.sort(byAmount);
    const creditor = owed[0]!;
    const debtor = owing[0]!;
    const amountMinor = creditor[1] < debtor[1] ? creditor[1] : debtor[1];
    transfers.push({ currency, from: debtor[0], to: creditor[0], amountMinor });
    creditor[1] -= amountMinor;
    debtor[1] -= amountMinor;
    if (creditor[1] === 0n) owed.shift();
    if (debtor[1] === 0n) owing.shift();
  }
  return transfers;
}
