import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
let user: TestClient;
let other: TestClient;
const ids: Record<string, string> = {};
let othersCategory = '';

// 20 March, 21:30 in Kolkata: 20 of March's 31 days have begun.
const NOW = new Date('2026-03-20T16:00:00Z');

const USE = `category { name } limit { amountMinor formatted } spent { amountMinor }
  remaining { amountMinor } used projected { amountMinor formatted }`;

interface Use {
  category: { name: string } | null;
  limit: { amountMinor: string; formatted: string };
  spent: { amountMinor: string };
  remaining: { amountMinor: string };
  used: number;
  projected: { amountMinor: string; formatted: string } | null;
}

type Result = Partial<Use> & {
  __typename: string;
  message?: string;
  problems?: { path: string[] }[];
};

async function set(client: TestClient, input: Record<string, unknown>): Promise<Result> {
  const data = await client.ok<{ setBudget: Result }>(
    `mutation ($input: BudgetInput!) { setBudget(input: $input) {
      __typename ... on BudgetUse { ${USE} } ... on Error { message }
      ... on ValidationError { problems { path } } } }`,
    { input },
  );
  return data.setBudget;
}

async function remove(client: TestClient, categoryId: string | null, from?: string) {
  const data = await client.ok<{ deleteBudget: { __typename: string; ended?: boolean } }>(
    `mutation ($categoryId: ID, $from: Date) { deleteBudget(categoryId: $categoryId, from: $from) {
      __typename ... on DeleteBudgetSuccess { ended } } }`,
    { categoryId, from },
  );
  return data.deleteBudget;
}

async function budgets(client: TestClient, month?: string): Promise<Use[]> {
  const data = await client.ok<{ budgets: Use[] }>(
    `query ($month: Date) { budgets(month: $month) { ${USE} } }`,
    { month },
  );
  return data.budgets;
}

const limits = (uses: Use[]) => uses.map((u) => [u.category?.name ?? null, u.limit.amountMinor]);

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  user = new TestClient(server.url);
  await user.register('budgets@example.com', 'correct horse', {
    timeZone: 'Asia/Kolkata',
    currency: 'INR',
    locale: 'en-IN',
  });
  const { categories } = await user.ok<{ categories: { id: string; name: string }[] }>(
    '{ categories { id name } }',
  );
  for (const c of categories) ids[c.name] = c.id;
  const spend = (amountMinor: string, occurredAt: string, category?: string, extra = {}) =>
    user.ok('mutation ($input: NewExpense!) { createExpense(input: $input) { __typename } }', {
      input: { amountMinor, occurredAt, categoryId: category && ids[category], ...extra },
    });
  await spend('50000', '2026-02-10T06:00:00Z', 'Food'); // February: 500.00
  await spend('120000', '2026-03-05T06:00:00Z', 'Food'); // March: 1,200 + 800 = 2,000.00
  await spend('80000', '2026-03-18T06:00:00Z', 'Fuel');
  await spend('999', '2026-03-18T06:00:00Z', 'Food', { currency: 'USD' }); // not INR

  other = new TestClient(server.url);
  await other.register('other@example.com');
  const theirs = await other.ok<{ categories: { id: string }[] }>('{ categories { id } }');
  othersCategory = theirs.categories[0]?.id ?? '';
});
afterAll(async () => {
  await server.close();
});

