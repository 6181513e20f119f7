// The load generator, in its own process so it does not share the server's event loop:
// posts `count` distinct signed webhooks with `concurrency` in flight and prints the
// latencies (ms) as JSON on stdout.
import { signedWebhookRequest } from '@spendline/whatsapp/simulator';

const [url = '', countArg = '2000', concurrencyArg = '32', secret = ''] = process.argv.slice(2);
const count = Number(countArg);
const concurrency = Number(concurrencyArg);
const run = Date.now().toString(36);

const requests = Array.from({ length: count }, (_, i) =>
  signedWebhookRequest({
    appSecret: secret,
    phoneNumberId: '1234567890',
    // 500 different senders, as a busy number would see.
    from: `9198${String(10_000_000 + (i % 500)).padStart(8, '0')}`,
    text: `${100 + (i % 900)} petrol ₹`,
    wamid: `wamid.BENCH.${run}.${i}`,
  }),
);

const latencies: number[] = [];
let next = 0;
let failures = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < requests.length) {
      const request = requests[next++];
      if (!request) break;
      const t = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: request.headers,
        body: new Uint8Array(request.body),
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
      if (res.status !== 200) failures++;
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(JSON.stringify({ latencies, seconds, failures }));
