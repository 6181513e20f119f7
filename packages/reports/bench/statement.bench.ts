// The statement of a month with 500 entries: its size, and how long drawing it takes on
// this thread and through the worker pool (p50/p95 over repeated runs after a warm-up).
import { drawStatement } from '../src/draw.ts';
import { createRenderPool } from '../src/pool.ts';
import { sampleStatement } from '../src/sample.ts';

const ENTRIES = 500;
const RUNS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

async function timed(render: () => Promise<Uint8Array>): Promise<{ ms: number[]; bytes: number }> {
  let bytes = (await render()).byteLength;
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    bytes = (await render()).byteLength;
    ms.push(performance.now() - start);
  }
  return { ms: ms.sort((a, b) => a - b), bytes };
}

const data = sampleStatement(ENTRIES);
const pool = createRenderPool({ size: 1 });
const results = {
  'this thread': await timed(() => drawStatement(data)),
  'worker pool': await timed(() => pool.render(data)),
};
await pool.close();
for (const [where, { ms, bytes }] of Object.entries(results)) {
  console.log(
    `statement, ${ENTRIES} entries, ${where}: ${(bytes / 1024).toFixed(1)} KiB, ` +
      `p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms (${RUNS} runs)`,
  );
}
