// SIGTERM to the real api process in the states that used to hold a stop: each stop ends
// within the deadline, leaves PGlite shut down cleanly (no recovery at the next start),
// and what was acknowledged before it is handled after the restart.
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { localDateOf, runAt } from '@spendline/ledger';
import {
  signedWebhookRequest,
  startGraphSimulator,
  type GraphSimulator,
} from '@spendline/whatsapp/simulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createStore,
  eventually,
  pgliteClusterState,
  startApi,
  type ApiProcess,
  type Store,
} from './shutdown-process.ts';

const DEADLINE_MS = 3000;
// Process start-up and teardown around the deadline the api keeps itself.
const SLACK_MS = 700;
const DAY = 86_400_000;
const appSecret = 'stop-test-app-secret';
const phoneNumberId = '1234567890';
const whatsappEnv = { WEBHOOK_SECRET: appSecret, WHATSAPP_PHONE_NUMBER_ID: phoneNumberId };

let store: Store;
beforeEach(async () => {
  store = await createStore();
});
afterEach(async () => {
  await store.remove();
});

const phone = () => `+9198${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function postText(api: ApiProcess, from: string, text: string): Promise<number> {
  const request = signedWebhookRequest({ appSecret, phoneNumberId, from, text });
  const res = await fetch(`${api.url}/whatsapp/webhook/`, {
    method: 'POST',
    headers: request.headers,
    body: new Uint8Array(request.body),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Stops the api with SIGTERM and checks it ended in time and closed its database. */
async function expectStopInTime(api: ApiProcess): Promise<void> {
  const ms = await api.terminate();
  const { code } = await api.exited;
  expect({ ms: ms < DEADLINE_MS + SLACK_MS, code }, api.output()).toEqual({ ms: true, code: 0 });
  if (store.dataDir) expect(await pgliteClusterState(store.dataDir)).toBe('shut down');
}

async function sandboxReplies(api: ApiProcess, to: string): Promise<number> {
  const res = await fetch(`${api.url}/whatsapp/sandbox/messages?to=${to.replace(/^\+/, '')}`);
  return ((await res.json()) as unknown[]).length;
}

/** Restarts the api on the same store and waits for a reply to `to`, sent by the sandbox. */
async function expectAnsweredAfterRestart(to: string): Promise<void> {
  const api = await startApi({ store, env: whatsappEnv });
  try {
    expect(
      await eventually(
        () => sandboxReplies(api, to),
        (n) => n > 0,
      ),
    ).toBeGreaterThan(0);
  } finally {
    await expectStopInTime(api);
  }
}

/** Every stored message was processed, and each of the `count` senders got one reply. */
async function expectEachAnsweredOnce(count: number): Promise<void> {
  const db = await store.open();
  try {
    const inbound = await db.prisma.inboundMessage.groupBy({ by: ['status'], _count: true });
    expect(inbound).toEqual([{ status: 'PROCESSED', _count: count }]);
    const [replies] = await db.prisma.$queryRaw<{ all: bigint; recipients: bigint }[]>`
      SELECT count(*) AS all, count(DISTINCT recipient) AS recipients FROM outbound_messages`;
    expect({ all: Number(replies?.all), recipients: Number(replies?.recipients) }).toEqual({
      all: count,
      recipients: count,
    });
  } finally {
    await db.close();
  }
}

describe('SIGTERM stops the api within its deadline', () => {
  it('while a client has sent half a request and never the end of its headers', async () => {
    const api = await startApi({ store, env: whatsappEnv });
    const from = phone();
    expect(await postText(api, from, '120 petrol')).toBe(200);
    const socket = net.connect(api.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${api.port}\r\n`);
    socket.on('error', () => {});
    await new Promise((resolve) => setTimeout(resolve, 200));

    await expectStopInTime(api);
    expect(socket.destroyed || socket.readableEnded).toBe(true);
    socket.destroy();
    await expectAnsweredAfterRestart(from);
  });

  it('while a live-update (SSE) subscription is open', async () => {
    const api = await startApi({ store, env: whatsappEnv });
    const from = phone();
    expect(await postText(api, from, '80 tea')).toBe(200);
    const registered = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation ($input: RegisterInput!) { register(input: $input) { __typename ... on Error { message } } }',
        variables: {
          input: {
            email: `live-${randomBytes(4).toString('hex')}@example.com`,
            password: `${randomBytes(12).toString('hex')} Quokka!`,
          },
        },
      }),
    });
    const cookie = registered.headers.getSetCookie()[0]?.split(';')[0];
    expect(await registered.json()).toEqual({ data: { register: { __typename: 'User' } } });
    const stream = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        cookie: cookie ?? '',
      },
      body: JSON.stringify({ query: 'subscription { expenseAdded { note } }' }),
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();

    await expectStopInTime(api);
    // The stream ends (or breaks) instead of holding the stop open.
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return 'ended';
      })().catch(() => 'ended'),
    ).resolves.toBe('ended');
    await expectAnsweredAfterRestart(from);
  });

  describe('with Meta standing in', () => {
    let graph: GraphSimulator;
    beforeEach(async () => {
      graph = await startGraphSimulator({ accessToken: 'stop-test-token', hangMs: 120_000 });
    });
    afterEach(async () => {
      await graph.close();
    });

    it('while a Graph API send hangs, and the reply is sent after the restart', async () => {
      const env = {
        ...whatsappEnv,
        WHATSAPP_ACCESS_TOKEN: 'stop-test-token',
        WHATSAPP_API_URL: graph.apiUrl,
      };
      graph.setFailure({ failRate: 1, failWith: ['timeout'] });
      const api = await startApi({ store, env });
      const from = phone();
      expect(await postText(api, from, 'hi')).toBe(200);
      // The reply reached Meta, which holds the request open.
      await eventually(
        () => Promise.resolve(graph.failures.length),
        (n) => n > 0,
      );
      expect(graph.failures.length).toBeGreaterThan(0);

      await expectStopInTime(api);
      expect(graph.messages).toHaveLength(0);

      graph.setFailure({ failRate: 0 });
      const again = await startApi({ store, env });
      try {
        const to = from.replace('+', '');
        const sent = await eventually(
          () => Promise.resolve(graph.messages.filter((m) => m.to === to).length),
          (n) => n > 0,
        );
        expect(sent).toBe(1);
      } finally {
        await expectStopInTime(again);
      }
    });
  });

  it(
    'while the scheduler records a backlog of recurring expenses, recording none twice',
    {
      timeout: 240_000,
    },
    async () => {
      const rules = 400;
      const days = 4;
      const seeded = await store.open();
      await seeded.migrate();
      const user = await seeded.prisma.user.create({
        data: { email: 'rules@example.com', displayName: 'Rules', timeZone: 'UTC' },
      });
      const since = new Date(Date.now() - days * DAY);
      await seeded.prisma.recurringExpense.createMany({
        data: Array.from({ length: rules }, (_, i) => ({
          userId: user.id,
          amountMinor: BigInt(100 + i),
          currency: 'INR',
          frequency: 'DAILY' as const,
          startsOn: since,
          nextRunAt: since,
        })),
      });
      await seeded.close();
      const recorded = async () => {
        const db = await store.open();
        try {
          const [counts] = await db.prisma.$queryRaw<{ all: bigint; distinct: bigint }[]>`
          SELECT count(*) AS all,
                 count(DISTINCT (recurring_expense_id, occurred_at)) AS distinct
            FROM expenses WHERE recurring_expense_id IS NOT NULL`;
          return { all: Number(counts?.all), distinct: Number(counts?.distinct) };
        } finally {
          await db.close();
        }
      };

      // The scheduler's first round starts as the channel is ready, and is under way here.
      const api = await startApi({ store, env: whatsappEnv, until: /whatsapp channel ready/ });
      const from = phone();
      const acknowledged = await eventually(
        () => postText(api, from, '30 chai').catch(() => 0),
        (status) => status === 200,
      );
      expect(acknowledged).toBe(200);
      await expectStopInTime(api);
      const partial = await recorded();
      expect(partial.all).toBe(partial.distinct);
      expect(partial.all).toBeLessThan(rules * (days + 1));

      const again = await startApi({ store, env: whatsappEnv });
      await eventually(
        () => Promise.resolve(/"job":"recurring".*"scheduled work done"/.test(again.output())),
        Boolean,
        120_000,
      );
      expect(await sandboxReplies(again, from)).toBeGreaterThan(0);
      await expectStopInTime(again);
      const all = await recorded();
      expect(all.all).toBe(all.distinct);
      // Each day's run is at the recurring hour: before it today's is not due yet.
      const due = Array.from({ length: days + 1 }, (_, i) => new Date(since.getTime() + i * DAY))
        .map((day) => runAt(localDateOf(day, 'UTC'), 'UTC'))
        .filter((at) => at.getTime() <= Date.now()).length;
      expect(all.all).toBeGreaterThanOrEqual(rules * due);
    },
  );

  it('while a burst of webhooks is processed, and every acknowledged message is handled once', async () => {
    const api = await startApi({ store, env: { ...whatsappEnv, LOG_LEVEL: 'warn' } });
    const phones = Array.from({ length: 120 }, phone);
    const statuses = await Promise.all(
      phones.map((from, i) => postText(api, from, `${i + 1} tea`)),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    await expectStopInTime(api);

    // The sweep at start handles what was left before the api answers its health check.
    const again = await startApi({ store, env: { ...whatsappEnv, LOG_LEVEL: 'warn' } });
    await expectStopInTime(again);
    await expectEachAnsweredOnce(phones.length);
  });

  for (const reader of ['closed', 'stopped reading'] as const) {
    it(`after stdout's reader has ${reader}`, async () => {
      const api = await startApi({ store, env: whatsappEnv, stdout: 'unread' });
      const stdout = api.child.stdout!;
      if (reader === 'closed') stdout.destroy();
      else stdout.pause();
      const from = phone();
      expect(await postText(api, from, '45 snacks')).toBe(200);
      // Enough log lines to fill a pipe nobody empties (a request line each).
      const long = 'x'.repeat(400);
      for (let round = 0; round < 30; round++) {
        await Promise.all(
          Array.from({ length: 20 }, () =>
            fetch(`${api.url}/healthz?${long}`).then((res) => res.arrayBuffer()),
          ),
        );
      }
      await expectStopInTime(api);
      await expectAnsweredAfterRestart(from);
    });
  }
});

describe('kill -9 of the api mid-burst', () => {
  it('loses and doubles nothing: every acknowledged message is handled once after the restart', async () => {
    const env = { ...whatsappEnv, LOG_LEVEL: 'warn' };
    const api = await startApi({ store, env });
    const phones = Array.from({ length: 150 }, phone);
    const statuses = await Promise.all(
      phones.map((from, i) => postText(api, from, `${i + 1} tea`)),
    );
    expect(statuses.every((status) => status === 200)).toBe(true);
    // Killed as the first replies go out, while most of the burst still waits.
    const replies = async () =>
      ((await (await fetch(`${api.url}/whatsapp/sandbox/messages`)).json()) as unknown[]).length;
    for (const until = Date.now() + 60_000; (await replies()) === 0 && Date.now() < until;)
      await new Promise((resolve) => setTimeout(resolve, 10));
    api.child.kill('SIGKILL');
    expect((await api.exited).signal).toBe('SIGKILL');

    // The embedded database recovers at this start; the sweep handles what was left.
    const again = await startApi({ store, env });
    await expectStopInTime(again);
    await expectEachAnsweredOnce(phones.length);
  });
});
