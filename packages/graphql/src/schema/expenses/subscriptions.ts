import { encodeGlobalID } from '@pothos/plugin-relay';
import { filter, map, pipe } from 'graphql-yoga';
import { builder } from '../builder.ts';
import { ExpenseRef } from './expenses.ts';
import type { ExpenseAddedEvent } from '@spendline/entries';

builder.subscriptionType();

builder.subscriptionField('expenseAdded', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: ExpenseRef,
    nullable: true,
    description:
      'Each expense you add, from any source (WhatsApp, web, API), as it is saved: over SSE ' +
      '(Accept: text/event-stream). Null if it was deleted before it could be sent.',
    // The stream also carries edits (expenseChanged); this field only announces new entries.
    subscribe: (_root, _args, context) =>
      pipe(
        context.events.subscribe(context.viewer.user.id),
        filter((event) => (event.kind ?? 'added') === 'added'),
      ),
    resolve: (event, _args, context) =>
      context.prisma.expense.findFirst({
        where: { id: event.expenseId, userId: context.viewer.user.id },
      }),
  }),
);

type ChangeKind = 'UPDATED' | 'DELETED' | 'RESTORED';
const CHANGE_KINDS = { updated: 'UPDATED', deleted: 'DELETED', restored: 'RESTORED' } as const;

const ExpenseChangeKind = builder.enumType('ExpenseChangeKind', {
  values: {
    UPDATED: { description: 'Edited (amount, date, note, category...).' },
    DELETED: { description: 'Moved to the bin; restoreExpense brings it back.' },
    RESTORED: { description: 'Brought back from the bin.' },
  } as const,
});

const ExpenseChangeRef = builder.objectRef<ExpenseChange>('ExpenseChange').implement({
  fields: (t) => ({
    kind: t.expose('kind', { type: ExpenseChangeKind }),
    expenseId: t.id({
      description: 'The expense’s global id, even when the expense itself is gone.',
      resolve: (change) => encodeGlobalID('Expense', change.expenseId),
    }),
    expense: t.field({
      type: ExpenseRef,
      nullable: true,
      description: 'As it is now (deleted ones included); null if it no longer exists.',
      resolve: (change, _args, context) =>
        context.prisma.expense.findFirst({
          where: { id: change.expenseId, userId: context.viewer?.user.id ?? '' },
        }),
    }),
  }),
});

interface ExpenseChange {
  kind: ChangeKind;
  expenseId: string;
}

function asChange(event: ExpenseAddedEvent): ExpenseChange | null {
  const kind = event.kind && event.kind !== 'added' ? CHANGE_KINDS[event.kind] : null;
  return kind ? { kind, expenseId: event.expenseId } : null;
}

builder.subscriptionField('expenseChanged', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: ExpenseChangeRef,
    description:
      'Each edit, delete and restore of your expenses, from any source, as it is saved: over ' +
      'SSE. New expenses come through expenseAdded.',
    subscribe: (_root, _args, context) =>
      pipe(
        context.events.subscribe(context.viewer.user.id),
        map(asChange),
        filter((change): change is ExpenseChange => change !== null),
      ),
    resolve: (change) => change,
  }),
);
