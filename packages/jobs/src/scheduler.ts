import type { Logger } from '@spendline/log';

/** Scheduled work: does whatever is due at `now` and says what, for the log. */
export interface Job {
  name: string;
  run(now: Date): Promise<{ done: number; failed: number }>;
}

export interface Scheduler {
  /** One round of every job now; resolves when it is over (a round under way is joined). */
  runNow(): Promise<void>;
  /** Stops the timer and waits for the round under way. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  jobs: Job[];
  logger: Logger;
  /** How often to look for due work; due times are kept in the database, not here. */
  intervalMs?: number;
  now?: () => Date;
}

/**
 * Runs the jobs at start (what fell due while no replica was up is caught up at once)
 * and then every intervalMs. Each replica runs its own scheduler; the jobs themselves
 * make every piece of work happen once (row locks taken with SKIP LOCKED).
 */
export function startScheduler({
  jobs,
  logger,
  intervalMs = 30_000,
  now = () => new Date(),
}: SchedulerOptions): Scheduler {
  let running: Promise<void> | undefined;
  const round = async () => {
    for (const job of jobs) {
      try {
        const { done, failed } = await job.run(now());
        if (done + failed > 0) logger.info({ job: job.name, done, failed }, 'scheduled work done');
      } catch (error) {
        logger.error({ err: error, job: job.name }, 'scheduled job failed');
      }
    }
  };
  const runNow = () =>
    (running ??= round().finally(() => {
      running = undefined;
    }));
  const timer = setInterval(() => void runNow(), intervalMs);
  timer.unref();
  void runNow();
  return {
    runNow,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
