import type { ExpenseAddedEvent, ExpenseEvents, TransactionSql } from './events.ts';

/**
 * How the entries module announces what it wrote, chosen by who owns the transaction:
 * `inTransaction` for a writer inside one it does not commit (the inbox, the scheduler,
 * statements that commit on their own), `afterCommit` for one that commits it itself.
 */
export interface Announcer {
  announce(tx: TransactionSql, events: readonly ExpenseAddedEvent[]): Promise<void>;
}

/** Announces nothing: no live dashboards to tell (tests, scripts). */
export const silent: Announcer = { announce: () => Promise.resolve() };

/** Sends the events with the transaction: delivered when it commits, never on a rollback. */
export function inTransaction(events: ExpenseEvents | undefined): Announcer {
  if (!events) return silent;
  return {
    announce: (tx, announced) =>
      announced.length === 0 ? Promise.resolve() : events.publishInTransaction(tx, announced),
  };
}

/** Holds the events until `publish()`, called once the caller's transaction committed. */
export function afterCommit(events: ExpenseEvents | undefined): Announcer & { publish(): void } {
  let held: ExpenseAddedEvent[] = [];
  return {
    announce(_tx, announced) {
      held.push(...announced);
      return Promise.resolve();
    },
    publish() {
      const ready = held;
      held = [];
      if (events) for (const event of ready) events.publish(event);
    },
  };
}
