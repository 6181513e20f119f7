import type { Category } from '@spendline/db';
import { chatTranslator } from '@spendline/i18n';
import { PERIODS, PeriodError, periodRange, weekStartOf, type DateSpan } from '@spendline/ledger';
import {
  summarize,
  type BudgetUse,
  type CategoryTotal,
  type CurrencyTotal,
  type DayTotal,
  type Summary,
} from '@spendline/spending';
import { GraphQLError } from 'graphql';
import { builder } from '../builder.ts';
import { CategoryRef } from '../categories/categories.ts';
import { money, MoneyRef } from '../money.ts';

const PeriodEnum = builder.enumType('Period', { values: PERIODS });

interface SummaryShape {
  summary: Summary;
  locale: string;
  /** The user's own currency, listed first. */
  currency: string;
  categories: Map<string, Category>;
}

export type With<T> = T & { locale: string; categories: Map<string, Category> };

const SpanRef = builder.objectRef<DateSpan>('DateSpan').implement({
  description: 'Whole local days: from..to inclusive, start..end as instants (end excluded).',
  fields: (t) => ({
    from: t.field({ type: 'Date', resolve: (s) => s.firstDay }),
    to: t.field({ type: 'Date', resolve: (s) => s.lastDay }),
    start: t.expose('start', { type: 'DateTime' }),
    end: t.expose('end', { type: 'DateTime' }),
  }),
});

interface TotalShape {
  current: CurrencyTotal;
  previous: CurrencyTotal | null;
  locale: string;
}

const CurrencyTotalRef = builder.objectRef<TotalShape>('CurrencyTotal').implement({
  fields: (t) => ({
    total: t.field({
      type: MoneyRef,
      resolve: ({ current, locale }) => money(current.totalMinor, current.currency, locale),
    }),
    count: t.int({ resolve: ({ current }) => current.count }),
    previousTotal: t.field({
      type: MoneyRef,
      description: 'The same currency in the previous period (zero when nothing was spent).',
      resolve: ({ current, previous, locale }) =>
        money(previous?.totalMinor ?? 0n, current.currency, locale),
    }),
    change: t.field({
      type: MoneyRef,
      description: 'This period minus the previous one.',
      resolve: ({ current, previous, locale }) =>
        money(current.totalMinor - (previous?.totalMinor ?? 0n), current.currency, locale),
    }),
    changeRatio: t.float({
      nullable: true,
      description: '(this - previous) / previous; null when nothing was spent before.',
      resolve: ({ current, previous }) => {
        if (!previous || previous.totalMinor === 0n) return null;
        const delta = current.totalMinor - previous.totalMinor;
        return Number((delta * 10_000n) / previous.totalMinor) / 10_000;
      },
    }),
  }),
});

const CategoryShareRef = builder.objectRef<With<CategoryTotal>>('CategoryTotal').implement({
  fields: (t) => ({
    category: t.field({
      type: CategoryRef,
      nullable: true,
      description: 'null for entries without a category.',
      resolve: (c) => (c.categoryId ? (c.categories.get(c.categoryId) ?? null) : null),
    }),
    name: t.string({ resolve: (c) => c.name ?? chatTranslator(c.locale)('uncategorised') }),
    total: t.field({
      type: MoneyRef,
      resolve: (c) => money(c.totalMinor, c.currency, c.locale),
    }),
    count: t.exposeInt('count'),
    share: t.exposeFloat('share', { description: 'Part of the currency’s total, 0..1.' }),
  }),
});

const DayTotalRef = builder.objectRef<With<DayTotal>>('DayTotal').implement({
  fields: (t) => ({
    date: t.field({ type: 'Date', resolve: (d) => d.date }),
    total: t.field({ type: MoneyRef, resolve: (d) => money(d.totalMinor, d.currency, d.locale) }),
    count: t.exposeInt('count'),
  }),
});

export const BudgetUseRef = builder.objectRef<With<BudgetUse>>('BudgetUse').implement({
  fields: (t) => ({
    category: t.field({
      type: CategoryRef,
      nullable: true,
      description: 'null for the overall budget.',
      resolve: (b) => (b.categoryId ? (b.categories.get(b.categoryId) ?? null) : null),
    }),
    limit: t.field({ type: MoneyRef, resolve: (b) => money(b.limitMinor, b.currency, b.locale) }),
    spent: t.field({ type: MoneyRef, resolve: (b) => money(b.spentMinor, b.currency, b.locale) }),
    remaining: t.field({
      type: MoneyRef,
      resolve: (b) => money(b.limitMinor - b.spentMinor, b.currency, b.locale),
    }),
    used: t.exposeFloat('used', { description: 'spent / limit; above 1 when overspent.' }),
    projected: t.field({
      type: MoneyRef,
      nullable: true,
      description:
        'Where spending ends the month at the pace so far (spent, scaled from the days gone, ' +
        'today included, to the whole month); null unless the month is the current one.',
      resolve: (b) =>
        b.projectedMinor === null ? null : money(b.projectedMinor, b.currency, b.locale),
    }),
  }),
});

