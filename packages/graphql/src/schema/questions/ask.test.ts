import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
let user: TestClient;

const ASK = `query ($q: String!) {
  ask(question: $q) {
    understood example measure subject
    period { from to label } comparedWith { from to label }
    totals { amountMinor currency } count
    comparedTotal { amountMinor } change { amountMinor } changeRatio averagePerDay { amountMinor }
    categories { name total { amountMinor } count }
    entries { id date amount { formatted } category note }
  }
}`;

interface AskData {
  ask: {
    understood: boolean;
    example: string | null;
    measure: string | null;
    subject: string | null;
    period: { from: string; to: string; label: string } | null;
    comparedWith: { from: string; to: string; label: string } | null;
    totals: { amountMinor: string; currency: string }[];
    count: number;
    comparedTotal: { amountMinor: string } | null;
    change: { amountMinor: string } | null;
    changeRatio: number | null;
    averagePerDay: { amountMinor: string } | null;
    categories: { name: string; total: { amountMinor: string }; count: number }[];
    entries: {
      id: string;
      date: string;
      amount: { formatted: string };
      category: string | null;
      note: string | null;
    }[];
  };
}

const ask = async (q: string) => (await user.ok<AskData>(ASK, { q })).ask;

beforeAll(async () => {
  server = await startTestServer();
  // Monday 7 December 2026, noon in Kolkata.
  server.setNow(new Date('2026-12-07T06:30:00Z'));
  user = new TestClient(server.url);
  await user.register('asha@example.com', 'correct horse battery', {
    timeZone: 'Asia/Kolkata',
    currency: 'INR',
    locale: 'en-IN',
  });
  const { categories } = await user.ok<{ categories: { id: string; name: string }[] }>(
    '{ categories { id name } }',
  );
  const id = (name: string) => categories.find((c) => c.name === name)?.id;
  const spend = (amountMinor: string, occurredAt: string, category: string, note: string) =>
    user.ok('mutation ($input: NewExpense!) { createExpense(input: $input) { __typename } }', {
      input: { amountMinor, occurredAt, categoryId: id(category), note },
    });
  await spend('50000', '2026-11-05T06:30:00Z', 'Food', 'swiggy');
  await spend('30000', '2026-11-20T06:30:00Z', 'Food', 'lunch');
  await spend('25000', '2026-12-02T06:30:00Z', 'Food', 'swiggy');
  await spend('40000', '2026-12-01T06:30:00Z', 'Transport', 'ola');
  // 23:50 on 30 November in Kolkata, 18:20 UTC.
  await spend('15000', '2026-11-30T18:20:00Z', 'Transport', 'uber');
});
afterAll(async () => {
  await server.close();
});

describe('ask', () => {
  it('answers a category over a month against the month before, in the user’s zone', async () => {
    const answer = await ask('how much did I spend on food last month');
    expect(answer).toMatchObject({
      understood: true,
      measure: 'total',
      subject: 'Food',
      period: { from: '2026-11-01', to: '2026-11-30', label: 'last month' },
      comparedWith: { from: '2026-10-01', to: '2026-10-31' },
      totals: [{ amountMinor: '80000', currency: 'INR' }],
      count: 2,
      change: { amountMinor: '80000' },
      changeRatio: null,
    });
    // The 23:50 ride is November's in Kolkata.
    expect((await ask('transport last month')).totals).toEqual([
      { amountMinor: '15000', currency: 'INR' },
    ]);
  });

  it('compares two periods and ranks categories', async () => {
    const compared = await ask('food this month vs last month');
    expect(compared).toMatchObject({
      totals: [{ amountMinor: '25000' }],
      comparedTotal: { amountMinor: '80000' },
      change: { amountMinor: '-55000' },
      changeRatio: -0.6875,
    });
    const top = await ask('top 2 categories this month');
    expect(top.categories).toEqual([
      { name: 'Transport', total: { amountMinor: '40000' }, count: 1 },
      { name: 'Food', total: { amountMinor: '25000' }, count: 1 },
    ]);
  });

  it('lists the entries behind an answer by merchant word', async () => {
    const answer = await ask('list swiggy this year');
    expect(answer.entries.map((e) => [e.date, e.amount.formatted, e.category, e.note])).toEqual([
      ['2026-12-02', '₹250.00', 'Food', 'swiggy'],
      ['2026-11-05', '₹500.00', 'Food', 'swiggy'],
    ]);
    expect(answer.entries[0]?.id).toMatch(/^[A-Za-z0-9+/=]+$/);
  });

  it('answers a period that has not begun with nothing, not a division by its days', async () => {
    expect(await ask('average per day in january 2027')).toMatchObject({
      understood: true,
      totals: [],
      count: 0,
      averagePerDay: null,
    });
  });

  it('names the periods in the viewer’s language', async () => {
    const reader = new TestClient(server.url);
    await reader.register('bia@example.com', 'correct horse battery', {
      timeZone: 'America/Sao_Paulo',
      currency: 'BRL',
      locale: 'pt-BR',
    });
    const askAs = async (q: string) => (await reader.ok<AskData>(ASK, { q })).ask;
    expect(await askAs('how much did I spend last month')).toMatchObject({
      period: { from: '2026-11-01', to: '2026-11-30', label: 'o mês passado' },
      comparedWith: { from: '2026-10-01', label: 'o mês anterior' },
    });
    expect((await askAs('how much in march 2026')).period?.label).toBe('março de 2026');
    // A question it cannot read is met with one in Portuguese that it can.
    const unclear = await askAs('how much did i waste on silly little things last month');
    expect(unclear).toMatchObject({ understood: false, example: 'quanto gastei este mês?' });
    expect((await askAs(unclear.example!)).understood).toBe(true);
    await reader.ok(
      'mutation ($input: NewExpense!) { createExpense(input: $input) { __typename } }',
      { input: { amountMinor: '1000', occurredAt: '2026-12-02T15:00:00Z', note: 'feira' } },
    );
    expect((await askAs('top 3 categories this month')).categories).toEqual([
      { name: 'Sem categoria', total: { amountMinor: '1000' }, count: 1 },
    ]);
  });

  it('offers a question that would work for one it cannot read', async () => {
    expect(await ask('how much did i waste on silly little things last month')).toMatchObject({
      understood: false,
      example: 'how much on food last month',
      totals: [],
      entries: [],
    });
  });
});
