// npm run bench (apps/api): end-to-end latency of the conversation, from the moment a
// signed webhook is posted to the moment the bot's reply reaches the Graph simulator,
// at a steady rate across many linked numbers. Everything real in between: webhook,
// inbox, XState bot, ledger queries, outbox, dispatcher over HTTP. Uses DATABASE_URL
// (PostgreSQL) when set, the embedded PGlite otherwise (not the production figures).
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '@spendline/config';
import { createDefaultCategories } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createLogger } from '@spendline/log';
import { signedWebhookRequest, startGraphSimulator } from '@spendline/whatsapp/simulator';
import { createApiServer } from '../src/server.ts';
import { startWhatsAppChannel } from '../src/whatsapp/channel.ts';
import { createWebhookSender } from './webhook-sender.ts';

const onPostgres = Boolean(process.env.DATABASE_URL);
const RATE = Number(process.env.BENCH_RATE ?? (onPostgres ? 200 : 50));
const NUMBERS = Number(process.env.BENCH_NUMBERS ?? (onPostgres ? 1000 : 100));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARM_UP = 200;
const secret = 'bench-app-secret';
const phoneNumberId = '100000000000009';

// What people send: mostly expenses, some statements; amounts vary so no message
// looks like a duplicate of the one before it and asks a question instead.
const MESSAGES = [
  (n: number) => `${100 + (n % 400)} petrol`,
  (n: number) => `spent ${50 + (n % 300)} on lunch`,
  (n: number) => `${20 + (n % 90)} chai, ${30 + (n % 50)} auto`,
  (n: number) => `coffee ${40 + (n % 60)}`,
  (n: number) => `rs ${200 + (n % 900)} groceries`,
  () => 'today',
  () => 'week',
  () => 'summary',
];

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

// Send times per recipient, oldest first: each message gets exactly one reply, in order.
const waiting = new Map<string, number[]>();
let latencies: number[] = [];
let measuring = false;
let replied = 0;
const simulator = await startGraphSimulator({
  accessToken: 'bench-token',
  onMessage: (message) => {
    replied += 1;
    const sentAt = waiting.get(message.to ?? '')?.shift();
    if (sentAt !== undefined && measuring) latencies.push(performance.now() - sentAt);
  },
});

/**
 * The floor: a server that acknowledges each webhook and at once posts a fixed reply to
 * the simulator, with no database and no bot. It shows what this machine's HTTP on both
 * sides costs at the offered rate, so the pipeline's own share can be told apart.
 */
function startBareReplier(): Server {
  const replyUrl = `${simulator.apiUrl}/${phoneNumberId}/messages`;
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

interface Phase {
  latencies: number[];
  failures: number;
  count: number;
  elapsed: number;
}

/** A warm-up, then RATE messages a second for SECONDS, all at webhookUrl. */
async function phase(webhookUrl: string, offset: number): Promise<Phase> {
  let failures = 0;
  const sender = createWebhookSender(webhookUrl, 64);
  async function post(from: string, text: string, due: number): Promise<void> {
    const request = signedWebhookRequest({ appSecret: secret, phoneNumberId, from, text });
    const queue = waiting.get(from) ?? [];
    waiting.set(from, queue);
    // From when it was due, not when this busy event loop got round to it: a stalled
    // process shows in the figures instead of quietly lowering the offered rate.
    queue.push(due);
    if ((await sender.post(request)) !== 200) failures += 1;
  }
  /** Posts `count` messages at RATE per second, each from the next number in turn. */
  async function drive(count: number, from: number): Promise<void> {
    const start = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const due = start + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const n = from + i;
      inFlight.push(post(numbers[n % numbers.length]!, MESSAGES[n % MESSAGES.length]!(n), due));
    }
    await Promise.all(inFlight);
  }
  async function settle(expected: number): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (replied < expected && Date.now() < deadline) await sleep(20);
  }
  const base = replied;
  await drive(WARM_UP, offset);
  await settle(base + WARM_UP);
  latencies = [];
  measuring = true;
  const count = RATE * SECONDS;
  const started = performance.now();
  await drive(count, offset + WARM_UP);
  await settle(base + WARM_UP + count);
  measuring = false;
  await sender.close();
  return { latencies, failures, count, elapsed: (performance.now() - started) / 1000 };
}

const bare = startBareReplier();
const bareResult = await phase(await listen(bare), 0);
await new Promise((resolve) => bare.close(resolve));
waiting.clear();

const config = loadConfig({
  env: {
    WEBHOOK_SECRET: secret,
    WHATSAPP_ACCESS_TOKEN: 'bench-token',
    WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
    WHATSAPP_API_URL: simulator.apiUrl,
    // Meta's top tier: the default 80/s would pace replies below the offered 200/s.
    WHATSAPP_MESSAGES_PER_SECOND: '1000',
  },
  envFile: undefined,
});
const channel = await startWhatsAppChannel({ prisma: db.prisma, config, logger });
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
const row = ({ latencies: l, failures, count, elapsed }: Phase) => ({
  'p50 ms': quantile(l, 0.5).toFixed(1),
  'p90 ms': quantile(l, 0.9).toFixed(1),
  'p99 ms': quantile(l, 0.99).toFixed(1),
  'max ms': quantile(l, 1).toFixed(1),
  replies: `${l.length}/${count}`,
  'non-200': failures,
  'achieved msgs/s': (count / elapsed).toFixed(0),
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
await simulator.close();
await db.close();
process.exit(0);
