// npm run bench (apps/api): end-to-end latency of the conversation, from the moment a
// signed webhook is posted to the moment the bot's reply reaches the Graph simulator,
// at a steady rate across many linked numbers. Everything real in between: webhook,
// inbox, XState bot, ledger queries, outbox, dispatcher over HTTP. Uses DATABASE_URL
// (PostgreSQL) when set, the embedded PGlite otherwise (not the production figures).
import { once } from 'node:events';
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
const latencies: number[] = [];
let measuring = false;
const simulator = await startGraphSimulator({
  accessToken: 'bench-token',
  onMessage: (message) => {
    const sentAt = waiting.get(message.to ?? '')?.shift();
    if (sentAt !== undefined && measuring) latencies.push(performance.now() - sentAt);
  },
});

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
api.listen(0, '127.0.0.1');
await once(api, 'listening');
const webhookUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/whatsapp/webhook/`;

let sent = 0;
let failures = 0;
async function post(from: string, text: string): Promise<void> {
  const request = signedWebhookRequest({ appSecret: secret, phoneNumberId, from, text });
  const queue = waiting.get(from) ?? [];
  waiting.set(from, queue);
  queue.push(performance.now());
  sent += 1;
  const res = await fetch(webhookUrl, {
    method: 'POST',
    headers: request.headers,
    body: new Uint8Array(request.body),
  });
  await res.arrayBuffer();
  if (res.status !== 200) failures += 1;
}

/** Posts `count` messages at `rate` per second, each from the next number in turn. */
async function drive(count: number, rate: number, offset: number): Promise<void> {
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const n = offset + i;
    inFlight.push(post(numbers[n % numbers.length]!, MESSAGES[n % MESSAGES.length]!(n)));
  }
  await Promise.all(inFlight);
}

const replied = () => simulator.messages.length;
async function settle(expected: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (replied() < expected && Date.now() < deadline) await sleep(20);
}

await drive(WARM_UP, RATE, 0);
await settle(WARM_UP);
measuring = true;
const count = RATE * SECONDS;
const started = performance.now();
await drive(count, RATE, WARM_UP);
await settle(WARM_UP + count);
const elapsed = (performance.now() - started) / 1000;

const sorted = latencies.sort((a, b) => a - b);
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const p50 = at(0.5);
const p99 = at(0.99);
console.log(
  `\nConversation end to end: ${count} messages at ${RATE}/s from ${NUMBERS} numbers, engine ${db.engine}`,
);
console.table({
  'webhook posted -> reply at simulator': {
    'p50 ms': p50.toFixed(1),
    'p90 ms': at(0.9).toFixed(1),
    'p99 ms': p99.toFixed(1),
    'max ms': (sorted.at(-1) ?? NaN).toFixed(1),
    replies: `${sorted.length}/${count}`,
    'non-200': failures,
    'achieved msgs/s': (count / elapsed).toFixed(0),
  },
});
const pass = p50 < 20 && p99 < 100 && sorted.length === count && failures === 0;
console.log(`target p50 < 20 ms and p99 < 100 ms: ${pass ? 'PASS' : 'MISS'} (sent ${sent})`);

await channel.stop();
await new Promise((resolve) => api.close(resolve));
await simulator.close();
await db.close();
process.exit(0);
