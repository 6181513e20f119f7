// npm run bench (apps/api): signed webhooks at the api (messages, then delivery
// statuses), acknowledged per second and ack latency, side by side with a bare Node
// server that only answers 200 and, for messages, with the least a handler storing them
// must do (store-floor.ts), in the same run on the same machine. Uses DATABASE_URL
// (PostgreSQL) when set, the embedded PGlite otherwise (then the figures are not the
// production ones).
import { createServer } from 'node:http';
import { loadConfig } from '@spendline/config';
import { sql } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createLogger } from '@spendline/log';
import { createApiServer } from '../src/server.ts';
import { startWhatsAppChannel } from '../src/whatsapp/channel.ts';
import { fire as fireLoad, listen, median, type Round } from './fire.ts';
import { createStoreFloor } from './store-floor.ts';

// PGlite serves one connection: fewer messages keep the embedded run short.
const COUNT = Number(process.env.BENCH_MESSAGES ?? (process.env.DATABASE_URL ? 4000 : 1000));
// Meta's top per-number tier, delivered at an even pace (open loop).
const RATE = Number(process.env.BENCH_RATE ?? 1000);
// The capacity rounds: as fast as the server answers, this many in flight.
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const ROUNDS = 3;
const secret = 'bench-app-secret';

async function drive(url: string, rate: number): Promise<Round> {
  const started = performance.now();
  const round = await fire(url, rate);
  if (url !== apiUrl) return round;
  // The next round starts on an empty inbox, so rounds compare and bare runs alone.
  while ((await db.prisma.inboundMessage.count({ where: { status: 'RECEIVED' } })) > 0) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { ...round, processedPerSecond: COUNT / ((performance.now() - started) / 1000) };
}

const fire = (url: string, rate: number) =>
  fireLoad(url, { count: COUNT, rate, concurrency: CONCURRENCY, secret });

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
const bareServer = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"received":1}');
  });
});
const bareUrl = await listen(bareServer);
let apiUrl = '';

const db = await createTestDatabase();
const logger = createLogger({ level: 'silent' });
const config = loadConfig({ env: { WEBHOOK_SECRET: secret }, envFile: undefined });
const channel = await startWhatsAppChannel({ db: db.sql, config, logger });
const apiServer = createApiServer({
  db,
  logger,
  whatsapp: { channel, appSecret: secret, verifyToken: undefined },
});
apiUrl = await listen(apiServer);
const floorServer = await createStoreFloor(db.sql, secret);
const floorUrl = await listen(floorServer);

// Warm them up, then alternate rounds so drift hits all alike.
await drive(bareUrl, RATE);
await drive(floorUrl, RATE);
await drive(apiUrl, RATE);
const rounds = {
  bare: { paced: [] as Round[], capacity: [] as Round[] },
  floor: { paced: [] as Round[], capacity: [] as Round[] },
  api: { paced: [] as Round[], capacity: [] as Round[] },
};
for (let i = 0; i < ROUNDS; i++) {
  for (const [name, url] of [
    ['bare', bareUrl],
    ['floor', floorUrl],
    ['api', apiUrl],
  ] as const) {
    rounds[name].paced.push(await drive(url, RATE));
    rounds[name].capacity.push(await drive(url, 0));
  }
}
const stored = await db.prisma.inboundMessage.count();

// Delivery statuses: Meta reports sent, delivered and read for every reply, so they are
// most of the webhooks a busy number gets. Capacity rounds against outbound messages
// seeded for each round (COUNT statuses, three per message).
async function statusRound(url: string, round: number): Promise<Round> {
  const prefix = `wamid.OUT.${round}.${url === apiUrl ? 'api' : 'bare'}.`;
  if (url === apiUrl) {
    // Held by a lease, as a message being sent is: a SENDING row whose lease ran out
    // belongs to a dead dispatcher, and the channel's own would claim and send it again
    // (under a new wamid, so its statuses would find nothing).
    await db.sql.execute(sql`
      INSERT INTO outbound_messages (id, recipient, type, payload, status, provider_message_id,
                                     next_attempt_at, updated_at)
      SELECT gen_random_uuid(), '919800000001', 'text', '{}'::jsonb, 'SENDING', ${prefix} || g,
             now() + interval '1 hour', now()
        FROM generate_series(0, ${Math.ceil(COUNT / 3) - 1}) AS g`);
  }
  return fireLoad(url, {
    count: COUNT,
    rate: 0,
    concurrency: CONCURRENCY,
    secret,
    kind: `statuses:${prefix}`,
  });
}
const statusRounds = { bare: [] as Round[], api: [] as Round[] };
for (let i = 0; i <= ROUNDS; i++) {
  const bareRound = await statusRound(bareUrl, i);
  const apiRound = await statusRound(apiUrl, i);
  // The first pair warms up.
  if (i === 0) continue;
  statusRounds.bare.push(bareRound);
  statusRounds.api.push(apiRound);
}
const read = await db.prisma.outboundMessage.count({ where: { status: 'READ' } });

