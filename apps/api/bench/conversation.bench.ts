// npm run bench (apps/api): end-to-end latency of the conversation, from the moment a
// signed webhook is posted to the moment the bot's reply reaches the Graph simulator,
// at a steady rate across many linked numbers. Everything real in between: webhook,
// inbox, XState bot, ledger queries, outbox, dispatcher over HTTP. Meta's side (sender
// and simulator) runs on a worker thread, as it is not in the api's process in
// production; "api loop busy" is how much of the time the api's event loop worked.
// Uses DATABASE_URL (PostgreSQL) when set, the embedded PGlite otherwise (not the
// production figures).
import { on, once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { loadConfig } from '@spendline/config';
import { createDefaultCategories } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createLogger } from '@spendline/log';
import { createApiServer } from '../src/server.ts';
import { startWhatsAppChannel } from '../src/whatsapp/channel.ts';
import type {
  MetaSideCommand,
  MetaSideReport,
  MetaSideSettings,
  PhaseResult,
} from './meta-side.ts';

const onPostgres = Boolean(process.env.DATABASE_URL);
const RATE = Number(process.env.BENCH_RATE ?? (onPostgres ? 200 : 50));
const NUMBERS = Number(process.env.BENCH_NUMBERS ?? (onPostgres ? 1000 : 100));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARM_UP = 200;
const secret = 'bench-app-secret';
const phoneNumberId = '100000000000009';

const db = await createTestDatabase();
const logger = createLogger({ level: 'silent' });
const numbers = Array.from({ length: NUMBERS }, (_, i) => `9170${String(i).padStart(8, '0')}`);

process.stdout.write(`Seeding ${NUMBERS} linked users on ${db.engine}... `);
for (const [i, number] of numbers.entries()) {
  const user = await db.prisma.user.create({
    data: { email: `bench${i}@example.com`, displayName: `Bench ${i}` },
  });
  await createDefaultCategories(db.prisma, user.id);
  await db.prisma.whatsAppLink.create({
    data: { userId: user.id, phoneNumber: `+${number}`, verifiedAt: new Date() },
  });
}
console.log('done');

// Meta's side (the simulator and the sender) runs on a thread of its own; see meta-side.ts.
const meta = new Worker(new URL('./meta-side.ts', import.meta.url), {
  workerData: {
    numbers,
    rate: RATE,
    seconds: SECONDS,
    warmUp: WARM_UP,
    appSecret: secret,
    phoneNumberId,
    accessToken: 'bench-token',
  } satisfies MetaSideSettings,
});
const reports = on(meta, 'message') as AsyncIterator<[MetaSideReport], undefined>;
async function nextReport(): Promise<MetaSideReport> {
  const next = await reports.next();
  if (next.done === true) throw new Error('the Meta side stopped');
  return next.value[0];
}
const first = await nextReport();
if (!('apiUrl' in first)) throw new Error('the Meta side did not start its simulator');
const simulatorUrl = first.apiUrl;

/**
 * The main thread's nanoseconds on a CPU and runnable but waiting for one (Linux
 * schedstat), or null elsewhere. "Busy" counts both: on two cores shared with
 * PostgreSQL and the Meta side, the second part is the machine's, not the api's work.
 */
function scheduled(): [onCpu: number, waiting: number] | null {
  try {
    const [onCpu, waiting] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8')
      .split(' ')
      .map(Number);
    return [onCpu!, waiting!];
  } catch {
    return null;
  }
}

type Measured = PhaseResult & { busy: number; onCpu?: number; waiting?: number };

