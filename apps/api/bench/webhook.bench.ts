// npm run bench (apps/api): signed webhooks at the api, acknowledged messages per
// second and ack latency, side by side with a bare Node server that only answers 200,
// in the same run on the same machine. Uses DATABASE_URL (PostgreSQL) when set, the
// embedded PGlite otherwise (then the figures are not the production ones).
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadConfig } from '@spendline/config';
import { createTestDatabase } from '@spendline/db/testing';
import { createLogger } from '@spendline/log';
import { createApiServer } from '../src/server.ts';
import { startWhatsAppChannel } from '../src/whatsapp/channel.ts';

// PGlite serves one connection: fewer messages keep the embedded run short.
const COUNT = Number(process.env.BENCH_MESSAGES ?? (process.env.DATABASE_URL ? 4000 : 1000));
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUNDS = 3;
const secret = 'bench-app-secret';
const load = fileURLToPath(new URL('./load.ts', import.meta.url));
const run = promisify(execFile);

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/whatsapp/webhook/`;
}

interface Round {
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
  /** From the first request until every message of the round was processed (api only). */
  processedPerSecond?: number;
}

async function drive(url: string): Promise<Round> {
  const started = performance.now();
  const round = await fire(url);
  if (url !== apiUrl) return round;
  // The next round starts on an empty inbox, so rounds compare and bare runs alone.
  while ((await db.prisma.inboundMessage.count({ where: { status: 'RECEIVED' } })) > 0) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { ...round, processedPerSecond: COUNT / ((performance.now() - started) / 1000) };
}

async function fire(url: string): Promise<Round> {
  const { stdout } = await run(
    process.execPath,
    [load, url, String(COUNT), String(CONCURRENCY), secret],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const { latencies, seconds, failures } = JSON.parse(stdout) as {
    latencies: number[];
    seconds: number;
    failures: number;
  };
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), failures };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function summarise(rounds: Round[]) {
  return {
    perSecond: median(rounds.map((r) => r.perSecond)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    failures: rounds.reduce((n, r) => n + r.failures, 0),
    processedPerSecond: median(rounds.map((r) => r.processedPerSecond ?? NaN)),
  };
}

// The baseline: reads the body and answers 200, nothing else.
const bare = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"received":1}');
  });
});
const bareUrl = await listen(bare);
let apiUrl = '';

const db = await createTestDatabase();
const logger = createLogger({ level: 'silent' });
const config = loadConfig({ env: { WEBHOOK_SECRET: secret }, envFile: undefined });
const channel = await startWhatsAppChannel({ prisma: db.prisma, config, logger });
const api = createApiServer({
  db,
  logger,
  whatsapp: { channel, appSecret: secret, verifyToken: undefined },
});
apiUrl = await listen(api);

// Warm both up, then alternate rounds so drift hits both alike.
await drive(bareUrl);
await drive(apiUrl);
const bareRounds: Round[] = [];
const apiRounds: Round[] = [];
for (let i = 0; i < ROUNDS; i++) {
  bareRounds.push(await drive(bareUrl));
  apiRounds.push(await drive(apiUrl));
}
const b = summarise(bareRounds);
const a = summarise(apiRounds);
const stored = await db.prisma.inboundMessage.count();

const fmt = (n: number) => n.toFixed(n >= 100 ? 0 : 2);
console.log(
  `\nWebhook acknowledgements: ${COUNT} signed messages x ${ROUNDS} rounds (+1 warm-up), ${CONCURRENCY} in flight, engine ${db.engine}`,
);
// The channel's own handler, as main.ts runs it: the conversation bot answering 500
// numbers that are not linked to an account, in sandbox mode (no Graph API calls).
console.log('handler: the channel default (conversation bot), senders not linked, sandbox');
console.table({
  'bare node:http (200 only)': {
    'msgs/s (median)': fmt(b.perSecond),
    'p50 ms': fmt(b.p50),
    'p99 ms': fmt(b.p99),
    'non-200': b.failures,
  },
  'spendline api (verify + store)': {
    'msgs/s (median)': fmt(a.perSecond),
    'p50 ms': fmt(a.p50),
    'p99 ms': fmt(a.p99),
    'non-200': a.failures,
  },
});
console.log(
  `api / bare throughput: ${(a.perSecond / b.perSecond).toFixed(2)}; messages stored: ${stored} (expected ${COUNT * (ROUNDS + 1)})`,
);
// Processing yields to acknowledging during a burst and catches up after it.
console.log(
  `processed by the bot: ${fmt(a.processedPerSecond)} msgs/s (median, first request to last message processed)`,
);
const pass = a.perSecond >= 1000 && a.p99 < 50 && a.failures === 0;
console.log(`target >= 1,000 msgs/s with p99 < 50 ms: ${pass ? 'PASS' : 'MISS'}`);

await channel.stop();
await new Promise((resolve) => api.close(resolve));
await new Promise((resolve) => bare.close(resolve));
await db.close();
process.exit(0);
