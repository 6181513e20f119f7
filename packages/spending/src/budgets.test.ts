import type { Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { budgetsInForce, crossedBudgets, projectedSpend, setBudget } from './budgets.ts';
import { daysSpan } from '@spendline/ledger';

let db: Database;
let userId: string;
let food: string;
let travel: string;
const timeZone = 'Asia/Kolkata';
// 10 November 2026, 10:00 in Kolkata.
const now = new Date('2026-11-10T04:30:00Z');

async function spend(amountMinor: bigint, categoryId: string | null, at = now): Promise<void> {
  await db.prisma.expense.create({
    data: { userId, amountMinor, currency: 'INR', occurredAt: at, categoryId, source: 'WEB' },
  });
}

const crossed = (categoryIds: (string | null)[]) =>
  crossedBudgets(db.sql, { userId, timeZone, now, categoryIds });

const set = (categoryId: string | null, amountMinor: bigint, from = '2026-11-10') =>
  setBudget(db.sql, { userId, categoryId, from, amountMinor, currency: 'INR', timeZone });

beforeAll(async () => {
  db = await createTestDatabase();
});

beforeEach(async () => {
  await db.prisma.user.deleteMany();
  userId = (await db.prisma.user.create({ data: { email: 'b@example.com', displayName: 'B' } })).id;
  const category = (name: string) =>
    db.prisma.category.create({ data: { userId, name, nameKey: name.toLowerCase() } });
  food = (await category('Food')).id;
  travel = (await category('Travel')).id;
});

afterAll(async () => {
  await db.close();
});

describe('setBudget', () => {
  it('keeps one overall row per month, replaced on a second set', async () => {
    await set(null, 40_000_00n);
    await set(null, 45_000_00n, '2026-11-25');
    const rows = await db.prisma.budget.findMany({ where: { userId } });
    expect(
      rows.map((r) => [r.categoryId, r.month.toISOString().slice(0, 10), r.amountMinor]),
    ).toEqual([[null, '2026-11-01', 45_000_00n]]);
  });

  it('applies from its month on, and 0 ends it from a later month', async () => {
    await set(food, 5_000_00n, '2026-09-03');
    expect(await budgetsInForce(db.sql, userId, '2026-11-01')).toMatchObject([
      { category_id: food, amount: '500000' },
    ]);
    await set(food, 0n, '2026-12-01');
    expect(await budgetsInForce(db.sql, userId, '2026-12-01')).toEqual([]);
    expect(await budgetsInForce(db.sql, userId, '2026-11-01')).toHaveLength(1);
    expect(await budgetsInForce(db.sql, userId, '2026-08-01')).toEqual([]);
  });

  it('ends a budget for good, later changes included, even in an archived category', async () => {
    await set(food, 5_000_00n, '2026-11-01');
    await set(food, 6_000_00n, '2027-01-01');
    await db.prisma.category.update({ where: { id: food }, data: { archivedAt: now } });
    expect(await set(food, 7_000_00n, '2026-12-01')).toBeNull();
    expect(await set(food, 0n, '2026-12-01')).not.toBeNull();
    expect(await budgetsInForce(db.sql, userId, '2027-02-01')).toEqual([]);
    expect(await budgetsInForce(db.sql, userId, '2026-11-01')).toHaveLength(1);
  });

  it('refuses another user’s category and negative amounts', async () => {
    const other = await db.prisma.user.create({ data: { email: 'o@x.com', displayName: 'O' } });
    const theirs = await db.prisma.category.create({
      data: { userId: other.id, name: 'Rent', nameKey: 'rent' },
    });
    expect(await set(theirs.id, 100n)).toBeNull();
    expect(await db.prisma.budget.count()).toBe(0);
    await expect(set(food, -1n)).rejects.toThrow('negative');
  });
});

describe('crossedBudgets', () => {
  it('announces 80% and 100% once each in a month, for the budgets the spending touches', async () => {
    await set(food, 1_000_00n);
    await set(travel, 1_000_00n);
    await spend(70_000n, food);
    expect(await crossed([food])).toEqual([]);
    await spend(15_000n, food);
    const [alert, ...rest] = await crossed([food]);
    expect(rest).toEqual([]);
    // 850 of 1000 in 10 of 30 days: 2550 at this pace.
    expect(alert).toMatchObject({
      categoryId: food,
      name: 'Food',
      thresholdPc: 80,
      spentMinor: 85_000n,
      limitMinor: 100_000n,
      projectedMinor: 255_000n,
    });
    await spend(1_000n, food);
    expect(await crossed([food])).toEqual([]);
    await spend(90_000n, travel);
    expect(await crossed([travel])).toMatchObject([{ categoryId: travel, thresholdPc: 80 }]);
    await spend(20_000n, food);
    expect(await crossed([food])).toMatchObject([{ categoryId: food, thresholdPc: 100 }]);
    expect(await crossed([food, travel])).toEqual([]);
  });

  it('says only the higher of two thresholds crossed by one expense, overall first', async () => {
    await set(null, 1_000_00n);
    await set(food, 500_00n);
    await spend(120_000n, food);
    expect(await crossed([food])).toMatchObject([
      { categoryId: null, name: null, thresholdPc: 100 },
      { categoryId: food, thresholdPc: 100 },
    ]);
    expect(await db.prisma.budgetAlert.count()).toBe(4);
  });

  it('counts only this month’s spending in the budget’s currency', async () => {
    await set(null, 1_000_00n);
    await spend(99_000n, null, new Date('2026-10-31T18:29:00Z')); // 23:59 on 31 October
    await db.prisma.expense.create({
      data: { userId, amountMinor: 99_000n, currency: 'USD', occurredAt: now, source: 'WEB' },
    });
    await spend(79_000n, null);
    expect(await crossed([null])).toEqual([]);
  });

  it('counts thresholds already passed when a budget is set, and re-arms them when raised', async () => {
    await spend(90_000n, food);
    await set(food, 1_000_00n);
    await spend(1_000n, food);
    expect(await crossed([food])).toEqual([]);
    await set(food, 2_000_00n);
    await spend(70_000n, food);
    expect(await crossed([food])).toMatchObject([{ thresholdPc: 80, spentMinor: 161_000n }]);
  });

  it.runIf(process.env.DATABASE_URL)(
    'fires once when two transactions cross the same threshold at once',
    async () => {
      await set(food, 1_000_00n);
      await spend(85_000n, food);
      const both = await Promise.all(
        [0, 1].map(() =>
          db.sql.transaction((tx) =>
            crossedBudgets(tx, { userId, timeZone, now, categoryIds: [food] }),
          ),
        ),
      );
      expect(both.flat()).toHaveLength(1);
    },
  );
});

describe('projectedSpend', () => {
  const november = daysSpan('2026-11-01', '2026-11-30', timeZone);

  it('scales the month so far to the whole month, rounding up', () => {
    expect(projectedSpend(1000n, november, '2026-11-01')).toBe(30_000n);
    expect(projectedSpend(1000n, november, '2026-11-07')).toBe(4286n);
    expect(projectedSpend(1000n, november, '2026-11-30')).toBe(1000n);
  });

  it('has nothing to project outside the month', () => {
    expect(projectedSpend(1000n, november, '2026-12-01')).toBeNull();
    expect(projectedSpend(1000n, november, '2026-10-31')).toBeNull();
  });
});
