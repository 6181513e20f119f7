import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestServer,
  subscribe,
  TestClient,
  type TestServer,
} from '../../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('expenseAdded', () => {
  it('streams each expense the user adds, over server-sent events', async () => {
    const dashboard = new TestClient(server.url);
    await dashboard.register('live@example.com');
    const live = await subscribe(
      dashboard,
      'subscription { expenseAdded { note amount { formatted } } }',
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const phone = new TestClient(server.url);
      phone.cookie = dashboard.cookie;
      await phone.ok(
        'mutation { createExpense(input: { amountMinor: "12000", note: "petrol" }) { __typename } }',
      );
      expect(await live.next()).toEqual({
        data: { expenseAdded: { note: 'petrol', amount: { formatted: '₹120.00' } } },
      });
    } finally {
      live.close();
    }
  });

  it('refuses a stranger when the subscription starts', async () => {
    const stranger = await subscribe(
      new TestClient(server.url),
      'subscription { expenseAdded { note } }',
    );
    const first = await stranger.next();
    stranger.close();
    expect(JSON.stringify(first)).toContain('UNAUTHENTICATED');
  });
});

describe('expenseChanged', () => {
  const CHANGED =
    'subscription { expenseChanged { kind expenseId expense { id note deletedAt amount { amountMinor } } } }';

  it('streams edits, deletes and restores with their kind, once each', async () => {
    const dashboard = new TestClient(server.url);
    await dashboard.register('changes@example.com');
    const { createExpense } = await dashboard.ok<{ createExpense: { id: string } }>(
      'mutation { createExpense(input: { amountMinor: "900", note: "snacks" }) { ... on Expense { id } } }',
    );
    const id = createExpense.id;
    const changes = await subscribe(dashboard, CHANGED);
    const added = await subscribe(dashboard, 'subscription { expenseAdded { note } }');
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await dashboard.ok(
        'mutation ($id: ID!) { updateExpense(id: $id, input: { amountMinor: "950", note: "chips" }) { __typename } }',
        { id },
      );
      expect(await changes.next()).toEqual({
        data: {
          expenseChanged: {
            kind: 'UPDATED',
            expenseId: id,
            expense: { id, note: 'chips', deletedAt: null, amount: { amountMinor: '950' } },
          },
        },
      });
      const remove = 'mutation ($id: ID!) { deleteExpense(id: $id) { __typename } }';
      await dashboard.ok(remove, { id });
      const deleted = (await changes.next()) as {
        data: { expenseChanged: { kind: string; expense: { deletedAt: string | null } } };
      };
      expect(deleted.data.expenseChanged.kind).toBe('DELETED');
      expect(deleted.data.expenseChanged.expense.deletedAt).not.toBeNull();
      // A second delete changes nothing and says nothing.
      await dashboard.ok(remove, { id });
      await dashboard.ok('mutation ($id: ID!) { restoreExpense(id: $id) { __typename } }', { id });
      expect(await changes.next()).toMatchObject({
        data: { expenseChanged: { kind: 'RESTORED', expense: { deletedAt: null } } },
      });
      expect(await changes.next(300)).toBeNull();
      expect(await added.next(300)).toBeNull();
    } finally {
      changes.close();
      added.close();
    }
  });

  it('never carries another user’s changes', async () => {
    const watcher = new TestClient(server.url);
    await watcher.register('watcher@example.com');
    const other = new TestClient(server.url);
    await other.register('other@example.com');
    const { createExpense } = await other.ok<{ createExpense: { id: string } }>(
      'mutation { createExpense(input: { amountMinor: "100", note: "private" }) { ... on Expense { id } } }',
    );
    const changes = await subscribe(watcher, CHANGED);
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await other.ok('mutation ($id: ID!) { deleteExpense(id: $id) { __typename } }', {
        id: createExpense.id,
      });
      expect(await changes.next(500)).toBeNull();
    } finally {
      changes.close();
    }
  });
});
