import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '@spendline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresExpenseEvents, type ExpenseEventsHandle } from '@spendline/entries';
import { startTestServer, subscribe, TestClient, type TestServer } from '../testing/test-server.ts';

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

  it('delivers only to the owner, and not "updated" events to expenseAdded', async () => {
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
        kind: 'updated',
      });
      expect(await ownerLive.next(500)).toBeNull();
      expect(await strangerLive.next(500)).toBeNull();
    } finally {
      ownerLive.close();
      strangerLive.close();
    }
  });

  it('streams an edit made on one replica to expenseChanged on another', async () => {
    const [first, second] = replicas as [TestServer, TestServer];
    const dashboard = new TestClient(first.url);
    await dashboard.register('edits@example.com');
    const { createExpense } = await dashboard.ok<{ createExpense: { id: string } }>(
      'mutation { createExpense(input: { amountMinor: "300", note: "tea" }) { ... on Expense { id } } }',
    );
    const live = await subscribe(
      dashboard,
      'subscription { expenseChanged { kind expense { note } } }',
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const phone = new TestClient(second.url);
      phone.cookie = dashboard.cookie;
      await phone.ok(
        'mutation ($id: ID!) { updateExpense(id: $id, input: { note: "green tea" }) { __typename } }',
        { id: createExpense.id },
      );
      expect(await live.next(5000)).toEqual({
        data: { expenseChanged: { kind: 'UPDATED', expense: { note: 'green tea' } } },
      });
    } finally {
      live.close();
    }
  });
});

describe.runIf(databaseUrl)('expense events from inside a writer transaction', () => {
  it('are heard when the transaction commits, and never when it rolls back', async () => {
    const url = databaseUrl ?? '';
    const database = await createTestDatabase(url);
    const channel = `test_tx_events_${randomBytes(6).toString('hex')}`;
    const handle = await createPostgresExpenseEvents(url, { channel });
    const heard: string[] = [];
    const listening = (async () => {
      for await (const event of handle.events.subscribe('user-1')) {
        heard.push(`${event.expenseId}:${event.kind}`);
        if (heard.length === 2) return;
      }
    })();
    try {
      await database.sql
        .transaction(async (tx) => {
          await handle.events.publishInTransaction(tx, { userId: 'user-1', expenseId: 'lost' });
          throw new Error('roll back');
        })
        .catch(() => {});
      await database.sql.transaction(async (tx) => {
        await handle.events.publishInTransaction(tx, {
          userId: 'user-1',
          expenseId: 'kept',
          kind: 'added',
        });
        await new Promise((resolve) => setTimeout(resolve, 200));
        // Still inside the transaction: nothing may have been delivered yet.
        expect(heard).toEqual([]);
      });
      handle.events.publish({ userId: 'user-1', expenseId: 'after', kind: 'deleted' });
      await listening;
      expect(heard).toEqual(['kept:added', 'after:deleted']);
    } finally {
      await handle.close();
      await database.close();
    }
  });
});
