// Meta's side of the conversation benchmark, on a thread of its own: the Graph API
// simulator that receives the bot's replies, and the sender that posts the users'
// messages as signed webhooks at a steady rate. Meta's servers are not in the api's
// process; on its event loop they would take time the benchmark means to measure.
// Send and reply times are both read on this thread's clock.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { signedWebhookRequest, startGraphSimulator } from '@spendline/whatsapp/simulator';
import { createWebhookSender } from './webhook-sender.ts';

export interface MetaSideSettings {
  numbers: string[];
  rate: number;
  seconds: number;
  warmUp: number;
  appSecret: string;
  phoneNumberId: string;
  accessToken: string;
}

/** Main thread -> this one. */
export type MetaSideCommand = { phase: { webhookUrl: string; offset: number } } | { close: true };

/** This thread -> main: the simulator's address once listening, then each phase's result. */
export type MetaSideReport = { apiUrl: string } | { result: PhaseResult } | { closed: true };

export interface PhaseResult {
  latencies: number[];
  failures: number;
  count: number;
  elapsed: number;
}

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

const settings = workerData as MetaSideSettings;
const port = parentPort;
if (!port) throw new Error('meta-side.ts runs as a worker thread');

// Send times per recipient, oldest first: each message gets exactly one reply, in order.
const waiting = new Map<string, number[]>();
let latencies: number[] = [];
let measuring = false;
let replied = 0;
const simulator = await startGraphSimulator({
  accessToken: settings.accessToken,
  onMessage: (message) => {
    replied += 1;
    const sentAt = waiting.get(message.to ?? '')?.shift();
    if (sentAt !== undefined && measuring) latencies.push(performance.now() - sentAt);
  },
});

/** A warm-up, then `rate` messages a second for `seconds`, all at webhookUrl. */
async function phase(webhookUrl: string, offset: number): Promise<PhaseResult> {
  const { numbers, rate, seconds, warmUp } = settings;
  waiting.clear();
  let failures = 0;
  const sender = createWebhookSender(webhookUrl, 64);
  async function post(from: string, text: string, due: number): Promise<void> {
    const request = signedWebhookRequest({
      appSecret: settings.appSecret,
      phoneNumberId: settings.phoneNumberId,
      from,
      text,
    });
    const queue = waiting.get(from) ?? [];
    waiting.set(from, queue);
    // From when it was due, not when this thread got round to it: a stall shows in the
    // figures instead of quietly lowering the offered rate.
    queue.push(due);
    if ((await sender.post(request)) !== 200) failures += 1;
  }
  /** Posts `count` messages at `rate` per second, each from the next number in turn. */
  async function drive(count: number, from: number): Promise<void> {
    const start = performance.now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const due = start + (i * 1000) / rate;
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
  await drive(warmUp, offset);
  await settle(base + warmUp);
  latencies = [];
  measuring = true;
  const count = rate * seconds;
  const started = performance.now();
  await drive(count, offset + warmUp);
  await settle(base + warmUp + count);
  measuring = false;
  await sender.close();
  return { latencies, failures, count, elapsed: (performance.now() - started) / 1000 };
}

port.on('message', (command: MetaSideCommand) => {
  void (async () => {
    if ('close' in command) {
      await simulator.close();
      port.postMessage({ closed: true } satisfies MetaSideReport);
      port.close();
      return;
    }
    const result = await phase(command.phase.webhookUrl, command.phase.offset);
    port.postMessage({ result } satisfies MetaSideReport);
  })();
});
port.postMessage({ apiUrl: simulator.apiUrl } satisfies MetaSideReport);
