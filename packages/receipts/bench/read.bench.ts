// Time per image with a pool of two OCR workers, over the generated corpus, and how
// long the main thread's event loop waits meanwhile (OCR runs off it). Run with
// `npm run bench`; it exits non-zero if fewer than 90% of totals are read right.

import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildCorpus, type CorpusImage } from '../src/corpus/corpus.ts';
import { percent, rightMerchant, rightTotal, share, withAmount } from '../src/corpus/score.ts';
import type { Scored } from '../src/corpus/score.ts';
import { createReceiptReader } from '../src/index.ts';

const WORKERS = 2;

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const ms = (value: number) => `${Math.round(value)} ms`;

const corpus = await buildCorpus();
const reader = createReceiptReader({ workers: WORKERS });

// The first read starts the workers; it is reported on its own.
const [first] = corpus;
if (!first) throw new Error('empty corpus');
const startStarted = performance.now();
await reader.read(first.bytes);
const startup = performance.now() - startStarted;

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const times: number[] = [];
const scored: Scored[] = [];
const queue = [...corpus];
const lane = async () => {
  for (let image: CorpusImage | undefined; (image = queue.shift());) {
    const started = performance.now();
    const reading = await reader.read(image.bytes);
    times.push(performance.now() - started);
    scored.push({ image, reading });
  }
};
const passStarted = performance.now();
// As many reads in flight as workers, so each time is one image's own work.
await Promise.all(Array.from({ length: WORKERS }, lane));
const pass = performance.now() - passStarted;
loop.disable();
await reader.close();

times.sort((a, b) => a - b);
const priced = withAmount(scored);
const totals = share(priced, rightTotal);
console.log(`receipts: ${corpus.length} images, pool of ${WORKERS} workers`);
console.log(`  first read (starts the workers): ${ms(startup)}`);
console.log(
  `  per image: p50 ${ms(quantile(times, 0.5))}, p95 ${ms(quantile(times, 0.95))}, max ${ms(times.at(-1) ?? 0)}`,
);
console.log(`  throughput: ${((corpus.length / pass) * 1000).toFixed(2)} images/s`);
console.log(
  `  main event loop delay while reading: p50 ${(loop.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms`,
);
console.log(
  `  right total ${percent(totals)}, right merchant ${percent(share(priced, rightMerchant))} of ${priced.length}`,
);
if (totals < 0.9) process.exitCode = 1;
