// Runs the load generator (load.ts) in its own process against a webhook URL and sums
// up one round: acknowledged per second, p50 and p99 latency, failures.
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export interface Round {
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
  /** From the first request until every message of the round was processed (api only). */
  processedPerSecond?: number;
}

const load = fileURLToPath(new URL('./load.ts', import.meta.url));
const run = promisify(execFile);

export async function fire(
  url: string,
  {
    count,
    rate,
    concurrency,
    secret,
    kind = 'messages',
  }: {
    count: number;
    rate: number;
    concurrency: number;
    secret: string;
    /** What load.ts posts: `messages`, or `statuses:<wamid prefix>`. */
    kind?: string;
  },
): Promise<Round> {
  const { stdout } = await run(
    process.execPath,
    [load, url, String(count), String(rate), String(concurrency), secret, kind],
    { maxBuffer: 64 * 1024 * 1024 },
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

/** Starts a server on a free loopback port; resolves with its webhook URL. */
export async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/whatsapp/webhook/`;
}

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
