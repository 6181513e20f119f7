import { sql } from '@spendline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

// The numbers of the operator page against rows seeded as the api writes them, at a
// fixed "now", and who may read them.

const NOW = new Date('2026-12-06T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;

const STATUS = `{ operatorStatus {
  checkedAt
  webhook { lastReceivedAt signatureFailures firstSignatureFailureAt lastSignatureFailureAt }
  inbox { waiting oldestWaitingSeconds failedLastDay processedLastHour medianMs p95Ms }
  outbox { pending oldestPendingSeconds retried sent failed days
    failures { code count lastAt meaning fix blocksAllSends } }
  sandbox
  templates { check summary }
  scheduler { job finishedAt done failed error }
  activeConversations
} }`;

let server: TestServer;
let operator: TestClient;
let member: TestClient;

async function seed() {
  const db = server.db.sql;
  await db.execute(sql`
    INSERT INTO webhook_outcomes (outcome, count, first_at, last_at) VALUES
      ('accepted', 41, ${ago(5 * HOUR)}::timestamptz, ${ago(3 * MIN)}::timestamptz),
      ('bad_signature', 7, ${ago(4 * HOUR)}::timestamptz, ${ago(20 * MIN)}::timestamptz)`);
  const chats: { key: string; lastInbound: Date }[] = [
    { key: '+919800000011', lastInbound: ago(1 * HOUR) },
    { key: '+919800000012', lastInbound: ago(23 * HOUR) },
    { key: '+919800000013', lastInbound: ago(25 * HOUR) },
  ];
  const ids: string[] = [];
  for (const chat of chats) {
    const [row] = await db.rows<{ id: string }>(sql`
      INSERT INTO conversations (id, wa_key, phone_number, last_inbound_at, updated_at)
      VALUES (gen_random_uuid(), ${chat.key}, ${chat.key}, ${chat.lastInbound}::timestamptz, now())
      RETURNING id`);
    ids.push(row?.id ?? '');
  }
  const chat = ids[0] ?? '';
  let n = 0;
  const inbound = (status: string, receivedAt: Date, tookMs: number | null) =>
    db.execute(sql`
      INSERT INTO inbound_messages
        (id, wa_message_id, conversation_id, phone_number_id, type, payload, sent_at,
         received_at, processed_at, status)
      VALUES (gen_random_uuid(), ${`wamid.seed${++n}`}, ${chat}::uuid, '15550001111', 'text',
              '{}'::jsonb, ${receivedAt}::timestamptz, ${receivedAt}::timestamptz,
              ${tookMs === null ? null : new Date(receivedAt.getTime() + tookMs)}::timestamptz,
              ${status}::"InboundStatus")`);
  await inbound('RECEIVED', ago(10 * MIN), null);
  await inbound('RECEIVED', ago(2 * MIN), null);
  await inbound('FAILED', ago(2 * HOUR), null);
  await inbound('FAILED', ago(30 * HOUR), null); // outside the day
  for (const [i, took] of [100, 200, 300, 400, 10_000].entries())
    await inbound('PROCESSED', ago((10 + i) * MIN), took);
  await inbound('PROCESSED', ago(2 * HOUR), 99_999); // outside the hour

  const outbound = (status: string, createdAt: Date, attempts: number, lastError?: string) =>
    db.execute(sql`
      INSERT INTO outbound_messages
        (id, conversation_id, recipient, type, payload, status, attempts, last_error,
         created_at, updated_at)
      VALUES (gen_random_uuid(), ${chat}::uuid, '919800000011', 'text', '{}'::jsonb,
              ${status}::"OutboundStatus", ${attempts}, ${lastError ?? null},
              ${createdAt}::timestamptz, ${createdAt}::timestamptz)`);
  await outbound('PENDING', ago(15 * MIN), 0);
  await outbound('PENDING', ago(1 * MIN), 2);
  await outbound('SENDING', ago(30 * 1000), 1);
  await outbound('SENT', ago(1 * HOUR), 1);
  await outbound('DELIVERED', ago(2 * HOUR), 3);
  await outbound('READ', ago(3 * HOUR), 1);
  await outbound('FAILED', ago(1 * HOUR), 1, '190: (#190) Error validating access token');
  await outbound('FAILED', ago(2 * HOUR), 1, '190: (#190) Error validating access token');
  await outbound('FAILED', ago(3 * HOUR), 1, '131047 Re-engagement message: more than 24 hours');
  await outbound('FAILED', ago(4 * HOUR), 1, 'network: connect ECONNREFUSED');
  await outbound('FAILED', ago(10 * 24 * HOUR), 4, '131026: undeliverable'); // outside the week

  await db.execute(sql`
    INSERT INTO scheduler_runs (job, started_at, finished_at, done, failed, error) VALUES
      ('recurring', ${ago(40 * 1000)}::timestamptz, ${ago(39 * 1000)}::timestamptz, 2, 0, NULL),
      ('digests', ${ago(2 * MIN)}::timestamptz, ${ago(2 * MIN)}::timestamptz, 0, 1, 'database timeout')`);
}

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  operator = new TestClient(server.url);
  await operator.register('ops@example.com', 'operator passphrase 1');
  member = new TestClient(server.url);
  await member.register('member@example.com', 'member passphrase 1');
  await seed();
});
afterAll(async () => {
  await server.close();
});

