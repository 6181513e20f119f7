// The load generator, in its own process so it does not share the server's event loop.
// Posts `count` distinct signed webhooks and prints the latencies (ms) as JSON on stdout.
//   rate > 0: open loop, as Meta delivers: request i is due at start + i / rate whether
//             or not earlier ones were answered, and its latency counts from when it was
//             due, so a stalled server shows up in the figures instead of slowing the load.
//   rate = 0: closed loop with `concurrency` in flight: the most the server can take.
//   kind `messages`: text messages from 500 senders; `statuses:<prefix>`: sent, delivered
//             and read, in turn, for the outbound wamids <prefix>0, <prefix>1, ...
import { signedWebhookRequest, statusWebhook } from '@spendline/whatsapp/simulator';
import { createWebhookSender } from './webhook-sender.ts';

const [
  url = '',
  countArg = '2000',
  rateArg = '0',
  concurrencyArg = '16',
  secret = '',
  kind = 'messages',
] = process.argv.slice(2);
const count = Number(countArg);
const rate = Number(rateArg);
const concurrency = Number(concurrencyArg);
const run = Date.now().toString(36);
const STATUSES = ['sent', 'delivered', 'read'] as const;
const statusesOf = kind.startsWith('statuses:') ? kind.slice('statuses:'.length) : null;
// 500 different people, as a busy number would see.
const person = (i: number) => `9198${String(10_000_000 + (i % 500)).padStart(8, '0')}`;

const requests = Array.from({ length: count }, (_, i) =>
  statusesOf === null
    ? signedWebhookRequest({
        appSecret: secret,
        phoneNumberId: '1234567890',
        from: person(i),
        text: `${100 + (i % 900)} petrol ₹`,
        wamid: `wamid.BENCH.${run}.${i}`,
      })
    : statusWebhook({
        appSecret: secret,
        phoneNumberId: '1234567890',
        wamid: `${statusesOf}${Math.floor(i / STATUSES.length)}`,
        status: STATUSES[i % STATUSES.length]!,
        recipientPhone: `+${person(i)}`,
      }),
);

// Enough connections that an open-loop burst queues at the server, not in this process.
const sender = createWebhookSender(url, rate > 0 ? 256 : concurrency);
const latencies: number[] = [];
let failures = 0;

async function post(i: number, due: number): Promise<void> {
  const status = await sender.post(requests[i]!);
  latencies.push(performance.now() - due);
  if (status !== 200) failures++;
}

// Connections opened and this process's own code warmed before the clock starts,
// with requests that store nothing (the api's health check; the bare server answers all).
await Promise.all(
  Array.from({ length: 32 }, async () => {
    for (let i = 0; i < 20; i++) await sender.get('/healthz');
  }),
);

const started = performance.now();
if (rate > 0) {
  const inFlight: Promise<void>[] = [];
  let next = 0;
  while (next < count) {
    const now = performance.now();
    for (; next < count && started + (next * 1000) / rate <= now; next++) {
      inFlight.push(post(next, started + (next * 1000) / rate));
    }
    // Wake for the next due request; timers are coarse, so a late wake sends a few at once.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
} else {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        await post(i, performance.now());
      }
    }),
  );
}
const seconds = (performance.now() - started) / 1000;
await sender.close();
process.stdout.write(JSON.stringify({ latencies, seconds, failures }));
