import { encodeGlobalID } from '@pothos/plugin-relay';
import { ExpenseKind, RecurrenceFrequency, type RecurringExpense } from '@spendline/db';
import {
  describeRecurrence,
  firstRun,
  localDateOf,
  normalizeRecurrence,
  RecurrenceError,
  type Recurrence,
} from '@spendline/ledger';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { CategoryRef } from '../categories/categories.ts';
import { viewerLocale, type GraphQLContext, type SignedInContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { ownCategory } from '../expenses/expenses.ts';
import { amount, currency, note } from '../validators.ts';
import { ownedWhere } from '../ids.ts';
import { money, MoneyRef } from '../money.ts';
import {
  dateColumn,
  localDateOfColumn,
  nextRunFromToday,
  recurrenceOf,
} from './recurring-schedule.ts';

builder.enumType(RecurrenceFrequency, { name: 'RecurrenceFrequency' });

const timeZone = (context: GraphQLContext) => context.viewer?.user.timeZone ?? 'UTC';
/** What the scheduler will do next: nothing while paused, nothing once ended. */
const pendingRun = (rule: RecurringExpense) => (rule.pausedAt ? null : rule.nextRunAt);

export const RecurringExpenseRef = builder.prismaNode('RecurringExpense', {
  id: { field: 'id' },
  findUnique: (id, context) => ownedWhere(context, id),
  nullable: true,
  authScopes: (rule) => ({ owner: rule.userId }),
  description:
    'An expense (or income) recorded by itself on a schedule, at 09:00 in your time zone ' +
    'on each day it falls on.',
  fields: (t) => ({
    kind: t.expose('kind', { type: ExpenseKind }),
    amount: t.field({
      type: MoneyRef,
      resolve: (r, _args, context) => money(r.amountMinor, r.currency, viewerLocale(context)),
    }),
    category: t.relation('category', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    frequency: t.expose('frequency', { type: RecurrenceFrequency }),
    interval: t.exposeInt('interval', { description: 'Every `interval` days, weeks, ...' }),
    dayOfMonth: t.exposeInt('dayOfMonth', {
      nullable: true,
      description: 'MONTHLY and YEARLY: 1-31; a shorter month uses its last day.',
    }),
    dayOfWeek: t.exposeInt('dayOfWeek', {
      nullable: true,
      description: 'WEEKLY: ISO weekday, 1 Monday ... 7 Sunday.',
    }),
    monthOfYear: t.exposeInt('monthOfYear', { nullable: true, description: 'YEARLY: 1-12.' }),
    startsOn: t.field({ type: 'Date', resolve: (r) => localDateOfColumn(r.startsOn) }),
    endsOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'The last day it may fall on; null: for good.',
      resolve: (r) => r.endsOn && localDateOfColumn(r.endsOn),
    }),
    description: t.string({
      description: 'The schedule in words, e.g. "every month on the 1st".',
      resolve: (r, _args, context) => describeRecurrence(recurrenceOf(r), viewerLocale(context)),
    }),
    paused: t.boolean({ resolve: (r) => r.pausedAt !== null }),
    pausedAt: t.expose('pausedAt', { type: 'DateTime', nullable: true }),
    ended: t.boolean({
      description: 'No day is left to record (past endsOn). Editing the schedule can revive it.',
      resolve: (r) => r.pausedAt === null && r.nextRunAt === null,
    }),
    nextRun: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When the next occurrence is recorded; null while paused and once ended. Resuming ' +
        'schedules it from that day on: what fell due while paused is not recorded.',
      resolve: pendingRun,
    }),
    nextRunOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'The day of nextRun in your time zone.',
      resolve: (r, _args, context) => {
        const next = pendingRun(r);
        return next && localDateOf(next, timeZone(context));
      },
    }),
    lastRun: t.expose('lastRunAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it last recorded something.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expenses: t.relatedConnection(
      'expenses',
      {
        cursor: 'id',
        defaultSize: 20,
        maxSize: 200,
        description: 'The entries it recorded, newest first (deleted ones left out).',
        query: () => ({
          where: { deletedAt: null },
          orderBy: [{ occurredAt: 'desc' as const }, { id: 'desc' as const }],
        }),
      },
      { name: 'RecurringExpenseExpenseConnection' },
      { name: 'RecurringExpenseExpenseEdge' },
    ),
  }),
});

