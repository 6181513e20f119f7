// The monthly statement opt-in: a setting of the viewer's own, starting with the next 1st.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;

const UPDATE = `mutation ($input: SettingsInput!) {
  updateSettings(input: $input) { __typename ... on User { monthlyStatement weeklyDigest } }
}`;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('monthlyStatement', () => {
  it('is off at first, turned on and off by updateSettings, and starts with the next 1st', async () => {
    const client = new TestClient(server.url);
    await client.register('pdf@example.com', 'correct horse', { timeZone: 'Asia/Kolkata' });
    expect(await client.ok('{ me { monthlyStatement } }')).toEqual({
      me: { monthlyStatement: false },
    });
    // 20 November, 01:00 in Kolkata (still the 19th in UTC).
    server.setNow(new Date('2026-11-19T19:30:00Z'));
    expect(await client.ok(UPDATE, { input: { monthlyStatement: true } })).toEqual({
      updateSettings: { __typename: 'User', monthlyStatement: true, weeklyDigest: false },
    });
    const user = await server.db.prisma.user.findUniqueOrThrow({
      where: { email: 'pdf@example.com' },
    });
    // October's statement is not sent at once: November counts as handled.
    expect(user.monthlyStatementOn?.toISOString().slice(0, 10)).toBe('2026-11-01');
    // Another setting leaves it alone.
    await client.ok(UPDATE, { input: { weeklyDigest: true } });
    expect(await client.ok('{ me { monthlyStatement } }')).toEqual({
      me: { monthlyStatement: true },
    });
    expect(await client.ok(UPDATE, { input: { monthlyStatement: false } })).toMatchObject({
      updateSettings: { monthlyStatement: false },
    });
  });
});
