import { localDateOf, periodRange, startOfLocalDay, type LocalDate } from '@spendline/ledger';
import { budgetsInForce, monthOf, setBudget, summarize, type BudgetUse } from '@spendline/spending';
import { builder } from '../builder.ts';
import { CategoryRef } from '../categories/categories.ts';
import { viewerLocale, type SignedInContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { asUuid } from '../ids.ts';
import { money, MoneyRef } from '../money.ts';
import { localDateOfColumn } from '../recurring/recurring-schedule.ts';
import { budgetUses, BudgetUseRef, type With } from '../summary/summary.ts';
import { amount, currency } from '../validators.ts';

/** The viewer's budgets in force in the month `day` falls in, with their use so far. */
async function budgetMonth(context: SignedInContext, day: LocalDate): Promise<With<BudgetUse>[]> {
  const { prisma, viewer } = context;
  const { user } = viewer;
  // Any instant inside the month picks it; `now` decides whether it is the current
  // month, the only one with a projection.
  const range = periodRange('MONTH', startOfLocalDay(monthOf(day), user.timeZone), user.timeZone);
  const [summary, categories] = await Promise.all([
    summarize(context.sql, { userId: user.id, range, now: context.now() }),
    prisma.category.findMany({ where: { userId: user.id } }),
  ]);
  return budgetUses(summary.budgets, user.locale, new Map(categories.map((c) => [c.id, c])));
}

const thisMonth = (context: SignedInContext): LocalDate =>
  monthOf(localDateOf(context.now(), context.viewer.user.timeZone));

builder.queryField('budgets', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: [BudgetUseRef],
    description:
      'Your budgets in force in a month (default: this month in your time zone), overall ' +
      'first, then by category name, with what is spent against each.',
    args: {
      month: t.arg({ type: 'Date', description: 'Any day of the month.' }),
    },
    resolve: (_root, args, context) => budgetMonth(context, args.month ?? thisMonth(context)),
  }),
);

const BudgetInput = builder.inputType('BudgetInput', {
  description:
    'A monthly limit for all your spending (no categoryId) or one category, in force from ' +
    'the month `from` falls in until it is set again.',
  fields: (t) => ({
    categoryId: t.globalID({ for: CategoryRef, description: 'null: the overall budget.' }),
    amountMinor: t.field({
      type: 'MinorUnits',
      required: true,
      validate: amount,
    }),
    currency: t.string({
      description: 'Defaults to your currency. Only spending in it counts against the budget.',
      validate: currency.nullish(),
    }),
    from: t.field({ type: 'Date', description: 'Any day of the first month; default this one.' }),
  }),
});

builder.mutationField('setBudget', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: BudgetUseRef,
    description:
      'Sets the overall or a category’s monthly budget from a month on (replacing the one ' +
      'in force), and returns its use in that month.',
    args: { input: t.arg({ type: BudgetInput, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: async (_root, { input }, context) => {
      const { user } = context.viewer;
      const from = input.from ?? thisMonth(context);
      const categoryId = input.categoryId ? asUuid(input.categoryId.id) : null;
      const budgetId = await context.sql.transaction((tx) =>
        setBudget(tx, {
          userId: user.id,
          categoryId,
          from,
          amountMinor: input.amountMinor,
          currency: input.currency ?? user.currency,
          timeZone: user.timeZone,
        }),
      );
      // The ledger refuses another user's category and an archived one alike.
      if (!budgetId) throw new NotFoundError('Category', input.categoryId?.id);
      // Read after the commit: the summary runs its statements side by side, which a
      // transaction's single connection would have to queue.
      const use = (await budgetMonth(context, from)).find((b) => b.budgetId === budgetId);
      if (!use) throw new Error(`budget ${budgetId} was changed again before it could be read`);
      return use;
    },
  }),
);

builder.mutationField('deleteBudget', (t) =>
  t.withAuth({ loggedIn: true }).boolean({
    description:
      'Ends the overall (no categoryId) or a category’s budget from a month on (default ' +
      'this one), changes already set for later months included; earlier months keep theirs. ' +
      'Works for an archived category too.',
    args: {
      categoryId: t.arg.globalID({ for: CategoryRef }),
      from: t.arg({ type: 'Date', description: 'Any day of the first month without it.' }),
    },
    errors: {
      types: [NotFoundError],
      directResult: false,
      dataField: {
        name: 'ended',
        description: 'True when a budget was in force that month; false when there was none.',
      },
    },
    resolve: async (_root, args, context) => {
      const { user } = context.viewer;
      const month = monthOf(args.from ?? thisMonth(context));
      const categoryId = args.categoryId ? asUuid(args.categoryId.id) : null;
      return context.sql.transaction(async (tx) => {
        const inForce = await budgetsInForce(tx, user.id, month);
        const ended = inForce.some((b) => b.category_id === categoryId);
        const budgetId = await setBudget(tx, {
          userId: user.id,
          categoryId,
          from: month,
          amountMinor: 0n,
          currency: user.currency,
          timeZone: user.timeZone,
        });
        if (!budgetId) throw new NotFoundError('Category', args.categoryId?.id);
        return ended;
      });
    },
  }),
);

builder.prismaObject('Budget', {
  name: 'BudgetChange',
  description: 'A budget set (or ended) from a month on: the history budgets(month) is read from.',
  authScopes: (budget) => ({ owner: budget.userId }),
  fields: (t) => ({
    category: t.relation('category', { nullable: true, description: 'null: the overall budget.' }),
    from: t.field({
      type: 'Date',
      description: 'The first day of the month it applies from.',
      resolve: (b) => localDateOfColumn(b.month),
    }),
    limit: t.field({
      type: MoneyRef,
      nullable: true,
      description: 'The monthly limit; null when this change ended the budget.',
      resolve: (b, _args, context) =>
        b.amountMinor > 0n ? money(b.amountMinor, b.currency, viewerLocale(context)) : null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryField('budgetChanges', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: ['Budget'],
    description:
      'Every budget you set or ended: overall first, then per category (oldest category ' +
      'first), each by month. What an export of your account holds.',
    resolve: (query, _root, _args, context) =>
      context.prisma.budget.findMany({
        ...query,
        where: { userId: context.viewer.user.id },
        orderBy: [{ categoryId: { sort: 'asc', nulls: 'first' } }, { month: 'asc' }],
      }),
  }),
);
