// What each member paid and what their shares came to, per currency: the chart's bars.
// A member's balance is what they paid, less their shares, plus settlements they paid,
// less settlements paid to them; so their shares are worked out from the other three.
interface Person {
  id: string;
  name: string;
}

interface Amount {
  amountMinor: string;
  currency: string;
}

export interface BookFigures {
  entries: readonly { amount: Amount; paidBy: Person }[];
  balances: readonly { currency: string; members: readonly { member: Person; amount: Amount }[] }[];
  settlements: readonly { from: Person; to: Person; amount: Amount }[];
}

export interface MemberTotal {
  id: string;
  name: string;
  paid: bigint;
  share: bigint;
}

export interface CurrencyTotals {
  currency: string;
  members: MemberTotal[];
  /** The largest paid or share figure: the full width of a bar. */
  most: bigint;
}

export function memberTotals({ entries, balances, settlements }: BookFigures): CurrencyTotals[] {
  const byCurrency = new Map<string, Map<string, MemberTotal>>();
  const row = (currency: string, person: Person) => {
    let members = byCurrency.get(currency);
    if (!members) byCurrency.set(currency, (members = new Map<string, MemberTotal>()));
    let total = members.get(person.id);
    if (!total) {
      total = { id: person.id, name: person.name, paid: 0n, share: 0n };
      members.set(person.id, total);
    }
    return total;
  };
  for (const { amount, paidBy } of entries) {
    const minor = BigInt(amount.amountMinor);
    row(amount.currency, paidBy).paid += minor;
    row(amount.currency, paidBy).share += minor;
  }
  for (const { from, to, amount } of settlements) {
    row(amount.currency, from).share += BigInt(amount.amountMinor);
    row(amount.currency, to).share -= BigInt(amount.amountMinor);
  }
  for (const balance of balances) {
    for (const { member, amount } of balance.members) {
      row(balance.currency, member).share -= BigInt(amount.amountMinor);
    }
  }
  return [...byCurrency].map(([currency, members]) => {
    const rows = [...members.values()];
    const most = rows.reduce(
      (max, r) => [max, r.paid, r.share].reduce((a, b) => (b > a ? b : a)),
      0n,
    );
    return { currency, members: rows, most };
  });
}

/** A bar's width as a percentage of the largest figure. */
export function widthOf(value: bigint, most: bigint): number {
  return most > 0n && value > 0n ? Number((value * 1000n) / most) / 10 : 0;
}
