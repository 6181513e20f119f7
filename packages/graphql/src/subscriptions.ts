import { filter, pipe } from 'graphql-yoga';
import { builder } from './builder.ts';
import { ExpenseRef } from './expenses.ts';

builder.subscriptionType();

builder.subscriptionField('expenseAdded', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: ExpenseRef,
    nullable: true,
    description:
      'Each expense you add, from any source (WhatsApp, web, API), as it is saved: over SSE ' +
      '(Accept: text/event-stream). Null if it was deleted before it could be sent.',
    // The stream also carries edits ("changed"); this field only announces new entries.
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
