// What each member of a book is owed (positive) or owes (negative), per currency.

/** A member's share of a shared entry. */
export interface Share {
  member: string;
  shareMinor: bigint;
}

/** A live shared entry: who paid, and who it was for. */
export interface SharedEntry {
  payer: string;
  currency: string;
  splits: readonly Share[];
}

/** Money one member paid another to settle up. */
export interface Payment {
  from: string;
  to: string;
  currency: string;
  amountMinor: bigint;
}

/** Per currency, per member: owed (positive) or owing (negative); settled members left out. */
export type Balances = Map<string, Map<string, bigint>>;

/**
 * Balances from the live entries and settlements. The payer is credited with each share
 * (so a payer's own share nets out) and the member debited with it, which keeps every
 * currency's balances summing to zero.
 */
export function balancesOf(
  entries: readonly SharedEntry[],
  settlements: readonly Payment[],
): Balances {
  const balances: Balances = new Map();
  const add = (currency: string, member: string, delta: bigint) => {
    const members = balances.get(currency) ?? new Map<string, bigint>();
    balances.set(currency, members);
    members.set(member, (members.get(member) ?? 0n) + delta);
  };
  for (const entry of entries) {
    for (const { member, shareMinor } of entry.splits) {
      add(entry.currency, entry.payer, shareMinor);
      add(entry.currency, member, -shareMinor);
    }
  }
  for (const payment of settlements) {
    add(payment.currency, payment.from, payment.amountMinor);
    add(payment.currency, payment.to, -payment.amountMinor);
  }
  return withoutSettled(balances);
}

/** Drops members whose balance is zero, and currencies left with nobody. */
export function withoutSettled(balances: Balances): Balances {
  const kept: Balances = new Map();
  for (const [currency, members] of balances) {
    const owing = new Map([...members].filter(([, amount]) => amount !== 0n));
    if (owing.size > 0) kept.set(currency, owing);
  }
  return kept;
}