describe('budgets', () => {
  it('sets the overall budget and answers its use with the month-end projection', async () => {
    const overall = await set(user, { amountMinor: '4000000' });
    expect(overall).toEqual({
      __typename: 'BudgetUse',
      category: null,
      limit: { amountMinor: '4000000', formatted: '₹40,000.00' },
      spent: { amountMinor: '200000' },
      remaining: { amountMinor: '3800000' },
      used: 0.05,
      // 2,000 in 20 days -> 3,100 over 31.
      projected: { amountMinor: '310000', formatted: '₹3,100.00' },
    });
  });

  it('lists the overall budget first, then categories by name, each counting its own', async () => {
    await set(user, { categoryId: ids.Fuel, amountMinor: '50000' });
    await set(user, { categoryId: ids.Food, amountMinor: '100000' });
    const uses = await budgets(user);
    expect(limits(uses)).toEqual([
      [null, '4000000'],
      ['Food', '100000'],
      ['Fuel', '50000'],
    ]);
    expect(uses[1]).toMatchObject({
      spent: { amountMinor: '120000' },
      remaining: { amountMinor: '-20000' },
      used: 1.2,
      projected: { amountMinor: '186000' },
    });
    expect(uses[2]).toMatchObject({ used: 1.6, projected: { amountMinor: '124000' } });
  });

  it('setting a scope again replaces its amount', async () => {
    const food = await set(user, { categoryId: ids.Food, amountMinor: '150000' });
    expect(food).toMatchObject({ category: { name: 'Food' }, used: 0.8 });
    expect(limits(await budgets(user))).toEqual([
      [null, '4000000'],
      ['Food', '150000'],
      ['Fuel', '50000'],
    ]);
  });

  it('answers another month: none before they began, no projection outside this one', async () => {
    expect(await budgets(user, '2026-02-14')).toEqual([]);
    const april = await budgets(user, '2026-04-30');
    expect(limits(april)).toHaveLength(3);
    expect(april.every((u) => u.spent.amountMinor === '0' && u.projected === null)).toBe(true);

    const february = await set(user, {
      categoryId: ids.Shopping,
      amountMinor: '10000',
      from: '2026-02-20',
    });
    expect(february).toMatchObject({ category: { name: 'Shopping' }, projected: null });
    expect(limits(await budgets(user, '2026-02-01'))).toEqual([['Shopping', '10000']]);
  });

  it('refuses an amount of zero or less, and an unknown currency, naming the field', async () => {
    for (const input of [{ amountMinor: '0' }, { amountMinor: '-500' }]) {
      const refused = await set(user, input);
      expect(refused.__typename).toBe('ValidationError');
      expect(refused.problems?.[0]?.path).toEqual(['input', 'amountMinor']);
    }
    const currency = await set(user, { amountMinor: '100', currency: 'XYZ' });
    expect(currency.problems?.[0]?.path).toEqual(['input', 'currency']);
    expect(limits(await budgets(user))[0]).toEqual([null, '4000000']);
  });

  it('refuses an archived category as not found', async () => {
    await user.ok('mutation ($id: ID!) { archiveCategory(id: $id) { __typename } }', {
      id: ids.Education,
    });
    const refused = await set(user, { categoryId: ids.Education, amountMinor: '1000' });
    expect(refused).toMatchObject({ __typename: 'NotFoundError', message: 'Category not found' });
  });

  it('never reaches another user’s category or budgets', async () => {
    const refused = await set(user, { categoryId: othersCategory, amountMinor: '1000' });
    expect(refused.__typename).toBe('NotFoundError');
    expect((await remove(user, othersCategory)).__typename).toBe('NotFoundError');
    expect(await budgets(other)).toEqual([]);
    const theirs = { user: { email: 'other@example.com' } };
    expect(await server.db.prisma.budget.count({ where: theirs })).toBe(0);
    // Theirs is set and ended without touching mine.
    await set(other, { amountMinor: '700' });
    expect(await remove(other, null)).toEqual({ __typename: 'DeleteBudgetSuccess', ended: true });
    expect(limits(await budgets(user))[0]).toEqual([null, '4000000']);
  });

  it('deleteBudget ends a budget from a month on, earlier months keep it', async () => {
    expect(await remove(user, ids.Fuel!, '2026-04-15')).toMatchObject({ ended: true });
    expect(limits(await budgets(user)).map(([name]) => name)).toContain('Fuel');
    expect(limits(await budgets(user, '2026-04-01')).map(([name]) => name)).not.toContain('Fuel');

    expect(await remove(user, ids.Food!)).toMatchObject({ ended: true });
    expect(await remove(user, ids.Food!)).toMatchObject({ ended: false });
    expect(limits(await budgets(user))).toEqual([
      [null, '4000000'],
      ['Fuel', '50000'],
      ['Shopping', '10000'], // set from February, so in force in March too
    ]);
  });

  it('takes this month in the user’s time zone when no month is given', async () => {
    // 1 April, 00:30 in Kolkata, still 31 March in UTC: past the session's idle timeout.
    server.setNow(new Date('2026-03-31T19:00:00Z'));
    await user.login('budgets@example.com');
    try {
      await set(user, { categoryId: ids.Health, amountMinor: '20000' });
      const april = await budgets(user);
      expect(limits(april).map(([name]) => name)).toContain('Health');
      expect(april[0]?.projected).toEqual({ amountMinor: '0', formatted: '₹0.00' });
      const march = await budgets(user, '2026-03-01');
      expect(limits(march).map(([name]) => name)).not.toContain('Health');
    } finally {
      server.setNow(NOW);
    }
  });

  it('budgetChanges lists every budget set or ended, overall first, each scope by month', async () => {
    const { budgetChanges } = await user.ok<{
      budgetChanges: {
        category: { name: string } | null;
        from: string;
        limit: { amountMinor: string } | null;
      }[];
    }>('{ budgetChanges { category { name } from limit { amountMinor } } }');
    const changes = budgetChanges.map((b) => [
      b.category?.name ?? null,
      b.from,
      b.limit?.amountMinor ?? null,
    ]);
    expect(changes[0]).toEqual([null, '2026-03-01', '4000000']);
    expect(changes).toContainEqual(['Fuel', '2026-03-01', '50000']);
    expect(changes).toContainEqual(['Fuel', '2026-04-01', null]);
    expect(changes).toContainEqual(['Shopping', '2026-02-01', '10000']);
    const fuel = changes.filter(([name]) => name === 'Fuel').map(([, from]) => from);
    expect(fuel).toEqual(['2026-03-01', '2026-04-01']);
  });

  it('refuses a stranger', async () => {
    const stranger = new TestClient(server.url);
    const res = await stranger.request('{ budgets { limit { amountMinor } } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
