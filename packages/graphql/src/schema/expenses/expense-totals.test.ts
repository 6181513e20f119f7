import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
let asha: TestClient;
let ravi: TestClient;

const TOTALS = `query ($filter: ExpenseFilter) {
  expenseTotals(filter: $filter) {
    currency count spent { amountMinor formatted } received { amountMinor }
  }
}`;

interface Total {
  currency: string;
  count: number;
  spent: { amountMinor: string; formatted: string };
  received: { amountMinor: string };
}

async function add(client: TestClient, input: Record<string, unknown>): Promise<void> {
  await client.ok(
    'mutation ($input: NewExpense!) { createExpense(input: $input) { __typename } }',
    {
      input,
    },
  );
}

async function totals(filter: Record<string, unknown> = {}): Promise<Total[]> {
  return (await asha.ok<{ expenseTotals: Total[] }>(TOTALS, { filter })).expenseTotals;
}

beforeAll(async () => {
  server = await startTestServer();
  asha = new TestClient(server.url);
  ravi = new TestClient(server.url);
  await asha.register('asha@example.com', 'correct horse', { currency: 'INR', locale: 'en-IN' });
  await ravi.register('ravi@example.com');
  // More than one page of the expenses list (25 on the dashboard), to be sure the
  // total is the filter's and not a page's.
  for (let i = 0; i < 30; i += 1) await add(asha, { amountMinor: '7700', note: `lunch ${i}` });
  await add(asha, { amountMinor: '150000', note: 'salary', kind: 'INCOME' });
  await add(asha, { amountMinor: '999', note: 'lunch abroad', currency: 'EUR' });
  await add(ravi, { amountMinor: '5000000', note: 'lunch for everyone' });
}, 60_000);
afterAll(async () => {
  await server.close();
});

describe('expenseTotals', () => {
  it('adds up every matching entry, not one page, per currency with the user’s first', async () => {
    const lunch = await totals({ search: 'lunch' });
    expect(lunch).toEqual([
      {
        currency: 'INR',
        count: 30,
        spent: { amountMinor: '231000', formatted: '₹2,310.00' },
        received: { amountMinor: '0' },
      },
      {
        currency: 'EUR',
        count: 1,
        spent: { amountMinor: '999', formatted: '€9.99' },
        received: { amountMinor: '0' },
      },
    ]);
  });

  it('keeps income apart from spending', async () => {
    const [inr] = await totals({ currency: 'INR' });
    expect(inr).toMatchObject({ count: 31, spent: { amountMinor: '231000' } });
    expect(inr?.received.amountMinor).toBe('150000');
  });

  it('is empty when nothing matches, and never counts deleted entries or anyone else’s', async () => {
    expect(await totals({ search: 'nothing like this' })).toEqual([]);
    expect(await totals({ search: 'everyone' })).toEqual([]);
  });
});
