import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
let user: TestClient;

const SUMMARY = `query ($period: Period!, $from: Date, $to: Date) {
  summary(period: $period, from: $from, to: $to) {
    period timeZone
    range { from to start end }
    previousRange { from to }
    totals { total { amountMinor currency formatted } count previousTotal { amountMinor }
      change { amountMinor } changeRatio }
    categories { name category { name } total { amountMinor currency } count share }
    days { date total { amountMinor currency } count }
    budgets { category { name } limit { amountMinor } spent { amountMinor }
      remaining { formatted } used projected { amountMinor } }
  }
}`;

interface SummaryData {
  summary: {
    period: string;
    timeZone: string;
    range: { from: string; to: string; start: string; end: string };
    previousRange: { from: string; to: string };
    totals: {
      total: { amountMinor: string; currency: string; formatted: string };
      count: number;
      previousTotal: { amountMinor: string };
      change: { amountMinor: string };
      changeRatio: number | null;
    }[];
    categories: {
      name: string;
      category: { name: string } | null;
      total: { amountMinor: string; currency: string };
      count: number;
      share: number;
    }[];
    days: { date: string; total: { amountMinor: string; currency: string }; count: number }[];
    budgets: {
      category: { name: string } | null;
      limit: { amountMinor: string };
      spent: { amountMinor: string };
      remaining: { formatted: string };
      used: number;
      projected: { amountMinor: string } | null;
    }[];
  };
}

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(new Date('2026-03-20T16:00:00Z'));
  user = new TestClient(server.url);
  await user.register('ny@example.com', 'correct horse', {
    timeZone: 'America/New_York',
    currency: 'USD',
    locale: 'en-US',
  });
  const { categories } = await user.ok<{ categories: { id: string; name: string }[] }>(
    '{ categories { id name } }',
  );
  const id = (name: string) => categories.find((c) => c.name === name)?.id;
  const spend = (amountMinor: string, occurredAt: string, category?: string, extra = {}) =>
    user.ok('mutation ($input: NewExpense!) { createExpense(input: $input) { __typename } }', {
      input: { amountMinor, occurredAt, categoryId: category ? id(category) : undefined, ...extra },
    });
  // February (previous month): 40.00 USD.
  await spend('4000', '2026-02-10T15:00:00Z', 'Food');
  await spend('1000', '2026-03-01T04:59:00Z', 'Food'); // Feb 28, 23:59 EST
  // March: Food 25.00 + 12.00, Fuel 30.00, no category 8.00 = 75.00 USD; 9.99 EUR.
  await spend('2500', '2026-03-01T05:00:00Z', 'Food'); // Mar 1, 00:00 EST
  await spend('1200', '2026-03-08T06:30:00Z', 'Food'); // Mar 8, 01:30 EST, before the change
  await spend('3000', '2026-03-09T03:30:00Z', 'Fuel'); // Mar 8, 23:30 EDT, after it
  await spend('800', '2026-03-20T12:00:00Z');
  await spend('999', '2026-03-20T12:00:00Z', 'Food', { currency: 'EUR' });
  await spend('50000', '2026-03-15T12:00:00Z', undefined, { kind: 'INCOME' }); // not spending
  const { id: userId } = await server.db.prisma.user.findUniqueOrThrow({
    where: { email: 'ny@example.com' },
  });
  const food = await server.db.prisma.category.findFirstOrThrow({
    where: { userId, nameKey: 'food' },
  });
  await server.db.prisma.budget.createMany({
    data: [
      { userId, month: new Date('2026-01-01'), amountMinor: 10000n, currency: 'USD' },
      {
        userId,
        categoryId: food.id,
        month: new Date('2026-03-01'),
        amountMinor: 3000n,
        currency: 'USD',
      },
    ],
  });
});
afterAll(async () => {
  await server.close();
});

