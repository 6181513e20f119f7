import { describe, expect, it } from 'vitest';
import {
  ExpenseAddedSubscription,
  ExpenseChangedSubscription,
  refreshOnExpenseEvents,
  type ExpenseNews,
  type SubscriptionClient,
} from './live-expenses.ts';

/** A client whose subscriptions the test feeds by hand. */
function fakeClient() {
  const sinks = new Map<unknown, (result: { data?: unknown }) => void>();
  const unsubscribed: unknown[] = [];
  const client: SubscriptionClient = {
    subscription: (query) => ({
      subscribe(sink) {
        sinks.set(query, sink);
        return { unsubscribe: () => unsubscribed.push(query) };
      },
    }),
  };
  const emit = (query: unknown, data: unknown) => sinks.get(query)?.({ data });
  return { client, emit, unsubscribed };
}

/** A refresh that stays open until the test lets it finish. */
function gatedRefresh() {
  const calls: ExpenseNews[] = [];
  const gates: (() => void)[] = [];
  const refresh = (news: ExpenseNews) => {
    calls.push(news);
    return new Promise<void>((resolve) => gates.push(resolve));
  };
  const finishOne = async () => {
    gates.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { calls, refresh, finishOne };
}

describe('refreshOnExpenseEvents', () => {
  it('refreshes after an added expense and after an edit or delete', async () => {
    const { client, emit } = fakeClient();
    const { calls, refresh, finishOne } = gatedRefresh();
    refreshOnExpenseEvents(client, refresh);
    emit(ExpenseAddedSubscription, { expenseAdded: { id: 'e1' } });
    await finishOne();
    emit(ExpenseChangedSubscription, { expenseChanged: { kind: 'DELETED', expenseId: 'e1' } });
    await finishOne();
    expect(calls).toEqual(['added', 'changed']);
  });

  it('folds events that arrive during a refresh into one more refresh', async () => {
    const { client, emit } = fakeClient();
    const { calls, refresh, finishOne } = gatedRefresh();
    refreshOnExpenseEvents(client, refresh);
    emit(ExpenseAddedSubscription, { expenseAdded: { id: 'e1' } });
    emit(ExpenseChangedSubscription, { expenseChanged: { kind: 'UPDATED', expenseId: 'e1' } });
    emit(ExpenseChangedSubscription, { expenseChanged: { kind: 'DELETED', expenseId: 'e1' } });
    expect(calls).toEqual(['added']);
    await finishOne();
    expect(calls).toEqual(['added', 'changed']);
    await finishOne();
    expect(calls).toHaveLength(2);
  });

  it('ignores results without data and stops listening when asked', () => {
    const { client, emit, unsubscribed } = fakeClient();
    const { calls, refresh } = gatedRefresh();
    const stop = refreshOnExpenseEvents(client, refresh);
    emit(ExpenseChangedSubscription, undefined);
    expect(calls).toEqual([]);
    stop();
    expect(unsubscribed).toEqual([ExpenseAddedSubscription, ExpenseChangedSubscription]);
  });

  it('keeps listening after a refresh fails', async () => {
    const { client, emit } = fakeClient();
    const calls: ExpenseNews[] = [];
    refreshOnExpenseEvents(client, (news) => {
      calls.push(news);
      return calls.length === 1 ? Promise.reject(new Error('api down')) : Promise.resolve();
    });
    emit(ExpenseAddedSubscription, { expenseAdded: { id: 'e1' } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    emit(ExpenseChangedSubscription, { expenseChanged: { kind: 'DELETED', expenseId: 'e1' } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(['added', 'changed']);
  });
});
