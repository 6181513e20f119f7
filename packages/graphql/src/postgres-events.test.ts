import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '@spendline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresExpenseEvents, type ExpenseEventsHandle } from './postgres-events.ts';
import { startTestServer, subscribe, TestClient, type TestServer } from './test-server.ts';

const databaseUrl = process.env.DATABASE_URL;

/** The uuid inside a relay global id ("Type:uuid", base64). */
function rawId(globalId: string): string {
  return Buffer.from(globalId, 'base64').toString().split(':')[1] ?? '';
}

describe.runIf(databaseUrl)('expense events over PostgreSQL LISTEN/NOTIFY', () => {
  const handles: ExpenseEventsHandle[] = [];
  const replicas: TestServer[] = [];
  let close: () => Promise<void> = async () => {};

  beforeAll(async () => {
    const url = databaseUrl ?? '';
    const database = await createTestDatabase(url);
    close = () => database.close();
    // A channel of its own, so parallel test runs on the same server do not cross-talk.
    const channel = `test_events_${randomBytes(6).toString('hex')}`;
    for (let i = 0; i < 2; i++) {
      const handle = await createPostgresExpenseEvents(url, { channel });
      handles.push(handle);
      replicas.push(await startTestServer({ database, events: handle.events }));
    }
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    for (const handle of handles) await handle.close();
    await close();
  });

  it('streams an expense created on one replica to a subscriber on another', async () => {
    const [first, second] = replicas as [TestServer, TestServer];
    const dashboard = new TestClient(first.url);
    await dashboard.register('replicas@example.com');
    const live = await subscribe(dashboard, 'subscription { expenseAdded { note } }');
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const phone = new TestClient(second.url);
      phone.cookie = dashboard.cookie;
      await phone.ok(
        'mutation { createExpense(input: { amountMinor: "500", note: "chai" }) { __typename } }',
      );
      expect(await live.next(5000)).toEqual({ data: { expenseAdded: { note: 'chai' } } });
    } finally {
      live.close();
    }
  });

  it('delivers only to the owner, and not "changed" events to expenseAdded', async () => {
    const [first, second] = replicas as [TestServer, TestServer];
    const owner = new TestClient(first.url);
    const ownerId = await owner.register('owner@example.com');
    const stranger = new TestClient(first.url);
    await stranger.register('stranger@example.com');
    const strangerLive = await subscribe(stranger, 'subscription { expenseAdded { note } }');
    const ownerLive = await subscribe(owner, 'subscription { expenseAdded { note } }');
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const phone = new TestClient(second.url);
      phone.cookie = owner.cookie;
      const created = await phone.ok<{ createExpense: { id: string } }>(
        'mutation { createExpense(input: { amountMinor: "700", note: "lunch" }) { ... on Expense { id } } }',
      );
      expect(await ownerLive.next(5000)).toEqual({ data: { expenseAdded: { note: 'lunch' } } });
      handles[1]?.events.publish({
        userId: rawId(ownerId),
        expenseId: rawId(created.createExpense.id),
        kind: 'changed',
      });
      expect(await ownerLive.next(500)).toBeNull();
      expect(await strangerLive.next(500)).toBeNull();
    } finally {
      ownerLive.close();
      strangerLive.close();
    }
  });
});
