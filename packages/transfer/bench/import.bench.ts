// npm run bench (packages/transfer): importing a 100,000-row CSV file the way
// `npm run admin -- import` does, streamed from disk in batches. Reports time, rows per
// second and peak memory, as medians of three runs (each into a fresh user, so none of
// them meets duplicates). Memory is the JavaScript heap and buffers in use above their
// level before the run (RSS does not shrink between runs, so it is given once, for the
// whole process, beside the rise of the first run).
// Uses DATABASE_URL (PostgreSQL) when set, the embedded PGlite otherwise.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDefaultCategories } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { csvRecords, guessMapping, importRows } from '../src/index.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = 3;
const TARGET_SECONDS = 60;
const TARGET_MB = 256;

const CATEGORIES = ['Food', 'Fuel', 'Groceries', 'Rent', 'Bills', 'Travel', 'Hobbies', 'Pets'];
function csvText(): string {
  const lines = ['Date,Type,Amount,Currency,Category,Note'];
  for (let i = 0; i < ROWS; i++) {
    const day = new Date(Date.UTC(2025, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
    const income = i % 50 === 0;
    const amount = ((i * 7919) % 500_000) / 100 + 1;
    lines.push(
      `${day},${income ? 'Income' : 'Expense'},"${amount.toLocaleString('en-IN')}",INR,` +
        `${CATEGORIES[i % CATEGORIES.length]},"note ${i}, with a comma"`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const dir = await mkdtemp(join(tmpdir(), 'spendline-import-bench-'));
const file = join(dir, 'entries.csv');
await writeFile(file, csvText());
const db = await createTestDatabase();
console.log(`Importing ${ROWS} rows on ${db.engine}, ${RUNS} runs`);

let firstRise = 0;
const seconds: number[] = [];
const peaks: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const user = await db.prisma.user.create({
      data: { email: `bench${run}@example.com`, displayName: 'Bench' },
    });
    await createDefaultCategories(db.prisma, user.id);
    const inUse = () => {
      const usage = process.memoryUsage();
      return usage.heapUsed + usage.external;
    };
    const rssBefore = process.memoryUsage().rss;
    const before = inUse();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, inUse())), 10);
    const started = performance.now();
    const records = csvRecords(createReadStream(file))[Symbol.asyncIterator]();
    const header = await records.next();
    const result = await importRows(db.sql, {
      userId: user.id,
      rows: { [Symbol.asyncIterator]: () => records },
      mapping: guessMapping(header.value as string[]),
    });
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, inUse());
    if (run === 0) firstRise = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
    if (result.imported !== ROWS) throw new Error(`imported ${result.imported} of ${ROWS}`);
    seconds.push(elapsed);
    peaks.push((peak - before) / 2 ** 20);
    console.log(
      `run ${run + 1}: ${elapsed.toFixed(1)} s, ${Math.round(ROWS / elapsed)} rows/s, ` +
        `peak heap and buffers +${((peak - before) / 2 ** 20).toFixed(0)} MB`,
    );
  }
} finally {
  await db.close();
  await rm(dir, { recursive: true, force: true });
}
const time = median(seconds);
const memory = median(peaks);
console.table({
  [`import ${ROWS} rows`]: {
    'median s': time.toFixed(1),
    'rows/s': Math.round(ROWS / time),
    'median peak heap+buffers MB': memory.toFixed(0),
    'RSS rise, first run MB': firstRise.toFixed(0),
    'process peak RSS MB': (process.resourceUsage().maxRSS / 1024).toFixed(0),
  },
});
const pass = time < TARGET_SECONDS && memory < TARGET_MB;
console.log(`target under ${TARGET_SECONDS} s and ${TARGET_MB} MB: ${pass ? 'PASS' : 'MISS'}`);