const fmt = (n: number) => n.toFixed(n >= 100 ? 0 : 2);
console.log(
  `\nWebhook acknowledgements: ${COUNT} signed messages per round, engine ${db.engine}; ` +
    `${ROUNDS} rounds each (+1 warm-up), medians of the rounds`,
);
// The channel's own handler, as main.ts runs it: the conversation bot answering 500
// numbers that are not linked to an account, in sandbox mode (no Graph API calls).
console.log('handler: the channel default (conversation bot), senders not linked, sandbox');
console.log(
  `paced: ${RATE} msgs/s offered at an even pace, latency from when each was due; ` +
    `capacity: ${CONCURRENCY} in flight, as fast as answered`,
);
const row = (r: { paced: Round[]; capacity: Round[] }) => {
  const paced = summarise(r.paced);
  const capacity = summarise(r.capacity);
  return {
    paced,
    capacity,
    cells: {
      'paced msgs/s': fmt(paced.perSecond),
      'paced p50 ms': fmt(paced.p50),
      'paced p99 ms': fmt(paced.p99),
      'capacity msgs/s': fmt(capacity.perSecond),
      'capacity p99 ms': fmt(capacity.p99),
      'non-200': paced.failures + capacity.failures,
    },
  };
};
const bare = row(rounds.bare);
const floor = row(rounds.floor);
const api = row(rounds.api);
console.table({
  'bare node:http (200 only)': bare.cells,
  'store floor (verify + insert)': floor.cells,
  'spendline api (verify + store)': api.cells,
});
const ofBare = (r: typeof bare) => (r.capacity.perSecond / bare.capacity.perSecond).toFixed(2);
console.log(
  `capacity / bare: api ${ofBare(api)}, store floor ${ofBare(floor)} (see store-floor.ts); ` +
    `api / store floor ${(api.capacity.perSecond / floor.capacity.perSecond).toFixed(2)}; ` +
    `messages stored: ${stored} (expected ${COUNT * (2 * ROUNDS + 1)})`,
);
const statusCapacity = {
  bare: summarise(statusRounds.bare),
  api: summarise(statusRounds.api),
};
console.log(
  `status webhooks (sent, delivered, read), ${CONCURRENCY} in flight: api ` +
    `${fmt(statusCapacity.api.perSecond)} msgs/s (p99 ${fmt(statusCapacity.api.p99)} ms) ` +
    `against bare ${fmt(statusCapacity.bare.perSecond)}: ` +
    `${(statusCapacity.api.perSecond / statusCapacity.bare.perSecond).toFixed(2)}; ` +
    `non-200: ${statusCapacity.api.failures + statusCapacity.bare.failures}; outbound messages ` +
    `read: ${read} (expected ${Math.floor(COUNT / 3) * (ROUNDS + 1)})`,
);
// Processing yields to acknowledging during a burst and catches up after it.
console.log(
  `processed by the bot: ${fmt(api.paced.processedPerSecond)} msgs/s paced, ` +
    `${fmt(api.capacity.processedPerSecond)} msgs/s capacity (first request to last message processed)`,
);
const pass =
  api.capacity.perSecond >= 1000 &&
  api.paced.p99 < 50 &&
  api.paced.failures + api.capacity.failures + statusCapacity.api.failures === 0;
console.log(
  `target: capacity >= 1,000 msgs/s, and p99 < 50 ms at ${RATE} msgs/s: ${pass ? 'PASS' : 'MISS'}`,
);

await channel.stop();
await new Promise((resolve) => apiServer.close(resolve));
await new Promise((resolve) => bareServer.close(resolve));
await new Promise((resolve) => floorServer.close(resolve));
await db.close();
process.exit(0);
