import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS } from './imports.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
let user: TestClient;
let userId = '';

interface Batch {
  __typename: string;
  startedAt?: string;
  read?: number;
  imported?: number;
  duplicates?: number;
  failed?: number;
  problems?: { line: number; message: string }[];
  message?: string;
  retryAfterSeconds?: number;
}

const MAPPING = { date: 0, kind: 1, amount: 2, currency: 3, category: 4, note: 5 };

async function importRows(
  rows: string[][],
  extra: Record<string, unknown> = {},
  client: TestClient = user,
): Promise<Batch> {
  const data = await client.ok<{ importExpenses: Batch }>(
    `mutation ($input: ImportExpensesInput!) { importExpenses(input: $input) {
      __typename
      ... on ExpenseImport { startedAt read imported duplicates failed problems { line message } }
      ... on Error { message }
      ... on RateLimitedError { retryAfterSeconds } } }`,
    { input: { rows, mapping: MAPPING, ...extra } },
  );
  return data.importExpenses;
}

async function entries(client: TestClient = user) {
  const { expenses } = await client.ok<{
    expenses: {
      edges: {
        node: {
          localDate: string;
          kind: string;
          amount: { amountMinor: string; currency: string };
          category: { name: string } | null;
          note: string | null;
          source: string;
        };
      }[];
    };
  }>(`{ expenses(first: 20, orderBy: { field: OCCURRED_AT, direction: ASC }) { edges { node {
      localDate kind amount { amountMinor currency } category { name } note source } } } }`);
  return expenses.edges.map(({ node: e }) =>
    [e.localDate, e.kind, e.amount.amountMinor, e.amount.currency, e.category?.name, e.note].join(
      ' ',
    ),
  );
}

beforeAll(async () => {
  server = await startTestServer();
  user = new TestClient(server.url);
  await user.register('importer@example.com', 'correct horse', {
    timeZone: 'Asia/Kolkata',
    currency: 'INR',
    locale: 'en-IN',
  });
  const row = await server.db.prisma.user.findUniqueOrThrow({
    where: { email: 'importer@example.com' },
  });
  userId = row.id;
});
beforeEach(async () => {
  await server.db.prisma.expense.deleteMany();
  await server.db.prisma.rateLimit.deleteMany();
});
afterAll(async () => {
  await server.close();
});

