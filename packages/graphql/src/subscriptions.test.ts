import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, subscribe, TestClient, type TestServer } from './test-server.ts';

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
