import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
let asha: TestClient;
let categories: Record<string, string>;

const CREATE = `mutation ($input: NewExpense!) {
  createExpense(input: $input) {
    __typename
    ... on Expense { id kind occurredAt localDate note source deletedAt
      amount { amountMinor currency amount formatted } category { name } }
    ... on ValidationError { problems { path message } }
    ... on NotFoundError { message }
  }
}`;

interface ExpenseRow {
  id: string;
  note: string | null;
  amount: { amountMinor: string; currency: string; amount: string; formatted: string };
  category: { name: string } | null;
  localDate: string;
  deletedAt: string | null;
}

async function create(input: Record<string, unknown>): Promise<ExpenseRow> {
  const data = await asha.ok<{ createExpense: ExpenseRow & { __typename: string } }>(CREATE, {
    input,
  });
  if (data.createExpense.__typename !== 'Expense') throw new Error(JSON.stringify(data));
  return data.createExpense;
}

const LIST = `query ($filter: ExpenseFilter, $orderBy: ExpenseOrder, $first: Int, $after: String) {
  expenses(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id note amount { amountMinor } } }
  }
}`;

interface Page {
  expenses: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; note: string | null; amount: { amountMinor: string } } }[];
  };
}

async function notes(variables: Record<string, unknown>): Promise<(string | null)[]> {
  const data = await asha.ok<Page>(LIST, { first: 100, ...variables });
  return data.expenses.edges.map((e) => e.node.note);
}

beforeAll(async () => {
  server = await startTestServer();
  asha = new TestClient(server.url);
  await asha.register('asha@example.com', 'correct horse', {
    timeZone: 'Asia/Kolkata',
    locale: 'en-IN',
  });
  const list = await asha.ok<{ categories: { id: string; name: string }[] }>(
    '{ categories { id name } }',
  );
  categories = Object.fromEntries(list.categories.map((c) => [c.name, c.id]));
});
afterAll(async () => {
  await server.close();
});

describe('createExpense', () => {
  it('records an exact amount in the user’s currency and formats it in their locale', async () => {
    const expense = await create({
      amountMinor: '123456789',
      note: 'Laptop',
      categoryId: categories.Shopping,
      occurredAt: '2026-03-07T20:00:00Z',
    });
    expect(expense).toMatchObject({
      note: 'Laptop',
      source: 'WEB',
      localDate: '2026-03-08', // 01:30 in Kolkata
      amount: {
        amountMinor: '123456789',
        currency: 'INR',
        amount: '1234567.89',
        formatted: '₹12,34,567.89',
      },
      category: { name: 'Shopping' },
    });
  });

  it('refuses a zero amount, a made-up currency and a category that is not yours', async () => {
    const bad = await asha.ok<{ createExpense: { problems: { path: string[] }[] } }>(CREATE, {
      input: { amountMinor: '0' },
    });
    expect(bad.createExpense.problems[0]?.path).toEqual(['input', 'amountMinor']);
    const currency = await asha.ok<{ createExpense: { problems: { path: string[] }[] } }>(CREATE, {
      input: { amountMinor: '10', currency: 'ABCD' },
    });
    expect(currency.createExpense.problems[0]?.path).toEqual(['input', 'currency']);
    const other = new TestClient(server.url);
    await other.register('other@example.com');
    const theirs = await other.ok<{ categories: { id: string }[] }>('{ categories { id } }');
    const stolen = await asha.ok<{ createExpense: { __typename: string } }>(CREATE, {
      input: { amountMinor: '10', categoryId: theirs.categories[0]?.id },
    });
    expect(stolen.createExpense.__typename).toBe('NotFoundError');
  });

  it('refuses amounts given as floats or fractions', async () => {
    const res = await asha.request(CREATE, { input: { amountMinor: '12.50' } });
    expect(res.errors?.[0]?.message).toMatch(/whole number of minor units/);
    const float = await asha.request(CREATE, { input: { amountMinor: 12.5 } });
    expect(float.errors?.[0]?.message).toMatch(/whole number of minor units/);
  });
});

