import { createLogger } from '@spendline/log';
import { describe, expect, it } from 'vitest';
import { createShutdown, type ShutdownOptions } from './shutdown.ts';

const logger = createLogger({ level: 'silent' });
const never = () => new Promise<void>(() => {});

function harness(overrides: Partial<ShutdownOptions>) {
  const steps: string[] = [];
  let exited!: (code: number) => void;
  const exit = new Promise<number>((resolve) => (exited = resolve));
  const started = performance.now();
  const stop = createShutdown({
    deadlineMs: 2000,
    logger,
    drain: () => {
      steps.push('drain');
      return Promise.resolve();
    },
    cut: () => {
      steps.push('cut');
    },
    closeDatabase: () => {
      steps.push('close database');
      return Promise.resolve();
    },
    exit: (code) => {
      steps.push(`exit ${code}`);
      exited(code);
    },
    ...overrides,
  });
  return { stop, steps, exit, elapsed: () => performance.now() - started };
}

describe('createShutdown', () => {
  it('drains, cuts what is left, closes the database and exits 0', async () => {
    const { stop, steps, exit } = harness({});
    stop('SIGTERM');
    expect(await exit).toBe(0);
    expect(steps).toEqual(['drain', 'cut', 'close database', 'exit 0']);
  });

  it('cuts work that does not finish, shortly before the deadline, and still closes the database', async () => {
    const { stop, steps, exit, elapsed } = harness({ deadlineMs: 1500, drain: never });
    stop('SIGTERM');
    expect(await exit).toBe(0);
    expect(steps).toEqual(['cut', 'close database', 'exit 0']);
    expect(elapsed()).toBeLessThan(1500);
  });

  it('stops at once on a second signal, after closing the database', async () => {
    const { stop, steps, exit, elapsed } = harness({ deadlineMs: 60_000, drain: never });
    stop('SIGTERM');
    stop('SIGINT');
    expect(await exit).toBe(1);
    expect(steps).toEqual(['cut', 'close database', 'exit 1']);
    expect(elapsed()).toBeLessThan(1000);
  });

  it('exits at the deadline even when the database does not close', async () => {
    const { stop, exit, elapsed } = harness({
      deadlineMs: 1200,
      drain: never,
      closeDatabase: never,
    });
    stop('SIGTERM');
    expect(await exit).toBe(1);
    expect(elapsed()).toBeLessThan(1300);
  });
});
