import type { PrismaClient } from '@spendline/db';
import type { Logger } from '@spendline/log';
import { runDueRecurring } from './recurring.ts';
import type { Job } from './scheduler.ts';

/** Recurring expenses as a scheduled job; a rule that fails is logged and retried. */
export function recurringJob(prisma: PrismaClient, logger: Logger): Job {
  return {
    name: 'recurring',
    async run(now) {
      const round = await runDueRecurring(prisma, now);
      for (const { id, error } of round.failed) {
        logger.error({ err: error, recurringExpenseId: id }, 'recurring expense not recorded');
      }
      return { done: round.expenses, failed: round.failed.length };
    },
  };
}