builder.queryField('recurringExpenses', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: ['RecurringExpense'],
    description: 'Your recurring expenses: soonest next run first, then ended, then paused ones.',
    resolve: (query, _root, _args, context) =>
      context.prisma.recurringExpense.findMany({
        ...query,
        where: { userId: context.viewer.user.id },
        orderBy: [
          { pausedAt: { sort: 'asc', nulls: 'first' } },
          { nextRunAt: { sort: 'asc', nulls: 'last' } },
          { createdAt: 'asc' },
        ],
      }),
  }),
);

// Input ranges are checked here so each problem names its field; normalizeRecurrence
// then checks the rule as a whole.
const range = (
  min: number,
  max: number,
  message = `must be a whole number from ${min} to ${max}`,
) => z.number().int(message).min(min, message).max(max, message);
const interval = range(1, 366);
const dayOfMonth = range(1, 31);
const dayOfWeek = range(1, 7, 'must be from 1 (Monday) to 7 (Sunday)');
const monthOfYear = range(1, 12);
const day = z
  .string()
  .refine((d) => d >= '1970-01-01' && d < '2100-01-01', 'must be between 1970 and 2099');

const SCHEDULE_HELP = {
  dayOfMonth: 'MONTHLY and YEARLY: 1-31 (default: startsOn’s day); ignored otherwise.',
  dayOfWeek: 'WEEKLY: 1 Monday ... 7 Sunday (default: startsOn’s weekday); ignored otherwise.',
  monthOfYear: 'YEARLY: 1-12 (default: startsOn’s month); ignored otherwise.',
  startsOn: 'Default today in your time zone. Days before today are never recorded.',
  endsOn: 'The last day it may fall on; null: for good.',
};

const NewRecurringExpense = builder.inputType('NewRecurringExpense', {
  fields: (t) => ({
    amountMinor: t.field({ type: 'MinorUnits', required: true, validate: amount }),
    currency: t.string({ description: 'Defaults to your currency.', validate: currency.nullish() }),
    kind: t.field({ type: ExpenseKind, defaultValue: 'EXPENSE' }),
    categoryId: t.globalID({ for: CategoryRef }),
    note: t.string({ validate: note.nullish() }),
    frequency: t.field({ type: RecurrenceFrequency, required: true }),
    interval: t.int({ defaultValue: 1, validate: interval.nullish() }),
    dayOfMonth: t.int({ description: SCHEDULE_HELP.dayOfMonth, validate: dayOfMonth.nullish() }),
    dayOfWeek: t.int({ description: SCHEDULE_HELP.dayOfWeek, validate: dayOfWeek.nullish() }),
    monthOfYear: t.int({ description: SCHEDULE_HELP.monthOfYear, validate: monthOfYear.nullish() }),
    startsOn: t.field({
      type: 'Date',
      description: SCHEDULE_HELP.startsOn,
      validate: day.nullish(),
    }),
    endsOn: t.field({ type: 'Date', description: SCHEDULE_HELP.endsOn, validate: day.nullish() }),
  }),
});

const RecurringExpensePatch = builder.inputType('RecurringExpensePatch', {
  description:
    'Only the fields given change; null clears note, category and endsOn, and sets a day ' +
    'field back to its default. A changed schedule runs next on its first day from today ' +
    'on that was not recorded yet.',
  fields: (t) => ({
    amountMinor: t.field({ type: 'MinorUnits', validate: amount.nullish() }),
    currency: t.string({ validate: currency.nullish() }),
    kind: t.field({ type: ExpenseKind }),
    categoryId: t.globalID({ for: CategoryRef }),
    note: t.string({ validate: note.nullish() }),
    frequency: t.field({ type: RecurrenceFrequency }),
    interval: t.int({ validate: interval.nullish() }),
    dayOfMonth: t.int({ description: SCHEDULE_HELP.dayOfMonth, validate: dayOfMonth.nullish() }),
    dayOfWeek: t.int({ description: SCHEDULE_HELP.dayOfWeek, validate: dayOfWeek.nullish() }),
    monthOfYear: t.int({ description: SCHEDULE_HELP.monthOfYear, validate: monthOfYear.nullish() }),
    startsOn: t.field({ type: 'Date', validate: day.nullish() }),
    endsOn: t.field({ type: 'Date', description: SCHEDULE_HELP.endsOn, validate: day.nullish() }),
  }),
});

