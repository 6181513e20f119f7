import { once } from 'node:events';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { loadConfig } from '@spendline/config';
import type { Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createLogger } from '@spendline/log';
import { textMessage } from '@spendline/whatsapp';
import { enqueueOutbound } from '@spendline/whatsapp/store';
import {
  signedWebhookRequest,
  startGraphSimulator,
  type GraphSimulator,
} from '@spendline/whatsapp/simulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiServer } from '../server.ts';
import { startWhatsAppChannel, type WhatsAppChannel } from '../whatsapp/channel.ts';
import { until } from '../whatsapp/test-chat.ts';
import { isLoopback } from './access.ts';
import { createApiMetrics, type ApiMetrics } from './metrics.ts';

const appSecret = 'test-app-secret';
const phoneNumberId = '1234567890';
const token = 'metrics-token-0123456789-abcdefghij';
const logger = createLogger({ level: 'silent' });

let db: Database;
let simulator: GraphSimulator;
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  db = await createTestDatabase();
  simulator = await startGraphSimulator({ accessToken: 'test-token' });
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await simulator.close();
  await db.close();
});

interface Api {
  port: number;
  metrics: ApiMetrics;
  channel: WhatsAppChannel;
}

/**
 * An api with the real WhatsApp channel (the bot answers, the dispatcher sends to the
 * simulator) and its own metrics, listening on `host`.
 */
