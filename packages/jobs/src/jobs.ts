import type { SqlDatabase } from '@spendline/db';
import type { ExpenseEvents } from '@spendline/entries';
import type { Logger } from '@spendline/log';
import type { Round } from './claims.ts';
import { runDueDigests, type DigestKind } from './digests.ts';
import { runDueRecurring } from './recurring.ts';
import { runDueStatements } from './statements.ts';
import type { Job } from './scheduler.ts';

function job(
  name: string,
  logger: Logger,
  run: (now: Date, stopping: AbortSignal) => Promise<Round>,
): Job {
  return {
    name,
    async run(now, stopping) {
      const round = await run(now, stopping);
      for (const { id, error } of round.failed)
        logger.error({ err: error, job: name, id }, 'work failed');
      return { done: round.done, failed: round.failed.length };
    },
  };
}

/**
 * Everything the scheduler runs: recurring expenses (announced to `events` for live
 * dashboards), then digests and reminders, then the monthly statements asked for.
 */
export function scheduledJobs(db: SqlDatabase, logger: Logger, events?: ExpenseEvents): Job[] {
  const digests: DigestKind[] = ['daily', 'weekly', 'reminder'];
  return [
    job('recurring', logger, (now, stopping) => runDueRecurring(db, now, stopping, events)),
    ...digests.map((kind) =>
      job(`${kind} digest`, logger, (now, stopping) => runDueDigests(db, kind, now, stopping)),
    ),
    job('monthly statement', logger, (now, stopping) => runDueStatements(db, now, stopping)),
  ];
}