describe('operatorStatus', () => {
  it('tells the first account it is the operator, and no later one', async () => {
    expect(await operator.ok('{ me { isOperator } }')).toEqual({ me: { isOperator: true } });
    expect(await member.ok('{ me { isOperator } }')).toEqual({ me: { isOperator: false } });
  });

  it('gives the operator the numbers of the seeded rows', async () => {
    const { operatorStatus: status } = await operator.ok<{
      operatorStatus: Record<string, unknown>;
    }>(STATUS);
    expect(status.checkedAt).toBe(NOW.toISOString());
    expect(status.webhook).toEqual({
      lastReceivedAt: ago(3 * MIN).toISOString(),
      signatureFailures: 7,
      firstSignatureFailureAt: ago(4 * HOUR).toISOString(),
      lastSignatureFailureAt: ago(20 * MIN).toISOString(),
    });
    expect(status.inbox).toEqual({
      waiting: 2,
      oldestWaitingSeconds: 600,
      failedLastDay: 1,
      processedLastHour: 5,
      medianMs: 300,
      // Interpolated: 400 + 0.8 × (10000 − 400).
      p95Ms: 8080,
    });
    expect(status.outbox).toMatchObject({
      pending: 3,
      oldestPendingSeconds: 900,
      retried: 2,
      sent: 3,
      failed: 4,
      days: 7,
    });
    const failures = (status.outbox as { failures: Record<string, unknown>[] }).failures;
    expect(failures.map((f) => [f.code, f.count, f.blocksAllSends])).toEqual([
      ['190', 2, true],
      ['131047', 1, false],
      ['network', 1, false],
    ]);
    expect(failures[0]).toMatchObject({
      lastAt: ago(1 * HOUR).toISOString(),
      meaning: expect.stringMatching(/access token expired/),
      fix: expect.stringContaining('WHATSAPP_ACCESS_TOKEN'),
    });
    expect(failures[1]?.fix).toMatch(/spendline_notice/);
    // Without a Meta account the api is in sandbox mode: Meta is not asked.
    expect(status.sandbox).toBe(true);
    expect(status.templates).toMatchObject({
      check: 'SANDBOX',
      summary: expect.stringMatching(/^Not checked: sandbox/),
    });
    expect(status.scheduler).toEqual([
      {
        job: 'recurring',
        finishedAt: ago(39 * 1000).toISOString(),
        done: 2,
        failed: 0,
        error: null,
      },
      {
        job: 'digests',
        finishedAt: ago(2 * MIN).toISOString(),
        done: 0,
        failed: 1,
        error: 'database timeout',
      },
    ]);
    expect(status.activeConversations).toBe(2);
  });

  it('answers zeros and nulls on a database with nothing in it yet', async () => {
    const empty = await startTestServer();
    try {
      const first = new TestClient(empty.url);
      await first.register('first@example.com', 'operator passphrase 1');
      const { operatorStatus } = await first.ok<{ operatorStatus: Record<string, unknown> }>(
        STATUS,
      );
      expect(operatorStatus).toMatchObject({
        webhook: { lastReceivedAt: null, signatureFailures: 0, lastSignatureFailureAt: null },
        inbox: { waiting: 0, oldestWaitingSeconds: null, medianMs: null, p95Ms: null },
        outbox: { pending: 0, oldestPendingSeconds: null, failed: 0, failures: [] },
        scheduler: [],
        activeConversations: 0,
      });
    } finally {
      await empty.close();
    }
  });

  it('refuses a signed-in account that is not an operator with a plain error, until granted', async () => {
    const refused = await member.request(STATUS);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
      ['Not authorized.', 'FORBIDDEN'],
    ]);
    const stranger = await new TestClient(server.url).request(STATUS);
    expect(stranger.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await server.db.prisma.user.update({
      where: { email: 'member@example.com' },
      data: { isOperator: true },
    });
    expect(
      (await member.ok<{ operatorStatus: { inbox: { waiting: number } } }>(STATUS)).operatorStatus
        .inbox.waiting,
    ).toBe(2);
    await server.db.prisma.user.update({
      where: { email: 'member@example.com' },
      data: { isOperator: false },
    });
  });
});
