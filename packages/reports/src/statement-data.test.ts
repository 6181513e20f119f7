import { createTestDatabase } from '@spendline/db/testing';
import type { Database } from '@spendline/db';
import { setBudget } from '@spendline/spending';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawStatement } from './draw.ts';
import { pdfPages } from './pdf-text.ts';
import { loadStatement, monthStart, type StatementOwner } from './statement-data.ts';

let db: Database;
let owner: StatementOwner;
const now = new Date('2026-12-02T06:00:00Z');

async function spend(
  userId: string,
  at: string,
  amountMinor: bigint,
  extra: { categoryId?: string; kind?: 'INCOME'; note?: string; deletedAt?: Date } = {},
): Promise<void> {
  await db.prisma.expense.create({
    data: {
      userId,
      occurredAt: new Date(at),
      amountMinor,
      currency: 'INR',
      categoryId: extra.categoryId ?? null,
      kind: extra.kind ?? 'EXPENSE',
      note: extra.note ?? null,
      deletedAt: extra.deletedAt ?? null,
      source: 'WEB',
    },
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  const user = await db.prisma.user.create({
    data: { email: 'asha@example.com', displayName: 'Asha', timeZone: 'Asia/Kolkata' },
  });
  owner = user;
  const food = await db.prisma.category.create({
    data: { userId: user.id, name: 'Food', nameKey: 'food' },
  });
  // 31 Oct 23:30 in Kolkata is still October; 30 Nov 23:30 still November.
  await spend(user.id, '2026-10-31T18:00:00Z', 40_000n, { categoryId: food.id });
  await spend(user.id, '2026-10-31T18:30:00Z', 12_000n, { categoryId: food.id, note: 'dosa' });
  await spend(user.id, '2026-11-15T06:00:00Z', 30_000n, { note: 'auto' });
  await spend(user.id, '2026-11-30T18:00:00Z', 8_000n, { categoryId: food.id, note: 'late chai' });
  await spend(user.id, '2026-11-20T06:00:00Z', 99_900n, { note: 'deleted', deletedAt: now });
  await spend(user.id, '2026-11-01T06:00:00Z', 5_000_000n, { kind: 'INCOME', note: 'salary' });
  await setBudget(db.sql, {
    userId: user.id,
    categoryId: food.id,
    from: '2026-11-01',
    amountMinor: 10_000n,
    currency: 'INR',
    timeZone: 'Asia/Kolkata',
  });
  const stranger = await db.prisma.user.create({
    data: { email: 'other@example.com', displayName: 'Other' },
  });
  await spend(stranger.id, '2026-11-10T06:00:00Z', 777_700n, { note: 'not hers' });
});

afterAll(async () => {
  await db.close();
});

describe('loadStatement', () => {
  it('reads the owner’s month in her zone: totals, last month, income, budgets, entries', async () => {
    const data = await loadStatement(db.sql, { owner, month: '2026-11-01', now });
    expect(data.summary.totals).toEqual([{ currency: 'INR', totalMinor: 50_000n, count: 3 }]);
    expect(data.summary.previousTotals).toEqual([
      { currency: 'INR', totalMinor: 40_000n, count: 1 },
    ]);
    expect(data.summary.income).toEqual([{ currency: 'INR', totalMinor: 5_000_000n, count: 1 }]);
    expect(data.budgets).toEqual([
      {
        name: 'Food budget',
        currency: 'INR',
        limitMinor: 10_000n,
        spentMinor: 20_000n,
        used: 2,
      },
    ]);
    expect(data.entries.map((e) => [e.date, e.kind, e.category, e.note, e.amountMinor])).toEqual([
      ['2026-11-01', 'EXPENSE', 'Food', 'dosa', 12_000n],
      ['2026-11-01', 'INCOME', null, 'salary', 5_000_000n],
      ['2026-11-15', 'EXPENSE', null, 'auto', 30_000n],
      ['2026-11-30', 'EXPENSE', 'Food', 'late chai', 8_000n],
    ]);
    expect(data.summary.days).toHaveLength(30);
    expect(data.moreEntries).toBe(0);
  });

  it('draws into a PDF whose text holds the totals and the entries', async () => {
    const data = await loadStatement(db.sql, { owner, month: '2026-11-01', now });
    const text = (await pdfPages(await drawStatement(data))).join('\n');
    expect(text).toContain('₹500.00');
    expect(text).toContain('₹400.00');
    expect(text).toContain('+₹100.00 (+25%)');
    expect(text).toContain('+₹49,500.00');
    expect(text).toContain('₹200.00 of ₹100.00 · 200%');
    expect(text).toContain('30 Nov Food late chai ₹80.00');
    expect(text).not.toContain('not hers');
    expect(text).not.toContain('deleted');
  });
});

describe('monthStart', () => {
  it('reads a year and month, and nothing else', () => {
    expect(monthStart('2026-11')).toBe('2026-11-01');
    expect(monthStart('2026-11-17')).toBe('2026-11-01');
    expect(monthStart('2026-13')).toBeNull();
    expect(monthStart('november')).toBeNull();
  });
});
