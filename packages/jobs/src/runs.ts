import type { PrismaClient } from '@spendline/db';
import type { JobRun } from './scheduler.ts';

/**
 * Keeps each job's latest round in scheduler_runs, one row per job whichever replica ran
 * it: what `npm run admin -- doctor` reads to tell whether a scheduler runs at all.
 */
export function jobRunRecorder(prisma: PrismaClient): (run: JobRun) => Promise<void> {
  return async ({ job, error, ...round }) => {
    const data = { ...round, error: error ?? null };
    // A single unique key in where and create: Prisma makes this one INSERT ... ON
    // CONFLICT, so replicas recording the same job at once do not collide.
    await prisma.schedulerRun.upsert({ where: { job }, create: { job, ...data }, update: data });
  };
}

/** The latest round of every job that has run, the most recent first. */
export async function lastJobRuns(prisma: PrismaClient): Promise<JobRun[]> {
  const rows = await prisma.schedulerRun.findMany({ orderBy: { finishedAt: 'desc' } });
  return rows.map(({ error, ...run }) => (error === null ? run : { ...run, error }));
}
