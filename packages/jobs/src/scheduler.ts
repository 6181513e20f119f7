import type { Logger } from '@spendline/log';

/**
 * Scheduled work: does whatever is due at `now` and says what, for the log. Once
 * `stopping` is aborted it finishes the piece under way and leaves the rest for the
 * next round (on this replica or another).
 */
export interface Job {
  name: string;
  run(now: Date, stopping: AbortSignal): Promise<{ done: number; failed: number }>;
}

/** One round of one job, as the scheduler saw it. */
export interface JobRun {
  job: string;
  startedAt: Date;
  finishedAt: Date;
  done: number;
  failed: number;
  /** Why the job stopped short (it threw), in a line; unset when the round ran through. */
  error?: string;
}

export interface Scheduler {
  /** One round of every job now; resolves when it is over (a round under way is joined). */
  runNow(): Promise<void>;
  /** Stops the timer, tells the round under way to stop after its current piece, and waits for it. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  jobs: Job[];
  logger: Logger;
  /** How often to look for due work; due times are kept in the database, not here. */
  intervalMs?: number;
  now?: () => Date;
  /**
   * Keeps each job's round where operators can see it (jobRunRecorder: the database, so
   * another process can tell whether any replica runs the scheduler). A failure to keep
   * it is logged and the round goes on.
   */
  record?: (run: JobRun) => Promise<void>;
}

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 500) ?? '';

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
  record,
}: SchedulerOptions): Scheduler {
  let running: Promise<void> | undefined;
  const stopping = new AbortController();
  const round = async () => {
    for (const job of jobs) {
      if (stopping.signal.aborted) return;
      const startedAt = now();
      let outcome: Pick<JobRun, 'done' | 'failed' | 'error'>;
      try {
        outcome = await job.run(startedAt, stopping.signal);
        const { done, failed } = outcome;
        if (done + failed > 0) logger.info({ job: job.name, done, failed }, 'scheduled work done');
      } catch (error) {
        logger.error({ err: error, job: job.name }, 'scheduled job failed');
        outcome = { done: 0, failed: 0, error: firstLine(error) };
      }
      await record?.({ job: job.name, startedAt, finishedAt: now(), ...outcome }).catch(
        (error: unknown) => logger.warn({ err: error, job: job.name }, 'job run not recorded'),
      );
    }
  };
  const runNow = () =>
    stopping.signal.aborted
      ? Promise.resolve()
      : (running ??= round().finally(() => {
          running = undefined;
        }));
  const timer = setInterval(() => void runNow(), intervalMs);
  timer.unref();
  void runNow();
  return {
    runNow,
    async stop() {
      clearInterval(timer);
      stopping.abort();
      await running;
    },
  };
}