/** One phase at webhookUrl, with how busy this (the api's) event loop was meanwhile. */
async function phase(webhookUrl: string, offset: number): Promise<Measured> {
  const before = performance.eventLoopUtilization();
  const started = performance.now();
  const scheduledBefore = scheduled();
  meta.postMessage({ phase: { webhookUrl, offset } } satisfies MetaSideCommand);
  const report = await nextReport();
  if (!('result' in report)) throw new Error('the Meta side answered out of turn');
  const busy = performance.eventLoopUtilization(before).utilization;
  const scheduledAfter = scheduled();
  if (!scheduledBefore || !scheduledAfter) return { ...report.result, busy };
  const wallNs = (performance.now() - started) * 1e6;
  return {
    ...report.result,
    busy,
    onCpu: (scheduledAfter[0] - scheduledBefore[0]) / wallNs,
    waiting: (scheduledAfter[1] - scheduledBefore[1]) / wallNs,
  };
}

/**
 * The floor: a server that acknowledges each webhook and at once posts a fixed reply to
 * the simulator, with no database and no bot. It shows what this machine's HTTP on both
 * sides costs at the offered rate, so the pipeline's own share can be told apart.
 */
function startBareReplier(): Server {
  const replyUrl = `${simulatorUrl}/${phoneNumberId}/messages`;
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(200).end();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        entry: { changes: { value: { messages?: { from: string }[] } }[] }[];
      };
      for (const message of body.entry.flatMap((e) =>
        e.changes.flatMap((c) => c.value.messages ?? []),
      )) {
        void fetch(replyUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer bench-token' },
          body: JSON.stringify({
            messaging_product: 'whatsapp',
            recipient_type: 'individual',
            to: message.from,
            type: 'text',
            text: { body: 'ok' },
          }),
        }).then((r) => r.arrayBuffer());
      }
    });
  });
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/whatsapp/webhook/`;
}

const bare = startBareReplier();
const bareResult = await phase(await listen(bare), 0);
await new Promise((resolve) => bare.close(resolve));

const config = loadConfig({
  env: {
    WEBHOOK_SECRET: secret,
    WHATSAPP_ACCESS_TOKEN: 'bench-token',
    WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
    WHATSAPP_API_URL: simulatorUrl,
    // Meta's top tier: the default 80/s would pace replies below the offered 200/s.
    WHATSAPP_MESSAGES_PER_SECOND: '1000',
  },
  envFile: undefined,
});
const channel = await startWhatsAppChannel({ db: db.sql, config, logger });
const api = createApiServer({
  db,
  logger,
  whatsapp: { channel, appSecret: secret, verifyToken: undefined },
});
const apiResult = await phase(await listen(api), RATE * SECONDS + WARM_UP);

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const percent = (share: number | undefined) =>
  share === undefined ? 'n/a' : `${(share * 100).toFixed(0)}%`;
const row = ({ latencies: l, failures, count, elapsed, busy, onCpu, waiting }: Measured) => ({
  'p50 ms': quantile(l, 0.5).toFixed(1),
  'p90 ms': quantile(l, 0.9).toFixed(1),
  'p99 ms': quantile(l, 0.99).toFixed(1),
  'max ms': quantile(l, 1).toFixed(1),
  replies: `${l.length}/${count}`,
  'non-200': failures,
  'achieved msgs/s': (count / elapsed).toFixed(0),
  'api loop busy': percent(busy),
  'main thread on cpu': percent(onCpu),
  'waiting for a cpu': percent(waiting),
});
console.log(
  `\nConversation end to end: ${RATE * SECONDS} messages at ${RATE}/s from ${NUMBERS} numbers, engine ${db.engine}`,
);
console.table({
  'floor: ack + fixed reply, no db': row(bareResult),
  'spendline: webhook -> bot -> reply': row(apiResult),
});
const p50 = quantile(apiResult.latencies, 0.5);
const p99 = quantile(apiResult.latencies, 0.99);
const pass =
  p50 < 20 && p99 < 100 && apiResult.latencies.length === apiResult.count && !apiResult.failures;
console.log(`target p50 < 20 ms and p99 < 100 ms: ${pass ? 'PASS' : 'MISS'}`);

await channel.stop();
await new Promise((resolve) => api.close(resolve));
meta.postMessage({ close: true } satisfies MetaSideCommand);
await nextReport();
await db.close();
process.exit(0);
