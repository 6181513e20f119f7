import { createPubSub } from 'graphql-yoga';

export interface ExpenseAddedEvent {
  userId: string;
  expenseId: string;
}

/**
 * Where "an expense was added" is announced for live dashboards. In-process by default;
 * several replicas need one backed by PostgreSQL LISTEN/NOTIFY (or Redis), passed in
 * through createGraphQLHandler's `events` option.
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
