import type { Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobRunRecorder, lastJobRuns } from './runs.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const at = (second: number) => new Date(Date.UTC(2026, 11, 6, 9, 0, second));

describe('job runs in the database', () => {
  it('keeps the latest round of each job, overwriting the one before, newest first', async () => {
    const record = jobRunRecorder(db.prisma);
    await record({ job: 'recurring', startedAt: at(0), finishedAt: at(1), done: 2, failed: 0 });
    await record({
      job: 'daily digest',
      startedAt: at(1),
      finishedAt: at(2),
      done: 0,
      failed: 0,
      error: 'relation "users" does not exist',
    });
    await record({ job: 'recurring', startedAt: at(30), finishedAt: at(31), done: 0, failed: 1 });

    expect(await lastJobRuns(db.prisma)).toEqual([
      { job: 'recurring', startedAt: at(30), finishedAt: at(31), done: 0, failed: 1 },
      {
        job: 'daily digest',
        startedAt: at(1),
        finishedAt: at(2),
        done: 0,
        failed: 0,
        error: 'relation "users" does not exist',
      },
    ]);
  });

  it('takes rounds of the same job recorded at once by several replicas', async () => {
    const replicas = [jobRunRecorder(db.prisma), jobRunRecorder(db.prisma)];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        replicas[i % 2]!({
          job: 'weekly digest',
          startedAt: at(40 + i),
          finishedAt: at(41 + i),
          done: i,
          failed: 0,
        }),
      ),
    );
    const weekly = (await lastJobRuns(db.prisma)).filter((run) => run.job === 'weekly digest');
    expect(weekly).toHaveLength(1);
  });
});