/** Overall first, then the categories by name: the order people read budgets in. */
export function budgetUses(
  budgets: BudgetUse[],
  locale: string,
  categories: Map<string, Category>,
): With<BudgetUse>[] {
  const name = (b: BudgetUse) => (b.categoryId ? (categories.get(b.categoryId)?.name ?? '') : '');
  return budgets
    .map((b) => ({ ...b, locale, categories }))
    .sort(
      (a, b) =>
        Number(a.categoryId !== null) - Number(b.categoryId !== null) ||
        name(a).localeCompare(name(b)),
    );
}

const SummaryRef = builder.objectRef<SummaryShape>('Summary').implement({
  fields: (t) => ({
    period: t.field({ type: PeriodEnum, resolve: (s) => s.summary.range.period }),
    timeZone: t.string({ resolve: (s) => s.summary.range.timeZone }),
    range: t.field({ type: SpanRef, resolve: (s) => s.summary.range }),
    previousRange: t.field({ type: SpanRef, resolve: (s) => s.summary.range.previous }),
    totals: t.field({
      type: [CurrencyTotalRef],
      description:
        'Spending per currency (income and deleted entries excluded), with the previous period.',
      resolve: ({ summary, locale, currency: home }) => {
        const previous = new Map(summary.previousTotals.map((p) => [p.currency, p]));
        const currencies = new Set(
          [...summary.totals, ...summary.previousTotals]
            .map((c) => c.currency)
            .sort((a, b) => Number(b === home) - Number(a === home) || a.localeCompare(b)),
        );
        return [...currencies].map((currency) => ({
          current: summary.totals.find((c) => c.currency === currency) ?? {
            currency,
            totalMinor: 0n,
            count: 0,
          },
          previous: previous.get(currency) ?? null,
          locale,
        }));
      },
    }),
    income: t.field({
      type: [MoneyRef],
      description: 'Income per currency over the period; empty when none came in.',
      resolve: ({ summary, locale }) =>
        summary.income.map((i) => money(i.totalMinor, i.currency, locale)),
    }),
    net: t.field({
      type: [MoneyRef],
      description:
        'Income minus spending per currency that had income; empty when none came in ' +
        '(spending alone is in totals).',
      resolve: ({ summary, locale }) =>
        summary.income.map((i) => {
          const spent = summary.totals.find((t) => t.currency === i.currency)?.totalMinor ?? 0n;
          return money(i.totalMinor - spent, i.currency, locale);
        }),
    }),
    categories: t.field({
      type: [CategoryShareRef],
      resolve: ({ summary, locale, categories }) =>
        summary.categories.map((c) => ({ ...c, locale, categories })),
    }),
    days: t.field({
      type: [DayTotalRef],
      description: 'Every local day of the period, per currency, zeros included.',
      resolve: ({ summary, locale, categories }) =>
        summary.days.map((d) => ({ ...d, locale, categories })),
    }),
    budgets: t.field({
      type: [BudgetUseRef],
      description: 'For a MONTH period: the budgets in force and how much of each is used.',
      resolve: ({ summary, locale, categories }) => budgetUses(summary.budgets, locale, categories),
    }),
  }),
});

builder.queryField('summary', (t) =>
  t.withAuth({ loggedIn: true }).field({
    type: SummaryRef,
    description:
      'Totals for a period in your time zone: TODAY, WEEK (from your first day of the week, ' +
      'User.weekStartsOn), MONTH, YEAR, or CUSTOM ' +
      'from..to (dates, inclusive). Computed in SQL.',
    args: {
      period: t.arg({ type: PeriodEnum, required: true }),
      from: t.arg({ type: 'Date' }),
      to: t.arg({ type: 'Date' }),
    },
    resolve: async (_root, args, context) => {
      const { user } = context.viewer;
      let range;
      try {
        range = periodRange(args.period, context.now(), user.timeZone, {
          from: args.from,
          to: args.to,
          weekStartsOn: weekStartOf(user),
        });
      } catch (error) {
        if (!(error instanceof PeriodError)) throw error;
        throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
      }
      // A user has a handful of categories: reading them all beside the sums saves a
      // round trip after them.
      const [summary, rows] = await Promise.all([
        summarize(context.sql, { userId: user.id, range, now: context.now() }),
        context.prisma.category.findMany({ where: { userId: user.id } }),
      ]);
      return {
        summary,
        locale: user.locale,
        currency: user.currency,
        categories: new Map(rows.map((c) => [c.id, c])),
      };
    },
  }),
);
