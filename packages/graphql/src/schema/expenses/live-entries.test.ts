// Entries recorded outside the GraphQL mutations (a file import, a recurring rule's run)
// reach an open dashboard's subscription like any other.
import { randomBytes } from 'node:crypto';
import { createExpenseEvents, type ExpenseEventsHandle } from '@spendline/entries';
import { runDueRecurring } from '@spendline/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestServer,
  subscribe,
  TestClient,
  type TestServer,
} from '../../testing/test-server.ts';

let events: ExpenseEventsHandle;
let server: TestServer;
beforeAll(async () => {
  // LISTEN/NOTIFY on PostgreSQL (delivered as the writer commits), in-process on PGlite.
  events = await createExpenseEvents(process.env.DATABASE_URL, {
    channel: `spendline_live_${randomBytes(6).toString('hex')}`,
  });
  server = await startTestServer({ events: events.events });
});
afterAll(async () => {
  await server.close();
  await events.close();
});

const ADDED = 'subscription { expenseAdded { note source amount { amountMinor } } }';
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('entries from imports and recurring rules', () => {
  it('streams each imported entry to an open dashboard', async () => {
    const dashboard = new TestClient(server.url);
    await dashboard.register('import-live@example.com');
    const live = await subscribe(dashboard, ADDED);
    try {
      await settle();
      await dashboard.ok(
        `mutation ($input: ImportExpensesInput!) { importExpenses(input: $input) { __typename } }`,
        {
          input: {
            rows: [
              ['2026-11-02', '45.50', 'bus pass'],
              ['2026-11-03', '120', 'groceries'],
            ],
            mapping: { date: 0, amount: 1, note: 2 },
          },
        },
      );
      expect([await live.next(), await live.next()]).toEqual([
        {
          data: {
            expenseAdded: { note: 'bus pass', source: 'IMPORT', amount: { amountMinor: '4550' } },
          },
        },
        {
          data: {
            expenseAdded: { note: 'groceries', source: 'IMPORT', amount: { amountMinor: '12000' } },
          },
        },
      ]);
    } finally {
      live.close();
    }
  });

  it('streams the entry a recurring rule records when it comes due', async () => {
    const dashboard = new TestClient(server.url);
    await dashboard.register('recurring-live@example.com');
    const { prisma } = server.db;
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: 'recurring-live@example.com' },
    });
    // A daily rule last run three days ago: its next occurrences are well past.
    const due = new Date(Date.now() - 3 * 86_400_000);
    await prisma.recurringExpense.create({
      data: {
        userId: user.id,
        amountMinor: 49_900n,
        currency: 'INR',
        note: 'gym',
        frequency: 'DAILY',
        startsOn: new Date('2026-01-01'),
        nextRunAt: due,
      },
    });
    const live = await subscribe(dashboard, ADDED);
    try {
      await settle();
      const round = await runDueRecurring(server.db.sql, new Date(), undefined, events.events);
      expect(round.done).toBeGreaterThan(0);
      expect(await live.next()).toEqual({
        data: {
          expenseAdded: { note: 'gym', source: 'RECURRING', amount: { amountMinor: '49900' } },
        },
      });
    } finally {
      live.close();
    }
  });
});
