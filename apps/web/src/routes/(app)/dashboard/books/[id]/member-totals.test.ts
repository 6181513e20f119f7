import { describe, expect, it } from 'vitest';
import { memberTotals, widthOf } from './member-totals.ts';

const asha = { id: 'a', name: 'Asha' };
const ravi = { id: 'r', name: 'Ravi' };
const inr = (amountMinor: string) => ({ amountMinor, currency: 'INR' });

describe('memberTotals', () => {
  it('works each share out from what was paid, the balance and the settlements', () => {
    // Asha paid 3000 split equally, Ravi paid 1000 for Asha alone, then paid Asha 200:
    // Asha's share 1500 + 1000, Ravi's 1500.
    const totals = memberTotals({
      entries: [
        { amount: inr('300000'), paidBy: asha },
        { amount: inr('100000'), paidBy: ravi },
      ],
      settlements: [{ from: ravi, to: asha, amount: inr('20000') }],
      balances: [
        {
          currency: 'INR',
          members: [
            { member: asha, amount: inr('30000') },
            { member: ravi, amount: inr('-30000') },
          ],
        },
      ],
    });
    expect(totals).toEqual([
      {
        currency: 'INR',
        members: [
          { ...asha, paid: 300000n, share: 250000n },
          { ...ravi, paid: 100000n, share: 150000n },
        ],
        most: 300000n,
      },
    ]);
  });

  it('keeps currencies apart', () => {
    const totals = memberTotals({
      entries: [{ amount: { amountMinor: '1001', currency: 'USD' }, paidBy: ravi }],
      settlements: [],
      balances: [
        {
          currency: 'USD',
          members: [
            { member: ravi, amount: { amountMinor: '1001', currency: 'USD' } },
            { member: asha, amount: { amountMinor: '-1001', currency: 'USD' } },
          ],
        },
      ],
    });
    expect(totals.map((t) => [t.currency, t.members])).toEqual([
      [
        'USD',
        [
          { ...ravi, paid: 1001n, share: 0n },
          { ...asha, paid: 0n, share: 1001n },
        ],
      ],
    ]);
  });

  it('sizes bars against the largest figure', () => {
    expect(widthOf(150000n, 300000n)).toBe(50);
    expect(widthOf(1n, 3n)).toBe(33.3);
    expect(widthOf(0n, 0n)).toBe(0);
  });
});