describe('updateExpense, deleteExpense and restoreExpense', () => {
  it('edits only the given fields and clears the note with null', async () => {
    const expense = await create({
      amountMinor: '5000',
      note: 'chai',
      categoryId: categories.Food,
    });
    const data = await asha.ok<{ updateExpense: ExpenseRow }>(
      `mutation ($id: ID!) { updateExpense(id: $id, input: { amountMinor: "6000", note: null }) {
        ... on Expense { note amount { amountMinor } category { name } } } }`,
      { id: expense.id },
    );
    expect(data.updateExpense).toEqual({
      note: null,
      amount: { amountMinor: '6000' },
      category: { name: 'Food' },
    });
  });

  it('soft-deletes into a bin and restores from it', async () => {
    const expense = await create({ amountMinor: '777', note: 'oops' });
    const deleted = await asha.ok<{ deleteExpense: { deletedAt: string | null } }>(
      'mutation ($id: ID!) { deleteExpense(id: $id) { ... on Expense { deletedAt } } }',
      { id: expense.id },
    );
    expect(deleted.deleteExpense.deletedAt).toEqual(expect.any(String));
    expect(await notes({})).not.toContain('oops');
    expect(await notes({ filter: { status: 'DELETED' } })).toEqual(['oops']);
    const stillThere = await asha.ok<{ expense: { note: string } }>(
      'query ($id: ID!) { expense(id: $id) { note } }',
      { id: expense.id },
    );
    expect(stillThere.expense.note).toBe('oops');
    const restored = await asha.ok<{ restoreExpense: { deletedAt: string | null } }>(
      'mutation ($id: ID!) { restoreExpense(id: $id) { ... on Expense { deletedAt } } }',
      { id: expense.id },
    );
    expect(restored.restoreExpense.deletedAt).toBeNull();
    expect(await notes({})).toContain('oops');
  });

  it('answers NotFoundError for an id that does not exist', async () => {
    const fake = Buffer.from('Expense:00000000-0000-7000-8000-000000000000').toString('base64');
    const data = await asha.ok<{ deleteExpense: { __typename: string } }>(
      'mutation ($id: ID!) { deleteExpense(id: $id) { __typename } }',
      { id: fake },
    );
    expect(data.deleteExpense.__typename).toBe('NotFoundError');
  });
});

describe('the expenses connection', () => {
  let user: TestClient;
  beforeAll(async () => {
    user = new TestClient(server.url);
    await user.register('pager@example.com', 'correct horse', { timeZone: 'Asia/Kolkata' });
    const { categories: mine } = await user.ok<{ categories: { id: string; name: string }[] }>(
      '{ categories { id name } }',
    );
    const food = mine.find((c) => c.name === 'Food')?.id;
    const fuel = mine.find((c) => c.name === 'Fuel')?.id;
    const rows: [string, string, string | undefined, string][] = [
      ['100', 'morning chai', food, '2026-03-01T03:00:00Z'],
      ['5000', 'petrol full tank', fuel, '2026-03-02T10:00:00Z'],
      ['25000', 'Dinner with team', food, '2026-03-03T15:00:00Z'],
      ['1500', 'auto to office', undefined, '2026-03-04T04:00:00Z'],
      ['300', 'CHAI and biscuits', food, '2026-03-05T18:45:00Z'], // 00:15 on the 6th in Kolkata
    ];
    for (const [amountMinor, note, categoryId, occurredAt] of rows) {
      await user.ok(CREATE, { input: { amountMinor, note, categoryId, occurredAt } });
    }
    asha = user;
    Object.assign(categories, { pagerFood: food, pagerFuel: fuel });
  });

  it('pages newest first with cursors and a total count', async () => {
    const first = await user.ok<Page>(LIST, { first: 2 });
    expect(first.expenses.totalCount).toBe(5);
    expect(first.expenses.edges.map((e) => e.node.note)).toEqual([
      'CHAI and biscuits',
      'auto to office',
    ]);
    expect(first.expenses.pageInfo.hasNextPage).toBe(true);
    const second = await user.ok<Page>(LIST, {
      first: 2,
      after: first.expenses.pageInfo.endCursor,
    });
    expect(second.expenses.edges.map((e) => e.node.note)).toEqual([
      'Dinner with team',
      'petrol full tank',
    ]);
    const third = await user.ok<Page>(LIST, {
      first: 2,
      after: second.expenses.pageInfo.endCursor,
    });
    expect(third.expenses.edges.map((e) => e.node.note)).toEqual(['morning chai']);
    expect(third.expenses.pageInfo.hasNextPage).toBe(false);
  });

  it('pages backwards from the end and from a cursor, still newest first', async () => {
    const BACK = `query ($last: Int, $before: String) {
      expenses(last: $last, before: $before) {
        pageInfo { hasPreviousPage startCursor }
        edges { node { note } }
      }
    }`;
    type Back = {
      expenses: {
        pageInfo: { hasPreviousPage: boolean; startCursor: string | null };
        edges: { node: { note: string } }[];
      };
    };
    const oldest = await user.ok<Back>(BACK, { last: 2 });
    expect(oldest.expenses.edges.map((e) => e.node.note)).toEqual([
      'petrol full tank',
      'morning chai',
    ]);
    expect(oldest.expenses.pageInfo.hasPreviousPage).toBe(true);
    const newer = await user.ok<Back>(BACK, {
      last: 2,
      before: oldest.expenses.pageInfo.startCursor,
    });
    expect(newer.expenses.edges.map((e) => e.node.note)).toEqual([
      'auto to office',
      'Dinner with team',
    ]);
  });

  it('treats a cursor from another account as matching nothing', async () => {
    const other = new TestClient(server.url);
    await other.register('pager-other@example.com');
    await other.ok(CREATE, { input: { amountMinor: '100', note: 'theirs' } });
    const theirs = await other.ok<Page>(LIST, { first: 1 });
    expect(theirs.expenses.edges.map((e) => e.node.note)).toEqual(['theirs']);
    const page = await user.ok<Page>(LIST, { first: 2, after: theirs.expenses.pageInfo.endCursor });
    expect(page.expenses.edges).toEqual([]);
  });

  it('searches for % and _ as the characters, not as wildcards', async () => {
    expect(await notes({ filter: { search: '%' } })).toEqual([]);
    expect(await notes({ filter: { search: 'chai_' } })).toEqual([]);
    expect(await notes({ filter: { search: 'CHAI AND' } })).toEqual(['CHAI and biscuits']);
  });

  it('loads what a selection asks of each entry’s category, in page order', async () => {
    const data = await user.ok<{
      expenses: { edges: { node: { note: string; category: { expenseCount: number } | null } }[] };
    }>('{ expenses(first: 3) { edges { node { note category { expenseCount } } } } }');
    expect(data.expenses.edges.map((e) => e.node)).toEqual([
      { note: 'CHAI and biscuits', category: { expenseCount: 3 } },
      { note: 'auto to office', category: null },
      { note: 'Dinner with team', category: { expenseCount: 3 } },
    ]);
  });

  it('sorts by amount either way', async () => {
    expect(await notes({ orderBy: { field: 'AMOUNT', direction: 'ASC' } })).toEqual([
      'morning chai',
      'CHAI and biscuits',
      'auto to office',
      'petrol full tank',
      'Dinner with team',
    ]);
  });

  it('filters by note text in any case, by category, and by having none', async () => {
    expect(await notes({ filter: { search: 'chai' } })).toEqual([
      'CHAI and biscuits',
      'morning chai',
    ]);
    expect(await notes({ filter: { categoryIds: [categories.pagerFuel] } })).toEqual([
      'petrol full tank',
    ]);
    expect(
      await notes({ filter: { categoryIds: [categories.pagerFuel], uncategorized: true } }),
    ).toEqual(['auto to office', 'petrol full tank']);
  });

  it('filters by amount range, source, and local dates in the user’s zone', async () => {
    expect(await notes({ filter: { minAmountMinor: '300', maxAmountMinor: '5000' } })).toEqual([
      'CHAI and biscuits',
      'auto to office',
      'petrol full tank',
    ]);
    expect(await notes({ filter: { sources: ['WHATSAPP'] } })).toEqual([]);
    expect(await notes({ filter: { fromDate: '2026-03-06', toDate: '2026-03-06' } })).toEqual([
      'CHAI and biscuits',
    ]);
    expect(
      await notes({ filter: { from: '2026-03-02T00:00:00Z', to: '2026-03-04T00:00:00Z' } }),
    ).toEqual(['Dinner with team', 'petrol full tank']);
  });

  it('counts only what the filter matches', async () => {
    const data = await user.ok<Page>(LIST, { first: 1, filter: { search: 'chai' } });
    expect(data.expenses.totalCount).toBe(2);
  });
});