/** The rule with its defaults spelt out (stored so, as the bot does), or a ValidationError. */
function checked(rule: Recurrence): Required<Recurrence> {
  try {
    return normalizeRecurrence(rule);
  } catch (error) {
    if (!(error instanceof RecurrenceError)) throw error;
    const field = /\bend/.test(error.message) ? ['endsOn'] : [];
    throw new ValidationError([{ path: ['input', ...field], message: error.message }]);
  }
}

const scheduleColumns = (rule: Required<Recurrence>) => ({
  frequency: rule.frequency,
  interval: rule.interval,
  dayOfMonth: rule.dayOfMonth,
  dayOfWeek: rule.dayOfWeek,
  monthOfYear: rule.monthOfYear,
  startsOn: dateColumn(rule.startsOn),
  endsOn: rule.endsOn === null ? null : dateColumn(rule.endsOn),
});

builder.mutationField('createRecurringExpense', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: 'RecurringExpense',
    description: 'Saves a rule; its first run is its first day from today (or startsOn) on.',
    args: { input: t.arg({ type: NewRecurringExpense, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: async (query, _root, { input }, context) => {
      const { user } = context.viewer;
      const rule = checked({
        frequency: input.frequency,
        interval: input.interval ?? 1,
        dayOfMonth: input.dayOfMonth,
        dayOfWeek: input.dayOfWeek,
        monthOfYear: input.monthOfYear,
        startsOn: input.startsOn ?? localDateOf(context.now(), user.timeZone),
        endsOn: input.endsOn,
      });
      const first = firstRun(rule, context.now(), user.timeZone);
      if (!first) throw ValidationError.field('endsOn', 'it ends before it would first run');
      const categoryId = (await ownCategory(context, input.categoryId)) ?? null;
      return context.prisma.recurringExpense.create({
        ...query,
        data: {
          userId: user.id,
          kind: input.kind ?? 'EXPENSE',
          amountMinor: input.amountMinor,
          currency: input.currency ?? user.currency,
          categoryId,
          note: input.note || null,
          ...scheduleColumns(rule),
          nextRunAt: first.at,
        },
      });
    },
  }),
);

type Tx = Parameters<Parameters<GraphQLContext['prisma']['$transaction']>[0]>[0];

/**
 * One of the viewer's rules, locked until the transaction ends: a scheduler recording it
 * finishes first, so its last run is known before the next one is worked out.
 */
async function lockedRule(tx: Tx, context: SignedInContext, id: string) {
  const where = ownedWhere(context, id);
  await tx.$queryRaw`SELECT id FROM recurring_expenses
    WHERE id = ${where.id}::uuid AND user_id = ${where.userId}::uuid FOR UPDATE`;
  const rule = await tx.recurringExpense.findFirst({ where });
  if (!rule) throw new NotFoundError('Recurring expense', id);
  return rule;
}

const skipNull = <T>(value: T | null | undefined) => (value === null ? undefined : value);
const patched = <T>(value: T | null | undefined, current: T | null) =>
  value === undefined ? current : value;

builder.mutationField('updateRecurringExpense', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: 'RecurringExpense',
    args: {
      id: t.arg.globalID({ required: true, for: RecurringExpenseRef }),
      input: t.arg({ type: RecurringExpensePatch, required: true }),
    },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: async (query, _root, { id, input }, context) => {
      const categoryId = await ownCategory(context, input.categoryId);
      const { id: ruleId } = await context.prisma.$transaction(async (tx) => {
        const row = await lockedRule(tx, context, id.id);
        const before = checked(recurrenceOf(row));
        const after = checked({
          frequency: input.frequency ?? before.frequency,
          interval: input.interval ?? before.interval,
          dayOfMonth: patched(input.dayOfMonth, row.dayOfMonth),
          dayOfWeek: patched(input.dayOfWeek, row.dayOfWeek),
          monthOfYear: patched(input.monthOfYear, row.monthOfYear),
          startsOn: input.startsOn ?? before.startsOn,
          endsOn: patched(input.endsOn, before.endsOn),
        });
        // Sending the schedule unchanged (a form does) keeps the pending run, and with
        // it any days still to catch up after downtime.
        const moved = JSON.stringify(after) !== JSON.stringify(before);
        const { timeZone } = context.viewer.user;
        const next = moved && nextRunFromToday(after, row.lastRunAt, context.now(), timeZone);
        return tx.recurringExpense.update({
          where: { id: row.id },
          select: { id: true },
          data: {
            amountMinor: skipNull(input.amountMinor),
            currency: skipNull(input.currency),
            kind: skipNull(input.kind),
            note: input.note === undefined ? undefined : input.note || null,
            categoryId,
            ...scheduleColumns(after),
            ...(moved ? { nextRunAt: next ? next.at : null } : {}),
          },
        });
      });
      return context.prisma.recurringExpense.findUniqueOrThrow({ ...query, where: { id: ruleId } });
    },
  }),
);

