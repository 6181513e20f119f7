import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { pdfPages } from './pdf-text.ts';
import { createRenderPool, RenderBusyError, type RenderPool } from './pool.ts';
import { sampleStatement } from './sample.ts';

let pool: RenderPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('createRenderPool', () => {
  it('draws statements on worker threads', async () => {
    pool = createRenderPool({ size: 2 });
    const data = sampleStatement(30);
    // The main thread stays free: a timer set now fires while the threads draw.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const pdfs = await Promise.all([pool.render(data), pool.render(data), pool.render(data)]);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    expect(threadId).toBe(0);
    for (const pdf of pdfs) expect((await pdfPages(pdf))[0]).toContain('30 expenses in INR');
  });

  it('refuses work beyond its queue instead of piling it up', async () => {
    pool = createRenderPool({ size: 1, maxQueued: 1 });
    const data = sampleStatement(200);
    const first = pool.render(data);
    const second = pool.render(data);
    await expect(pool.render(data)).rejects.toBeInstanceOf(RenderBusyError);
    await expect(first).resolves.toBeInstanceOf(Uint8Array);
    await expect(second).resolves.toBeInstanceOf(Uint8Array);
  });

  it('refuses what waits when closed', async () => {
    pool = createRenderPool({ size: 1, maxQueued: 4 });
    const data = sampleStatement(200);
    const running = pool.render(data);
    const waiting = pool.render(data);
    const closing = pool.close();
    await expect(waiting).rejects.toThrow('closed');
    await expect(running).rejects.toThrow();
    await closing;
    await expect(pool.render(data)).rejects.toThrow('closed');
  });
});