describe('importExpenses', () => {
  it('records the rows as the viewer’s entries, finding or creating categories', async () => {
    const result = await importRows([
      ['2026-11-30', 'Expense', '120.00', 'INR', 'fuel', 'petrol'],
      ['2026-12-01', 'Income', '50,000.00', '', '', 'salary'],
      ['2026-12-01', 'Expense', '15.50', 'USD', 'Streaming', "'=cheap"],
    ]);
    expect(result).toMatchObject({
      __typename: 'ExpenseImport',
      read: 3,
      imported: 3,
      duplicates: 0,
      failed: 0,
      problems: [],
    });
    expect(await entries()).toEqual([
      '2026-11-30 EXPENSE 12000 INR Fuel petrol',
      '2026-12-01 INCOME 5000000 INR  salary',
      '2026-12-01 EXPENSE 1550 USD Streaming =cheap',
    ]);
    const { categories } = await user.ok<{ categories: { name: string }[] }>(
      '{ categories { name } }',
    );
    expect(categories.map((c) => c.name)).toContain('Streaming');
  });

  it('goes on across calls with startedAt: repeats in the file kept, earlier rows skipped', async () => {
    await importRows([['2026-12-01', '', '40', '', '', 'tea']]);
    const first = await importRows([
      ['2026-12-02', '', '10', '', '', 'bus'],
      ['2026-12-02', '', '10', '', '', 'bus'],
    ]);
    const next = await importRows(
      [
        ['2026-12-02', '', '10', '', '', 'bus'],
        ['2026-12-01', '', '40', '', '', 'tea'],
        ['tomorrow', '', '1', '', '', 'x'],
      ],
      { startedAt: first.startedAt, firstLine: 4 },
    );
    expect(next).toMatchObject({
      startedAt: first.startedAt,
      read: 3,
      imported: 1,
      duplicates: 1,
      failed: 1,
      problems: [{ line: 6, message: '"tomorrow" is not a date' }],
    });
    expect(await entries()).toHaveLength(4);
    // The same file again, as a new import: everything is recorded already.
    expect(
      await importRows([
        ['2026-12-02', '', '10', '', '', 'bus'],
        ['2026-12-02', '', '10', '', '', 'bus'],
      ]),
    ).toMatchObject({ imported: 0, duplicates: 2 });
  });

  it('imports every other row around unreadable ones, each reported for its line', async () => {
    const result = await importRows([
      ['2026-12-01', '', '40', '', 'Food', 'tea'],
      ['2026-12-01', '', '12345678901234567890', '', 'Food', 'typo'],
      ['2026-12-01', '', '1e9', '', 'Food', 'exponent'],
      ['2026-12-01', '', '10', '', 'Food', 'nul\u0000inside'],
      ['2026-12-01', '', '10', '', 'Fo\u0007od', 'bell in the category'],
      ['31/02/2026', '', '10', '', 'Food', 'no such day'],
      ['2026-12-01', '', '10', '', 'Food', 'n'.repeat(501)],
      ['2026-12-02', '', '-40', '', '', 'refund'],
      ['2026-12-02', '', '55', '', 'Food', 'lunch'],
    ]);
    expect(result).toMatchObject({
      __typename: 'ExpenseImport',
      read: 9,
      imported: 3,
      failed: 6,
      problems: [
        { line: 3, message: 'amount too large: "12345678901234567890"' },
        { line: 4, message: '"1e9" is not an amount in INR' },
        { line: 5, message: 'the note contains invisible control characters (such as NUL)' },
        { line: 6, message: 'the category contains invisible control characters (such as NUL)' },
        { line: 7, message: '"31/02/2026" is not a date' },
        { line: 8, message: 'the note is longer than 500 characters' },
      ],
    });
    // A negative amount with no Type is money back, not spending.
    expect(await entries()).toEqual([
      '2026-12-01 EXPENSE 4000 INR Food tea',
      '2026-12-02 INCOME 4000 INR  refund',
      '2026-12-02 EXPENSE 5500 INR Food lunch',
    ]);
  });

  it(`takes ${MAX_IMPORT_ROWS} rows in a call, and refuses more`, async () => {
    const row = (i: number) => [
      '2026-10-01',
      'Expense',
      `${i + 1}.25`,
      'INR',
      'Food',
      `UPI/DR/${100_000_000 + i}/SWIGGY BANGALORE/Payment from phone`,
    ];
    const full = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => row(i));
    expect(await importRows(full)).toMatchObject({ imported: MAX_IMPORT_ROWS });
    const over = await importRows([...full, row(MAX_IMPORT_ROWS)]);
    expect(over).toMatchObject({
      __typename: 'ValidationError',
      message: `input.rows: send at most ${MAX_IMPORT_ROWS} rows a call`,
    });
  });

  it('refuses a negative column index', async () => {
    const data = await user.ok<{ importExpenses: Batch }>(
      `mutation { importExpenses(input: { rows: [], mapping: { date: -1, amount: 0 } }) {
        __typename ... on Error { message } } }`,
    );
    expect(data.importExpenses).toEqual({
      __typename: 'ValidationError',
      message: 'input.mapping.date: must be a column index from 0',
    });
  });

  it('is rate limited per account', async () => {
    await server.db.prisma.rateLimit.create({
      data: {
        key: `import:${userId}`,
        count: 600,
        windowEndsAt: new Date(Date.now() + 60_000),
      },
    });
    const limited = await importRows([['2026-12-01', '', '1', '', '', 'x']]);
    expect(limited).toMatchObject({ __typename: 'RateLimitedError' });
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
    expect(await entries()).toEqual([]);
  });

  it('needs a signed-in caller', async () => {
    const stranger = new TestClient(server.url);
    const res = await stranger.request(
      'mutation { importExpenses(input: { rows: [["2026-12-01", "1"]], mapping: { date: 0, amount: 1 } }) { __typename } }',
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await server.db.prisma.expense.count()).toBe(0);
  });
});
