import { createPubSub } from 'graphql-yoga';

/** What happened to the expense: created, or edited / deleted / restored. */
export type ExpenseEventKind = 'added' | 'changed';

export interface ExpenseAddedEvent {
  userId: string;
  expenseId: string;
  /** "added" when absent, so publishers written before `changed` existed keep working. */
  kind?: ExpenseEventKind;
}

/**
 * Where "an expense was added" is announced for live dashboards. In-process by default;
 * several replicas need one backed by PostgreSQL LISTEN/NOTIFY (createPostgresExpenseEvents),
 * passed in through createGraphQLHandler's `events` option.
 */
export interface ExpenseEvents {
  publish(event: ExpenseAddedEvent): void;
  subscribe(userId: string): AsyncIterable<ExpenseAddedEvent>;
}

export function createInProcessExpenseEvents(): ExpenseEvents {
  const pubsub = createPubSub<{ expenseAdded: [userId: string, event: ExpenseAddedEvent] }>();
  return {
    publish: (event) => pubsub.publish('expenseAdded', event.userId, event),
    subscribe: (userId) => pubsub.subscribe('expenseAdded', userId),
  };
}