describe('summary', () => {
  it('totals this month per currency against last month, in the user’s zone', async () => {
    const { summary } = await user.ok<SummaryData>(SUMMARY, { period: 'MONTH' });
    expect(summary.range).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      start: '2026-03-01T05:00:00.000Z',
      end: '2026-04-01T04:00:00.000Z',
    });
    expect(summary.previousRange).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(summary.totals).toEqual([
      {
        total: { amountMinor: '7500', currency: 'USD', formatted: '$75.00' },
        count: 4,
        previousTotal: { amountMinor: '5000' },
        change: { amountMinor: '2500' },
        changeRatio: 0.5,
      },
      {
        total: { amountMinor: '999', currency: 'EUR', formatted: '€9.99' },
        count: 1,
        previousTotal: { amountMinor: '0' },
        change: { amountMinor: '999' },
        changeRatio: null,
      },
    ]);
  });

  it('shows income apart from spending, and the net per currency that had income', async () => {
    const data = await user.ok<{
      summary: { income: { formatted: string }[]; net: { amountMinor: string }[] };
    }>('{ summary(period: MONTH) { income { formatted } net { amountMinor } } }');
    expect(data.summary).toEqual({
      income: [{ formatted: '$500.00' }],
      net: [{ amountMinor: '42500' }],
    });
    const week = await user.ok<{ summary: { income: unknown[]; net: unknown[] } }>(
      '{ summary(period: CUSTOM, from: "2026-03-01", to: "2026-03-07") { income { formatted } net { formatted } } }',
    );
    expect(week.summary).toEqual({ income: [], net: [] });
  });

  it('splits a month by category with shares', async () => {
    const { summary } = await user.ok<SummaryData>(SUMMARY, { period: 'MONTH' });
    expect(
      summary.categories.map((c) => [
        c.total.currency,
        c.name,
        c.total.amountMinor,
        c.count,
        c.share,
      ]),
    ).toEqual([
      ['EUR', 'Food', '999', 1, 1],
      ['USD', 'Food', '3700', 2, 0.4933],
      ['USD', 'Fuel', '3000', 1, 0.4],
      ['USD', 'Uncategorised', '800', 1, 0.1066],
    ]);
    expect(summary.categories.find((c) => c.name === 'Uncategorised')?.category).toBeNull();
  });

  it('gives every local day, with both sides of the DST change on March 8', async () => {
    const { summary } = await user.ok<SummaryData>(SUMMARY, { period: 'MONTH' });
    const usd = summary.days.filter((d) => d.total.currency === 'USD');
    expect(usd).toHaveLength(31);
    const spent = usd.filter((d) => d.count > 0).map((d) => [d.date, d.total.amountMinor]);
    expect(spent).toEqual([
      ['2026-03-01', '2500'],
      ['2026-03-08', '4200'],
      ['2026-03-20', '800'],
    ]);
  });

  it('reports budget use for the month: overall and per category', async () => {
    const { summary } = await user.ok<SummaryData>(SUMMARY, { period: 'MONTH' });
    expect(summary.budgets).toEqual([
      {
        category: null,
        limit: { amountMinor: '10000' },
        spent: { amountMinor: '7500' },
        remaining: { formatted: '$25.00' },
        used: 0.75,
        projected: { amountMinor: '11625' }, // 75.00 in 20 of March's 31 days
      },
      {
        category: { name: 'Food' },
        limit: { amountMinor: '3000' },
        spent: { amountMinor: '3700' },
        remaining: { formatted: '-$7.00' },
        used: 1.2333,
        projected: { amountMinor: '5735' },
      },
    ]);
  });

  it('sums a custom range of dates, inclusive, against as many days before', async () => {
    const { summary } = await user.ok<SummaryData>(SUMMARY, {
      period: 'CUSTOM',
      from: '2026-03-08',
      to: '2026-03-08',
    });
    expect(summary.totals.map((t) => [t.total.amountMinor, t.count])).toEqual([['4200', 2]]);
    expect(summary.previousRange).toEqual({ from: '2026-03-07', to: '2026-03-07' });
    expect(summary.budgets).toEqual([]);
  });

  it('answers today and the week from the first day of an en-US week, Sunday', async () => {
    const today = await user.ok<SummaryData>(SUMMARY, { period: 'TODAY' });
    expect(today.summary.range.from).toBe('2026-03-20');
    expect(today.summary.totals.map((t) => t.total.amountMinor)).toEqual(['800', '999']);
    const week = await user.ok<SummaryData>(SUMMARY, { period: 'WEEK' });
    expect([week.summary.range.from, week.summary.range.to]).toEqual(['2026-03-15', '2026-03-21']);
  });

  it('refuses a custom period without dates, saying why', async () => {
    const res = await user.request(SUMMARY, { period: 'CUSTOM' });
    expect(res.errors?.[0]).toMatchObject({
      message: 'a custom period needs both from and to',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
