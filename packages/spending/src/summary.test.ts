import { createTestDatabase } from '@spendline/db/testing';
import type { Database } from '@spendline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodRange } from '@spendline/ledger';
import { ratio, summarize } from './summary.ts';

let db: Database;
const march20 = new Date('2026-03-20T12:00:00Z');
let ny: string;
let food: string;
let transport: string;

async function user(email: string, timeZone: string): Promise<string> {
  return (await db.prisma.user.create({ data: { email, displayName: email, timeZone } })).id;
}

async function spend(
  userId: string,
  at: string,
  amountMinor: bigint,
  extra: {
    currency?: string;
    categoryId?: string;
    kind?: 'INCOME';
    deletedAt?: Date;
  } = {},
): Promise<void> {
  await db.prisma.expense.create({
    data: {
      userId,
      occurredAt: new Date(at),
      amountMinor,
      currency: extra.currency ?? 'USD',
      categoryId: extra.categoryId ?? null,
      kind: extra.kind ?? 'EXPENSE',
      deletedAt: extra.deletedAt ?? null,
      source: 'WEB',
    },
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  ny = await user('ny@example.com', 'America/New_York');
  const category = (name: string) =>
    db.prisma.category.create({ data: { userId: ny, name, nameKey: name.toLowerCase() } });
  food = (await category('Food')).id;
  transport = (await category('Transport')).id;
  // Around New York's spring-forward (2026-03-08 02:00 EST -> 03:00 EDT).
  await spend(ny, '2026-03-01T04:59:00Z', 1000n, { categoryId: food }); // Feb 28 23:59 EST
  await spend(ny, '2026-03-01T05:00:00Z', 2000n, { categoryId: food }); // Mar 1 00:00 EST
  await spend(ny, '2026-03-08T06:30:00Z', 300n, { categoryId: transport }); // Mar 8 01:30 EST
  await spend(ny, '2026-03-09T03:59:00Z', 700n); // Mar 8 23:59 EDT, no category
  await spend(ny, '2026-03-09T04:00:00Z', 500n, { categoryId: food }); // Mar 9 00:00 EDT
  await spend(ny, '2026-03-10T12:00:00Z', 99_999n, { deletedAt: new Date() });
  await spend(ny, '2026-03-10T12:00:00Z', 50_000n, { kind: 'INCOME' });
  await spend(ny, '2026-03-12T12:00:00Z', 1234n, { currency: 'EUR', categoryId: food });
  await spend(ny, '2026-04-01T03:59:00Z', 100n, { categoryId: transport }); // Mar 31 23:59 EDT
  await spend(ny, '2026-04-01T04:00:00Z', 8000n); // Apr 1 00:00 EDT
  const stranger = await user('other@example.com', 'America/New_York');
  await spend(stranger, '2026-03-15T12:00:00Z', 777_777n);

  const budget = (month: string, amountMinor: bigint, categoryId: string | null = null) =>
    db.prisma.budget.create({
      data: { userId: ny, month: new Date(month), amountMinor, currency: 'USD', categoryId },
    });
  await budget('2026-02-01', 5000n);
  await budget('2026-03-01', 4000n); // replaces February's overall budget
  await budget('2026-01-01', 2000n, food);
  await budget('2026-04-01', 900n, transport); // not yet in force in March
});

afterAll(async () => {
  await db.close();
});

describe('summarize', () => {
  it('totals a month per currency in the user’s zone, skipping deleted rows and income', async () => {
    const range = periodRange('MONTH', new Date('2026-03-20T12:00:00Z'), 'America/New_York');
    const summary = await summarize(db.sql, { userId: ny, range, now: march20 });
    expect(summary.totals).toEqual([
      { currency: 'EUR', totalMinor: 1234n, count: 1 },
      { currency: 'USD', totalMinor: 3600n, count: 5 },
    ]);
    expect(summary.previousTotals).toEqual([{ currency: 'USD', totalMinor: 1000n, count: 1 }]);
  });

  it('splits totals per category with each one’s share of its currency', async () => {
    const range = periodRange('MONTH', new Date('2026-03-20T12:00:00Z'), 'America/New_York');
    const { categories } = await summarize(db.sql, { userId: ny, range, now: march20 });
    expect(
      categories.map((c) => [c.currency, c.name, c.totalMinor, c.count, c.share, c.categoryId]),
    ).toEqual([
      ['EUR', 'Food', 1234n, 1, 1, food],
      ['USD', 'Food', 2500n, 2, 0.6944, food],
      ['USD', null, 700n, 1, 0.1944, null],
      ['USD', 'Transport', 400n, 2, 0.1111, transport],
    ]);
  });

  it('groups days by the local calendar, across the daylight-saving change', async () => {
    const range = periodRange('MONTH', new Date('2026-03-20T12:00:00Z'), 'America/New_York');
    const { days } = await summarize(db.sql, { userId: ny, range, now: march20 });
    expect(days).toHaveLength(31 * 2);
    const spent = days
      .filter((d) => d.totalMinor > 0n)
      .map((d) => [d.date, d.currency, d.totalMinor]);
    expect(spent).toEqual([
      ['2026-03-01', 'USD', 2000n],
      ['2026-03-08', 'USD', 1000n],
      ['2026-03-09', 'USD', 500n],
      ['2026-03-12', 'EUR', 1234n],
      ['2026-03-31', 'USD', 100n],
    ]);
  });

  it('reports the budgets in force that month and how much of each is used', async () => {
    const range = periodRange('MONTH', new Date('2026-03-20T12:00:00Z'), 'America/New_York');
    const { budgets } = await summarize(db.sql, { userId: ny, range, now: march20 });
    expect(
      budgets.map((b) => [b.categoryId, b.limitMinor, b.spentMinor, b.used, b.projectedMinor]),
    ).toEqual([
      // 20 of March's 31 days gone: 3600 / 20 * 31 = 5580.
      [null, 4000n, 3600n, 0.9, 5580n],
      [food, 2000n, 2500n, 1.25, 3875n],
    ]);
    const april = new Date('2026-04-02T12:00:00Z');
    const past = await summarize(db.sql, { userId: ny, range, now: april });
    expect(past.budgets.map((b) => b.projectedMinor)).toEqual([null, null]);
    const week = periodRange('WEEK', new Date('2026-03-20T12:00:00Z'), 'America/New_York', {
      weekStartsOn: 1,
    });
    expect((await summarize(db.sql, { userId: ny, range: week, now: march20 })).budgets).toEqual(
      [],
    );
  });

  it('cuts today at midnight in Kolkata, five and a half hours ahead of UTC', async () => {
    const kolkata = await user('kol@example.com', 'Asia/Kolkata');
    await spend(kolkata, '2026-03-07T18:29:59Z', 4500n, { currency: 'INR' }); // 23:59:59 IST on the 7th
    await spend(kolkata, '2026-03-07T18:30:00Z', 12000n, { currency: 'INR' }); // 00:00 IST on the 8th
    await spend(kolkata, '2026-03-08T18:29:59Z', 500n, { currency: 'INR' }); // 23:59:59 IST on the 8th
    const range = periodRange('TODAY', new Date('2026-03-07T23:30:00Z'), 'Asia/Kolkata');
    const summary = await summarize(db.sql, { userId: kolkata, range, now: march20 });
    expect(summary.totals).toEqual([{ currency: 'INR', totalMinor: 12500n, count: 2 }]);
    expect(summary.previousTotals).toEqual([{ currency: 'INR', totalMinor: 4500n, count: 1 }]);
    expect(summary.days).toEqual([
      { date: '2026-03-08', currency: 'INR', totalMinor: 12500n, count: 2 },
    ]);
  });

  it('returns empty totals for a period without spending', async () => {
    const range = periodRange('YEAR', new Date('2020-06-01T00:00:00Z'), 'America/New_York');
    const summary = await summarize(db.sql, { userId: ny, range, now: march20 });
    expect(summary).toMatchObject({ totals: [], categories: [], days: [], budgets: [] });
  });
});

describe('ratio', () => {
  it('divides bigints to four decimals and treats an empty whole as zero', () => {
    expect(ratio(1n, 3n)).toBe(0.3333);
    expect(ratio(5n, 4n)).toBe(1.25);
    expect(ratio(5n, 0n)).toBe(0);
  });
});
