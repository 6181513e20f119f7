import type { PrismaClient } from '@spendline/db';
import { lastJobRuns } from '@spendline/jobs/runs';
import { ago, CHECKS, fail, pass, warn, type CheckResult } from './check.ts';

/** The api runs a round every 30 s; this much silence means none runs. */
const SILENT_MS = 5 * 60_000;

const START_API =
  'Start the api (npm start, or docker compose up): every replica runs the scheduler.';

/** When the scheduler last ran, from the rounds every replica records. */
export async function checkScheduler(prisma: PrismaClient, now: Date): Promise<CheckResult> {
  const runs = await lastJobRuns(prisma);
  const latest = runs[0];
  if (!latest) {
    return warn(
      CHECKS.scheduler,
      'no scheduler round recorded yet (the api runs one at start)',
      START_API,
    );
  }
  const when = `${ago(latest.finishedAt, now)} ago (${latest.finishedAt.toISOString()})`;
  if (now.getTime() - latest.finishedAt.getTime() > SILENT_MS) {
    return fail(
      CHECKS.scheduler,
      `the scheduler last ran ${when}: recurring expenses, digests and reminders wait`,
      `${START_API} If it runs, look for 'scheduled job failed' in its log.`,
    );
  }
  const summary = runs
    .map(
      (run) =>
        `${run.job}: ${run.error ? 'stopped' : `${run.done} done${run.failed ? `, ${run.failed} failed` : ''}`}`,
    )
    .join('; ');
  const stopped = runs.filter((run) => run.error);
  if (stopped.length > 0) {
    return warn(
      CHECKS.scheduler,
      `last ran ${when}, but ${stopped.map((run) => `${run.job} stopped: ${run.error}`).join('; ')}`,
      "Look for 'scheduled job failed' in the api's log; the job is tried again every 30 s.",
    );
  }
  const failing = runs.filter((run) => run.failed > 0);
  if (failing.length > 0) {
    return warn(
      CHECKS.scheduler,
      `last ran ${when} (${summary})`,
      "Look for 'work failed' in the api's log: failed pieces are tried again next round.",
    );
  }
  return pass(CHECKS.scheduler, `last ran ${when} (${summary})`);
}