describe('expenses with their categories', () => {
  it('shows each entry’s category, for an account with hundreds of them', async () => {
    const many = new TestClient(server.url);
    await many.register('many-categories@example.com');
    const { id: userId } = await server.db.prisma.user.findUniqueOrThrow({
      where: { email: 'many-categories@example.com' },
    });
    // Names sort so that "zz last" comes after every other one.
    await server.db.prisma.category.createMany({
      data: Array.from({ length: 220 }, (_, i) => ({
        userId,
        name: `bulk ${String(i).padStart(3, '0')}`,
        nameKey: `bulk ${String(i).padStart(3, '0')}`,
      })),
    });
    const last = await server.db.prisma.category.create({
      data: { userId, name: 'zz last', nameKey: 'zz last', emoji: '🧾' },
    });
    const first = await server.db.prisma.category.findFirstOrThrow({ where: { userId } });
    const occurredAt = new Date('2026-02-01T10:00:00Z');
    await server.db.prisma.expense.createMany({
      data: [
        {
          userId,
          amountMinor: 100n,
          currency: 'INR',
          occurredAt,
          source: 'WEB',
          note: 'a',
          categoryId: last.id,
        },
        {
          userId,
          amountMinor: 200n,
          currency: 'INR',
          occurredAt,
          source: 'WEB',
          note: 'b',
          categoryId: first.id,
        },
        { userId, amountMinor: 300n, currency: 'INR', occurredAt, source: 'WEB', note: 'c' },
      ],
    });
    const { expenses } = await many.ok<{
      expenses: {
        edges: {
          node: { note: string; category: { name: string; emoji: string | null } | null };
        }[];
      };
    }>(
      '{ expenses(orderBy: { field: AMOUNT, direction: ASC }) { edges { node { note category { name emoji } } } } }',
    );
    expect(expenses.edges.map((e) => e.node)).toEqual([
      { note: 'a', category: { name: 'zz last', emoji: '🧾' } },
      { note: 'b', category: { name: first.name, emoji: first.emoji } },
      { note: 'c', category: null },
    ]);
  });
});
