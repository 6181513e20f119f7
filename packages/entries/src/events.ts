import type { Queries } from '@spendline/db';
import { createPubSub } from '@graphql-yoga/subscription';

/** What happened to the expense: created, edited, moved to the bin, or brought back. */
export type ExpenseEventKind = 'added' | 'updated' | 'deleted' | 'restored';

export const EXPENSE_EVENT_KINDS: readonly ExpenseEventKind[] = [
  'added',
  'updated',
  'deleted',
  'restored',
];

export interface ExpenseAddedEvent {
  userId: string;
  expenseId: string;
  /** "added" when absent: a writer that only creates expenses need not say so. */
  kind?: ExpenseEventKind;
}

/** Runs a statement in the writer's own transaction. */
export type TransactionSql = Pick<Queries, 'execute'>;

/**
 * Where expense changes are announced for live dashboards. The entries module is the
 * only writer: it publishes after its caller's transaction commits (`publish`), or from
 * inside it (`publishInTransaction`, for writers inside a transaction they do not own:
 * the inbox, the scheduler). In-process by default; several replicas need one backed by
 * PostgreSQL LISTEN/NOTIFY (createPostgresExpenseEvents). GraphQL subscriptions only read.
 */
export interface ExpenseEvents {
  publish(event: ExpenseAddedEvent): void;
  /**
   * On PostgreSQL one NOTIFY per event in the writer's transaction, sent in one statement:
   * delivered when it commits, never if it rolls back, so no dashboard refetches before
   * the row is there.
   */
  publishInTransaction(
    tx: TransactionSql,
    events: ExpenseAddedEvent | readonly ExpenseAddedEvent[],
  ): Promise<void>;
  subscribe(userId: string): AsyncIterable<ExpenseAddedEvent>;
}

export function createInProcessExpenseEvents(): ExpenseEvents {
  const pubsub = createPubSub<{ expenseAdded: [userId: string, event: ExpenseAddedEvent] }>();
  const publish = (event: ExpenseAddedEvent) => pubsub.publish('expenseAdded', event.userId, event);
  return {
    publish,
    // PGlite serves one connection: a subscriber's refetch waits for the transaction anyway.
    publishInTransaction: (_tx, events) => {
      for (const event of [events].flat()) publish(event);
      return Promise.resolve();
    },
    subscribe: (userId) => pubsub.subscribe('expenseAdded', userId),
  };
}
