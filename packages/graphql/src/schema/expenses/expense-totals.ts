// What the entries under a filter add up to, per currency: the expenses page shows it
// above the list, so the number is the whole filter's, summed in SQL, never one page's.
import { sql } from '@spendline/db';
import { builder } from '../builder.ts';
import { ExpenseFilter, filterFor } from './expenses.ts';
import { money, MoneyRef } from '../money.ts';

interface FilterTotal {
  currency: string;
  spentMinor: bigint;
  receivedMinor: bigint;
  count: number;
  locale: string;
}

const FilterTotalRef = builder.objectRef<FilterTotal>('ExpenseFilterTotal').implement({
  description: 'The entries of one currency that match a filter, added up.',
  fields: (t) => ({
    currency: t.exposeString('currency'),
    spent: t.field({
      type: MoneyRef,
      description: 'The expenses among them.',
      resolve: (row) => money(row.spentMinor, row.currency, row.locale),
    }),
    received: t.field({
      type: MoneyRef,
      description: 'The income among them.',
      resolve: (row) => money(row.receivedMinor, row.currency, row.locale),
    }),
    count: t.exposeInt('count', { description: 'How many entries, of either kind.' }),
  }),
});

builder.queryField('expenseTotals', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: [FilterTotalRef],
    description:
      'Totals of every entry matching the filter (the same filter as `expenses`, all pages), ' +
      'one per currency, your own currency first.',
    args: { filter: t.arg({ type: ExpenseFilter }) },
    resolve: async (_root, args, context) => {
      const { user } = context.viewer;
      const rows = await context.sql.rows<Omit<FilterTotal, 'locale'>>(sql`
        SELECT e.currency,
               coalesce(sum(e.amount_minor) FILTER (WHERE e.kind = 'EXPENSE'), 0)::bigint AS "spentMinor",
               coalesce(sum(e.amount_minor) FILTER (WHERE e.kind = 'INCOME'), 0)::bigint AS "receivedMinor",
               count(*)::int AS count
          FROM expenses e
         WHERE ${filterFor(context, args.filter)}
         GROUP BY e.currency
         ORDER BY e.currency = ${user.currency} DESC, e.currency`);
      return rows.map((row) => ({ ...row, locale: user.locale }));
    },
  }),
);