builder.mutationField('pauseRecurringExpense', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: 'RecurringExpense',
    description: 'Stops recording it until resumed. Pausing a paused rule changes nothing.',
    args: { id: t.arg.globalID({ required: true, for: RecurringExpenseRef }) },
    errors: { types: [NotFoundError] },
    resolve: async (query, _root, { id }, context) => {
      const where = ownedWhere(context, id.id);
      await context.prisma.recurringExpense.updateMany({
        where: { ...where, pausedAt: null },
        data: { pausedAt: context.now() },
      });
      const rule = await context.prisma.recurringExpense.findFirst({ ...query, where });
      if (!rule) throw new NotFoundError('Recurring expense', id.id);
      return rule;
    },
  }),
);

builder.mutationField('resumeRecurringExpense', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: 'RecurringExpense',
    description:
      'Records it again from its first day from today on. Days that fell due while it was ' +
      'paused are not caught up.',
    args: { id: t.arg.globalID({ required: true, for: RecurringExpenseRef }) },
    errors: { types: [NotFoundError] },
    resolve: async (query, _root, { id }, context) => {
      const ruleId = await context.prisma.$transaction(async (tx) => {
        const row = await lockedRule(tx, context, id.id);
        if (row.pausedAt === null) return row.id;
        const { timeZone } = context.viewer.user;
        const next = nextRunFromToday(recurrenceOf(row), row.lastRunAt, context.now(), timeZone);
        await tx.recurringExpense.update({
          where: { id: row.id },
          data: { pausedAt: null, nextRunAt: next ? next.at : null },
        });
        return row.id;
      });
      return context.prisma.recurringExpense.findUniqueOrThrow({ ...query, where: { id: ruleId } });
    },
  }),
);

builder.mutationField('deleteRecurringExpense', (t) =>
  t.withAuth({ loggedIn: true }).id({
    description: 'Deletes the rule. The entries it recorded stay, as ordinary expenses.',
    args: { id: t.arg.globalID({ required: true, for: RecurringExpenseRef }) },
    errors: {
      types: [NotFoundError],
      directResult: false,
      dataField: { name: 'deletedId', description: 'The id of the rule deleted.' },
    },
    resolve: async (_root, { id }, context) => {
      const where = ownedWhere(context, id.id);
      const { count } = await context.prisma.recurringExpense.deleteMany({ where });
      if (count === 0) throw new NotFoundError('Recurring expense', id.id);
      return encodeGlobalID('RecurringExpense', where.id);
    },
  }),
);
