import type { ParsedExpense } from '@spendline/parser';
import { describe, expect, it } from 'vitest';
import { concernsOf, type RecentExpense } from './spending-history.ts';

const food = { id: 'cat-food', name: 'Food' };
const expense = (amountMinor: bigint, occurredOn = '2026-12-02') =>
  ({ amountMinor, currency: 'INR', occurredOn }) as ParsedExpense;
const saved = (overrides: Partial<RecentExpense> = {}): RecentExpense => ({
  amountMinor: '25000',
  currency: 'INR',
  categoryId: food.id,
  // 10:00 in Kolkata on 2 December.
  occurredAt: '2026-12-02T04:30:00.000+00:00',
  inboundMessageId: 'message-1',
  ...overrides,
});
const input = (amountMinor: bigint, options: { occurredOn?: string; threshold?: bigint } = {}) => ({
  expense: expense(amountMinor, options.occurredOn),
  category: food,
  messageId: 'message-2',
  timeZone: 'Asia/Kolkata',
  confirmAboveMinor: options.threshold ?? null,
});

describe('the checks before saving', () => {
  it('finds a likely duplicate: same amount, currency, category and local day, another message', () => {
    expect(concernsOf(input(25000n), null, [saved()]).concerns).toEqual(['duplicate']);
    // The message's own expenses, another amount, category, currency or day: no question.
    for (const other of [
      saved({ inboundMessageId: 'message-2' }),
      saved({ amountMinor: '26000' }),
      saved({ categoryId: 'cat-fuel' }),
      saved({ currency: 'USD' }),
      saved({ occurredAt: '2026-12-01T18:29:00.000+00:00' }),
    ]) {
      expect(concernsOf(input(25000n), null, [other]).concerns).toEqual([]);
    }
  });

  it('asks above ten times the usual amount, or above the threshold the user set', () => {
    expect(concernsOf(input(10_001n), '1000', []).concerns).toEqual(['large']);
    expect(concernsOf(input(10_000n), '1000', []).concerns).toEqual([]);
    expect(concernsOf(input(10_000n), null, []).concerns).toEqual([]);
    expect(concernsOf(input(5_001n, { threshold: 5_000n }), null, []).concerns).toEqual(['large']);
    expect(concernsOf(input(25000n), '1000', [saved()])).toEqual({
      concerns: ['large', 'duplicate'],
      usualMinor: '1000',
    });
  });
});
