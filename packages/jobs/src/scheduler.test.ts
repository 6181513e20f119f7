import { Writable } from 'node:stream';
import { createLogger } from '@spendline/log';
import { describe, expect, it } from 'vitest';
import { startScheduler, type Job, type JobRun } from './scheduler.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ destination }) };
}

describe('startScheduler', () => {
  it('runs every job at start, keeps going past a failing one, and joins a round under way', async () => {
    const { lines, logger } = capture();
    const runs: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const jobs: Job[] = [
      {
        name: 'broken',
        run: () => Promise.reject(new Error('boom')),
      },
      {
        name: 'slow',
        run: async () => {
          runs.push('slow');
          await gate;
          return { done: 2, failed: 0 };
        },
      },
    ];
    const scheduler = startScheduler({ jobs, logger, intervalMs: 60_000 });
    const joined = scheduler.runNow();
    release();
    await joined;
    expect(runs).toEqual(['slow']);
    expect(lines.map((l) => [l.job, l.msg])).toEqual([
      ['broken', 'scheduled job failed'],
      ['slow', 'scheduled work done'],
    ]);
    await scheduler.runNow();
    expect(runs).toEqual(['slow', 'slow']);
    await scheduler.stop();
  });

  it('tells the round under way to stop, skips the jobs after it and starts no other round', async () => {
    const { logger } = capture();
    const runs: string[] = [];
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const jobs: Job[] = [
      {
        name: 'long',
        run: async (_now, stopping) => {
          runs.push('long');
          started();
          // Works piece by piece until told to stop, as drain() does.
          let pieces = 0;
          while (!stopping.aborted) {
            pieces += 1;
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
          return { done: pieces, failed: 0 };
        },
      },
      {
        name: 'next',
        run: () => {
          runs.push('next');
          return Promise.resolve({ done: 0, failed: 0 });
        },
      },
    ];
    const scheduler = startScheduler({ jobs, logger, intervalMs: 60_000 });
    await running;
    await scheduler.stop();
    await scheduler.runNow();
    expect(runs).toEqual(['long']);
  });

  it('records every round of every job, a failure with its reason, and goes on when recording fails', async () => {
    const { lines, logger } = capture();
    const recorded: JobRun[] = [];
    let tick = 0;
    // Each call to the clock is a second later: a round's end comes after its start.
    const now = () => new Date(Date.UTC(2026, 11, 6, 9, 0, tick++));
    const jobs: Job[] = [
      { name: 'broken', run: () => Promise.reject(new Error('no database\nat line 2')) },
      { name: 'fine', run: () => Promise.resolve({ done: 3, failed: 1 }) },
    ];
    let refuse = false;
    const record = (run: JobRun) => {
      if (refuse) return Promise.reject(new Error('cannot write'));
      recorded.push(run);
      return Promise.resolve();
    };
    const scheduler = startScheduler({ jobs, logger, intervalMs: 60_000, now, record });
    await scheduler.runNow();
    expect(recorded).toEqual([
      {
        job: 'broken',
        startedAt: new Date('2026-12-06T09:00:00Z'),
        finishedAt: new Date('2026-12-06T09:00:01Z'),
        done: 0,
        failed: 0,
        error: 'no database',
      },
      {
        job: 'fine',
        startedAt: new Date('2026-12-06T09:00:02Z'),
        finishedAt: new Date('2026-12-06T09:00:03Z'),
        done: 3,
        failed: 1,
      },
    ]);

    refuse = true;
    await scheduler.runNow();
    expect(lines.filter((l) => l.msg === 'job run not recorded').map((l) => l.job)).toEqual([
      'broken',
      'fine',
    ]);
    refuse = false;
    await scheduler.runNow();
    expect(recorded.map((r) => r.job)).toEqual(['broken', 'fine', 'broken', 'fine']);
    await scheduler.stop();
  });
});
