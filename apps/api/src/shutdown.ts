import type { Logger } from '@spendline/log';

export interface ShutdownOptions {
  /** The whole stop, from the first signal to exit. */
  deadlineMs: number;
  logger: Logger;
  /** Stops taking work and lets the work under way finish. */
  drain: () => Promise<void>;
  /** Cuts whatever is still running: connections, sends. Must not throw. */
  cut: () => Promise<void> | void;
  /** Closes the database cleanly (PGlite needs no recovery after it). */
  closeDatabase: () => Promise<void>;
  /** Writes the log lines still queued, giving up after the time given. */
  flushLogs?: (timeoutMs: number) => Promise<void>;
  exit?: (code: number) => void;
}

// Time kept back from the drain for cutting and closing the database.
const CLOSE_RESERVE_MS = 1000;
// A log reader that stopped reading gets this long before the last lines are dropped.
const LOG_FLUSH_MS = 250;

function within<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<'timeout'>((resolve) => (timer = setTimeout(resolve, Math.max(0, ms), 'timeout'))),
  ]).finally(() => clearTimeout(timer));
}

/**
 * A stop that always finishes: the first signal drains work in flight until shortly
 * before the deadline, then cuts what is left and closes the database; a second signal
 * cuts at once and closes the database; at the deadline the process exits whatever is
 * still running. Nothing acknowledged is lost by a cut: webhooks are stored before
 * they are acknowledged and replies wait in the outbox.
 */
export function createShutdown({
  deadlineMs,
  logger,
  drain,
  cut,
  closeDatabase,
  flushLogs = () => Promise.resolve(),
  exit: exitNow = (code) => process.exit(code),
}: ShutdownOptions): (signal: string) => void {
  const exit = (code: number) =>
    void flushLogs(LOG_FLUSH_MS).finally(() => {
      exitNow(code);
    });
  let started: number | undefined;
  let closing: Promise<void> | undefined;

  const finish = (code: number, budgetMs: number): Promise<void> =>
    (closing ??= (async () => {
      try {
        await cut();
      } catch (error) {
        logger.error({ err: error }, 'cutting work under way failed');
      }
      try {
        if ((await within(closeDatabase(), budgetMs)) === 'timeout')
          logger.error({ ms: budgetMs }, 'the database did not close in time');
      } catch (error) {
        logger.error({ err: error }, 'closing the database failed');
      }
      logger.info({ ms: Math.round(performance.now() - (started ?? 0)) }, 'stopped');
      exit(code);
    })());

  return (signal) => {
    if (started !== undefined) {
      logger.warn({ signal }, 'second signal: stopping now');
      void finish(1, CLOSE_RESERVE_MS);
      return;
    }
    started = performance.now();
    logger.info({ signal, deadlineMs }, 'shutting down');
    // Not unref'd: this timer is what guarantees the exit.
    setTimeout(
      () => {
        logger.error({ deadlineMs }, 'stop deadline reached; exiting with work cut off');
        exit(1);
      },
      Math.max(0, deadlineMs - LOG_FLUSH_MS),
    );
    const drainMs = Math.max(0, deadlineMs - CLOSE_RESERVE_MS - LOG_FLUSH_MS);
    void (async () => {
      let outcome: 'done' | 'timeout' = 'done';
      try {
        outcome = (await within(drain(), drainMs)) === 'timeout' ? 'timeout' : 'done';
      } catch (error) {
        logger.error({ err: error }, 'draining work under way failed');
      }
      if (outcome === 'timeout')
        logger.warn({ ms: drainMs }, 'work still under way at the deadline is cut off');
      await finish(0, CLOSE_RESERVE_MS);
    })();
  };
}
