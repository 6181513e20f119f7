// Keeps a page in step with the viewer's expenses wherever they change: the web, another
// tab, a script, or the WhatsApp bot (added, edited, undone, restored).
import type { TypedDocumentNode } from '@urql/core';
import { graphql } from '../graphql/graphql.ts';

export const ExpenseAddedSubscription = graphql(`
  subscription ExpenseAdded {
    expenseAdded {
      id
    }
  }
`);

// Edits, deletes and restores made anywhere (another tab, the WhatsApp bot).
export const ExpenseChangedSubscription = graphql(`
  subscription ExpenseChanged {
    expenseChanged {
      kind
      expenseId
    }
  }
`);

/** What happened, for the page's status line. */
export type ExpenseNews = 'added' | 'changed';

/** The part of urql's client this needs (a fake in tests). */
export interface SubscriptionClient {
  subscription(
    query: TypedDocumentNode,
    variables: Record<string, never>,
  ): { subscribe(sink: (result: { data?: unknown }) => void): { unsubscribe(): void } };
}

/**
 * Runs `refresh` after each expense event, one at a time: events that arrive while a
 * refresh is running are folded into one more refresh after it, so a burst (an undo
 * of several, a bulk import) costs two queries rather than one per event.
 * Returns the function that stops listening.
 */
export function refreshOnExpenseEvents(
  client: SubscriptionClient,
  refresh: (news: ExpenseNews) => Promise<void>,
): () => void {
  let running = false;
  let pending: ExpenseNews | null = null;
  let stopped = false;

  const run = async (news: ExpenseNews) => {
    if (running) {
      pending = news;
      return;
    }
    running = true;
    try {
      let next: ExpenseNews | null = news;
      while (next && !stopped) {
        pending = null;
        await refresh(next).catch(() => {
          // A failed refresh leaves the last good numbers up; the next event retries.
        });
        next = pending;
      }
    } finally {
      running = false;
    }
  };

  const subscriptions = [
    client.subscription(ExpenseAddedSubscription, {}).subscribe((result) => {
      if (result.data) void run('added');
    }),
    client.subscription(ExpenseChangedSubscription, {}).subscribe((result) => {
      if (result.data) void run('changed');
    }),
  ];
  return () => {
    stopped = true;
    for (const subscription of subscriptions) subscription.unsubscribe();
  };
}