async function api({
  metricsToken,
  host = '127.0.0.1',
}: { metricsToken?: string; host?: string } = {}): Promise<Api> {
  const config = loadConfig({
    env: {
      WEBHOOK_SECRET: appSecret,
      WHATSAPP_ACCESS_TOKEN: 'test-token',
      WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
      WHATSAPP_API_URL: simulator.apiUrl,
      ALLOWED_HOSTS: 'spendline.example.com',
    },
    envFile: undefined,
  });
  const metrics = createApiMetrics({ db: db.sql, logger });
  const channel = await startWhatsAppChannel({
    db: db.sql,
    config,
    logger,
    dispatchIntervalMs: 50,
    metrics,
  });
  closers.push(() => channel.stop());
  const server: Server = createApiServer({
    db,
    logger,
    allowedHosts: config.ALLOWED_HOSTS,
    whatsapp: { channel, appSecret, verifyToken: undefined },
    metrics,
    metricsToken,
  });
  server.listen(0, host);
  await once(server, 'listening');
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { port: (server.address() as AddressInfo).port, metrics, channel };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with the headers given (Host included), to `address`. */
function request(
  port: number,
  path: string,
  {
    method = 'GET',
    headers = {},
    body,
    address = '127.0.0.1',
  }: {
    method?: string;
    headers?: Record<string, string>;
    body?: Buffer;
    address?: string;
  } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: address, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function scrape(port: number): Promise<string> {
  const answer = await request(port, '/metrics');
  expect(answer.status).toBe(200);
  return answer.body;
}

/** The value of one sample, e.g. `spendline_x_total{outcome="accepted"}`; undefined if absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const webhook = (port: number, signed: { body: Buffer; headers: Record<string, string> }) =>
  request(port, '/whatsapp/webhook/', { method: 'POST', ...signed });

const message = (text: string, wamid: string, secret = appSecret) =>
  signedWebhookRequest({ appSecret: secret, phoneNumberId, from: '919812345678', text, wamid });

describe('GET /metrics', () => {
  it("answers loopback in Prometheus' text format with Spendline's and the process's metrics", async () => {
    const { port } = await api();
    const answer = await request(port, '/metrics');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(answer.headers['cache-control']).toBe('no-store');
    const text = answer.body;
    // Every line is a comment (HELP, TYPE) or a sample: name, optional labels, value.
    const lines = text.split('\n').filter(Boolean);
    for (const line of lines) {
      expect(line).toMatch(
        /^(# (HELP|TYPE) [a-zA-Z_:][\w:]* .+|[a-zA-Z_:][\w:]*(\{(\w+="[^"]*",?)*\})? -?[\d.e+-]+|[a-zA-Z_:][\w:]*(\{.*\})? (NaN|[+-]Inf))$/i,
      );
    }
    for (const [name, type] of [
      ['spendline_whatsapp_webhook_requests_total', 'counter'],
      ['spendline_whatsapp_processing_seconds', 'histogram'],
      ['spendline_whatsapp_processing_batch_messages', 'histogram'],
      ['spendline_whatsapp_outbound_sends_total', 'counter'],
      ['spendline_whatsapp_queued_messages', 'gauge'],
      ['spendline_scheduler_runs_total', 'counter'],
      ['process_cpu_user_seconds_total', 'counter'],
      ['nodejs_eventloop_lag_seconds', 'gauge'],
    ]) {
      expect(text).toContain(`# TYPE ${name} ${type}\n`);
    }
    expect(sample(text, 'spendline_whatsapp_webhook_requests_total{outcome="accepted"}')).toBe(0);
    expect(
      sample(text, 'spendline_whatsapp_queued_messages{direction="inbound",status="received"}'),
    ).toBe(0);
  });

  it('counts webhooks by outcome, processing time, batches and sends with their Meta error code', async () => {
    const { port, channel } = await api();
    const other = await api();
    // The bot answers an unknown number with how to link it.
    expect((await webhook(port, message('120 petrol', 'wamid.M1'))).status).toBe(200);
    expect((await webhook(port, message('hi', 'wamid.M2', 'someone-else'))).status).toBe(401);
    await until(() => simulator.messages.length === 1, 'the reply');
    // Meta refuses the next send with its pair rate limit: tried again later.
    simulator.failNext('131056');
    await enqueueOutbound(db.sql, textMessage('919800000001', 'a notice'));
    channel.dispatcher.kick();
    await until(() => simulator.failures.length === 1, 'the refused send');
    await until(async () => {
      const row = await db.prisma.outboundMessage.findFirst({
        where: { lastError: { not: null } },
      });
      return row !== null;
    }, 'the retry recorded');

    const text = await scrape(port);
    const requests = (outcome: string) =>
      sample(text, `spendline_whatsapp_webhook_requests_total{outcome="${outcome}"}`);
    expect(requests('accepted')).toBe(1);
    expect(requests('bad_signature')).toBe(1);
    expect(requests('bad_json')).toBe(0);
    expect(sample(text, 'spendline_whatsapp_processing_seconds_count')).toBe(1);
    expect(sample(text, 'spendline_whatsapp_processing_seconds_sum')).toBeGreaterThan(0);
    expect(sample(text, 'spendline_whatsapp_processing_seconds_bucket{le="+Inf"}')).toBe(1);
    expect(sample(text, 'spendline_whatsapp_processing_batch_messages_bucket{le="1"}')).toBe(1);
    // Both apis' dispatchers watch the one outbox, so either may have sent the notice.
    const otherText = await scrape(other.port);
    const sends = (result: string, code: string) =>
      [text, otherText]
        .map((t) =>
          sample(t, `spendline_whatsapp_outbound_sends_total{result="${result}",code="${code}"}`),
        )
        .reduce((sum: number, n) => sum + (n ?? 0), 0);
    expect(sends('retry', '131056')).toBe(1);
    expect(sends('sent', 'none')).toBe(1);
    expect(sends('failed', 'none')).toBe(0);
    // Another api in the same process keeps its own counts.
    expect(sample(otherText, 'spendline_whatsapp_webhook_requests_total{outcome="accepted"}')).toBe(
      0,
    );
  });

  it('reads queue depths from the database at each scrape', async () => {
    const { port } = await api();
    const conversation = await db.prisma.conversation.create({ data: { waKey: '919800000001' } });
    await db.prisma.inboundMessage.createMany({
      data: ['wamid.Q1', 'wamid.Q2'].map((waMessageId) => ({
        waMessageId,
        conversationId: conversation.id,
        phoneNumberId,
        type: 'text',
        payload: {},
        sentAt: new Date(),
      })),
    });
    // Queued for later and sent already: only the first waits.
    const later = new Date(Date.now() + 3_600_000);
    await db.prisma.outboundMessage.createMany({
      data: [
        { recipient: '+919800000001', type: 'text', payload: {}, nextAttemptAt: later },
        { recipient: '+919800000002', type: 'text', payload: {}, status: 'SENT' },
      ],
    });
    const text = await scrape(port);
    const queued = (direction: string, status: string) =>
      sample(
        text,
        `spendline_whatsapp_queued_messages{direction="${direction}",status="${status}"}`,
      );
    expect(queued('inbound', 'received')).toBe(2);
    expect(queued('outbound', 'pending')).toBe(1);
    expect(queued('outbound', 'sending')).toBe(0);
  });

  it('labels only known Meta error codes, and counts scheduler rounds by job and outcome', async () => {
    const { port, metrics } = await api();
    metrics.send({ result: 'failed', code: 131026 });
    metrics.send({ result: 'failed', code: 424242 });
    const at = new Date('2026-12-01T08:00:00Z');
    const run = { job: 'digests', startedAt: at, finishedAt: at, done: 3, failed: 0 };
    metrics.schedulerRun(run);
    metrics.schedulerRun({ ...run, failed: 1 });
    metrics.schedulerRun({ ...run, job: 'recurring', error: 'database went away' });
    const text = await scrape(port);
    expect(text).toContain(
      'spendline_whatsapp_outbound_sends_total{result="failed",code="131026"} 1',
    );
    expect(text).toContain(
      'spendline_whatsapp_outbound_sends_total{result="failed",code="other"} 1',
    );
    expect(text).not.toContain('424242');
    expect(sample(text, 'spendline_scheduler_runs_total{job="digests",outcome="ok"}')).toBe(1);
    expect(
      sample(text, 'spendline_scheduler_runs_total{job="digests",outcome="some_failed"}'),
    ).toBe(1);
    expect(sample(text, 'spendline_scheduler_runs_total{job="recurring",outcome="error"}')).toBe(1);
    expect(sample(text, 'spendline_scheduler_last_run_timestamp_seconds{job="digests"}')).toBe(
      at.getTime() / 1000,
    );
  });
});

describe('who may read /metrics', () => {
  it('refuses a proxied request without the token as if there were no such page', async () => {
    const { port } = await api({ metricsToken: token });
    const proxied: Record<string, string>[] = [
      { 'x-forwarded-for': '203.0.113.9' },
      { forwarded: 'for=203.0.113.9' },
      { 'x-real-ip': '203.0.113.9' },
      { 'x-forwarded-host': 'spendline.example.com' },
    ];
    for (const headers of proxied) {
      const answer = await request(port, '/metrics', { headers });
      expect(answer.status, JSON.stringify(headers)).toBe(404);
      expect(answer.body).toBe('{"error":"not_found"}');
    }
    // Any method: a 405 would tell the page is there.
    const post = await request(port, '/metrics', {
      method: 'POST',
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(post.status).toBe(404);
  });

  it('serves anyone with the token, by address too, and answers a wrong one 401', async () => {
    const { port } = await api({ metricsToken: token });
    const withToken = await request(port, '/metrics', {
      headers: {
        'x-forwarded-for': '203.0.113.9',
        authorization: `Bearer ${token}`,
        host: '10.1.2.3:4000',
      },
    });
    expect(withToken.status).toBe(200);
    expect(withToken.body).toContain('spendline_whatsapp_webhook_requests_total');
    for (const authorization of [`Bearer ${token}x`, 'Bearer nope', `Basic ${token}`, 'Bearer']) {
      const wrong = await request(port, '/metrics', {
        headers: { 'x-forwarded-for': '203.0.113.9', authorization },
      });
      expect(wrong.status, authorization).toBe(401);
      expect(wrong.headers['www-authenticate']).toBe('Bearer');
      expect(wrong.body).not.toContain('spendline_');
    }
    // Loopback without the token still has to name an allowed host.
    expect((await request(port, '/metrics', { headers: { host: 'evil.example' } })).status).toBe(
      400,
    );
  });

  it('without METRICS_TOKEN, takes no token at all', async () => {
    const { port } = await api();
    const answer = await request(port, '/metrics', { headers: { authorization: 'Bearer x' } });
    expect(answer.status).toBe(404);
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && !address.internal && address.family === 'IPv4')?.address;

  it.skipIf(external === undefined)(
    "judges the socket's address: a client on another interface needs the token",
    async () => {
      const address = external ?? '';
      const { port } = await api({ metricsToken: token, host: '0.0.0.0' });
      const host = 'spendline.example.com';
      expect((await request(port, '/metrics', { address, headers: { host } })).status).toBe(404);
      const withToken = await request(port, '/metrics', {
        address,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(withToken.status).toBe(200);
      expect((await request(port, '/metrics')).status).toBe(200);
    },
  );

  it('knows loopback addresses from others', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopback(address), address).toBe(true);
    }
    for (const address of ['192.0.2.2', '::ffff:192.0.2.2', 'fd00::1', '::', undefined]) {
      expect(isLoopback(address), String(address)).toBe(false);
    }
  });
});
