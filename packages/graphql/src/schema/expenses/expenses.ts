import {
  categoryColumns,
  categoryFromRow,
  expenseColumns,
  ExpenseKind,
  ExpenseSource,
  sql,
  type Category,
  type Expense,
  type Prisma,
  type Queries,
} from '@spendline/db';
import { guardSharedEntries } from '@spendline/books';
import {
  afterCommit,
  deleteEntries,
  postgresAttachments,
  recordEntries,
  restoreEntries,
  updateEntry,
} from '@spendline/entries';
import { localDateOf } from '@spendline/ledger';
import { z } from 'zod';
import { amount, currency, note } from '../validators.ts';
import { builder } from '../builder.ts';
import { CategoryRef } from '../categories/categories.ts';
import { loadCategory } from '../categories/category-loader.ts';
import { viewerLocale, type SignedInContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import {
  expenseFilterSql,
  expensePageSql,
  type ExpenseFilterInput,
  type ExpenseOrder,
  type PageWindow,
} from './expense-filters.ts';
import { asUuid, ownedWhere } from '../ids.ts';
import { entryChangeError, MemberGoneError } from '../books/book-errors.ts';
import { idForRequestKey, isUniqueViolation } from './request-key.ts';
import { money, MoneyRef } from '../money.ts';

builder.enumType(ExpenseKind, { name: 'ExpenseKind' });
builder.enumType(ExpenseSource, {
  name: 'ExpenseSource',
  description: 'Where an entry came from.',
});
const ExpenseStatus = builder.enumType('ExpenseStatus', {
  values: ['ACTIVE', 'DELETED', 'ALL'] as const,
  description: 'ACTIVE hides soft-deleted entries; DELETED shows only those (the undo bin).',
});
const ExpenseOrderField = builder.enumType('ExpenseOrderField', {
  values: ['OCCURRED_AT', 'AMOUNT', 'CREATED_AT'] as const,
});
const SortDirection = builder.enumType('SortDirection', { values: ['ASC', 'DESC'] as const });

export const ExpenseRef = builder.prismaNode('Expense', {
  id: { field: 'id' },
  findUnique: (id, context) => ownedWhere(context, id),
  nullable: true,
  authScopes: (expense) => ({ owner: expense.userId }),
  fields: (t) => ({
    kind: t.expose('kind', { type: ExpenseKind }),
    amount: t.field({
      type: MoneyRef,
      resolve: (e, _args, context) => money(e.amountMinor, e.currency, viewerLocale(context)),
    }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    localDate: t.field({
      type: 'Date',
      description: 'The day it happened in the user’s time zone.',
      resolve: (e, _args, context) =>
        localDateOf(e.occurredAt, context.viewer?.user.timeZone ?? 'UTC'),
    }),
    note: t.exposeString('note', { nullable: true }),
    // A plain field rather than the ORM's relation: the page joins the category into its
    // rows already, and the relation's per-row bookkeeping made it the costliest field of
    // a page. Rows read without their category load it in one batch.
    category: t.field({
      type: CategoryRef,
      nullable: true,
      resolve: (e, _args, context) => {
        const { category } = e as { category?: Category | null };
        if (category !== undefined) return category;
        return e.categoryId ? loadCategory(context, e.categoryId) : null;
      },
    }),
    source: t.expose('source', { type: ExpenseSource }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    deletedAt: t.expose('deletedAt', { type: 'DateTime', nullable: true }),
  }),
});

export const ExpenseFilter = builder.inputType('ExpenseFilter', {
  fields: (t) => ({
    from: t.field({ type: 'DateTime', description: 'Occurred at or after this instant.' }),
    to: t.field({ type: 'DateTime', description: 'Occurred before this instant.' }),
    fromDate: t.field({ type: 'Date', description: 'From this local date (user’s zone).' }),
    toDate: t.field({ type: 'Date', description: 'To this local date, inclusive.' }),
    categoryIds: t.globalIDList({ for: CategoryRef }),
    uncategorized: t.boolean({ description: 'Include entries without a category.' }),
    search: t.string({
      description: 'Text the note contains, any case.',
      validate: z.string().max(100).nullish(),
    }),
    sources: t.field({ type: [ExpenseSource] }),
    kinds: t.field({ type: [ExpenseKind] }),
    currency: t.string(),
    minAmountMinor: t.field({ type: 'MinorUnits' }),
    maxAmountMinor: t.field({ type: 'MinorUnits' }),
    status: t.field({ type: ExpenseStatus, defaultValue: 'ACTIVE' }),
  }),
});

const ExpenseOrder = builder.inputType('ExpenseOrder', {
  fields: (t) => ({
    field: t.field({ type: ExpenseOrderField, defaultValue: 'OCCURRED_AT', required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'DESC', required: true }),
  }),
});

builder.queryField('expenses', (t) =>
  t.withAuth({ loggedIn: true }).prismaConnection(
    {
      type: 'Expense',
      cursor: 'id',
      defaultSize: 50,
      maxSize: 200,
      args: {
        filter: t.arg({ type: ExpenseFilter }),
        orderBy: t.arg({ type: ExpenseOrder }),
      },
      totalCount: async (_parent, args, context) => {
        const [row] = await context.sql.rows<{ count: number }>(sql`
          SELECT count(*)::int AS count FROM expenses e WHERE ${filterFor(context, args.filter)}`);
        return row?.count ?? 0;
      },
      resolve: (query, _root, args, context) =>
        expensePage(context, query, filterFor(context, args.filter), args.orderBy ?? {}),
    },
    { name: 'ExpenseConnection' },
    { name: 'ExpenseEdge' },
  ),
);

type ExpenseQuery = Omit<PageWindow, 'cursor'> & Omit<Prisma.ExpenseFindManyArgs, 'take' | 'skip'>;
type ExpenseRow = Expense & Record<string, unknown>;
const CATEGORY_PREFIX = 'category.';

/**
 * One page of the viewer's entries with their categories, in one query: the page and a
 * join are cheaper than the ORM's query and a relation load. Anything a selection asks
 * of a category beyond its columns (its counts, its entries) is loaded by its own field.
 */
async function expensePage(
  context: SignedInContext,
  { take, skip, cursor }: ExpenseQuery,
  filter: Prisma.Sql,
  order: ExpenseOrder,
): Promise<(Expense & { category: Category | null })[]> {
  const window = { take, skip, cursor: cursor && { id: asUuid(cursor.id ?? '') } };
  const page = expensePageSql(context.viewer.user.id, order, window);
  const rows = await context.sql.rows<ExpenseRow>(sql`
    SELECT ${pageColumns}
      FROM expenses e LEFT JOIN categories c ON c.id = e.category_id
     WHERE ${filter} ${page.after}
     ${page.orderLimit}`);
  if (page.backward) rows.reverse();
  return rows.map(withCategory);
}

// Built once: the select list is the same for every page.
const pageColumns = sql`${expenseColumns('e')}, ${categoryColumns('c', CATEGORY_PREFIX)}`;

/** A page row as the Expense it holds, with its category (or null) beside it. */
function withCategory(row: ExpenseRow): Expense & { category: Category | null } {
  const expense: Record<string, unknown> = { category: categoryFromRow(row, CATEGORY_PREFIX) };
  for (const key in row) if (!key.startsWith(CATEGORY_PREFIX)) expense[key] = row[key];
  return expense as Expense & { category: Category | null };
}

export type FilterArg = Omit<ExpenseFilterInput, 'categoryIds'> & {
  categoryIds?: { id: string }[] | null;
};

export function filterFor(context: SignedInContext, filter: FilterArg | null | undefined) {
  const { user } = context.viewer;
  return expenseFilterSql(user.id, user.timeZone, {
    ...filter,
    categoryIds: filter?.categoryIds?.map((c) => asUuid(c.id)) ?? null,
  });
}

builder.queryField('expense', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: 'Expense',
    nullable: true,
    description: 'One of your entries by id, deleted ones included (for undo).',
    args: { id: t.arg.globalID({ required: true, for: ExpenseRef }) },
    resolve: (query, _root, { id }, context) =>
      context.prisma.expense.findFirst({ ...query, where: ownedWhere(context, id.id) }),
  }),
);

// Far enough back for imports, and not so far ahead that a typo in the year slips in.
const occurredAt = z
  .date()
  .min(new Date('1970-01-01T00:00:00Z'), 'is too far in the past')
  .max(new Date('2100-01-01T00:00:00Z'), 'is too far in the future');

const NewExpense = builder.inputType('NewExpense', {
  fields: (t) => ({
    amountMinor: t.field({ type: 'MinorUnits', required: true, validate: amount }),
    currency: t.string({ description: 'Defaults to your currency.', validate: currency.nullish() }),
    occurredAt: t.field({
      type: 'DateTime',
      description: 'Defaults to now.',
      validate: occurredAt.nullish(),
    }),
    note: t.string({ validate: note.nullish() }),
    categoryId: t.globalID({ for: CategoryRef }),
    kind: t.field({ type: ExpenseKind, defaultValue: 'EXPENSE' }),
    attachmentId: t.id({
      description: 'A file of yours to keep with the entry, e.g. `scanReceipt`’s attachment.',
    }),
    requestKey: t.string({
      description:
        'A key of your choosing for this create (e.g. a UUID per form shown): sending the ' +
        'same key again answers the entry it made instead of making a second one.',
      validate: z.string().min(8).max(64).nullish(),
    }),
  }),
});

const ExpensePatch = builder.inputType('ExpensePatch', {
  description: 'Only the fields given change; null clears note and category.',
  fields: (t) => ({
    amountMinor: t.field({ type: 'MinorUnits', validate: amount.nullish() }),
    currency: t.string({ validate: currency.nullish() }),
    occurredAt: t.field({ type: 'DateTime', validate: occurredAt.nullish() }),
    note: t.string({ validate: note.nullish() }),
    categoryId: t.globalID({ for: CategoryRef }),
    kind: t.field({ type: ExpenseKind }),
    attachmentId: t.id({ description: 'A file of yours to keep with the entry as well.' }),
  }),
});

/** Shows the viewer's file with their entry, in the entry's transaction; refused otherwise. */
async function attachFile(
  tx: Queries,
  context: SignedInContext,
  attachmentId: string | null | undefined,
  expenseId: string,
): Promise<void> {
  if (attachmentId == null) return;
  const { id } = context.viewer.user;
  if (!(await postgresAttachments.attach(tx, id, asUuid(attachmentId), expenseId))) {
    throw new NotFoundError('Attachment', attachmentId);
  }
}

/** The category id to store, after checking it is one of the viewer's live categories. */
export async function ownCategory(
  context: SignedInContext,
  categoryId: { id: string } | null | undefined,
): Promise<string | null | undefined> {
  if (categoryId === undefined) return undefined;
  if (categoryId === null) return null;
  const category = await context.prisma.category.findFirst({
    where: ownedWhere(context, categoryId.id),
    select: { id: true, archivedAt: true },
  });
  if (!category) throw new NotFoundError('Category', categoryId.id);
  if (category.archivedAt) {
    throw new ValidationError([
      { path: ['input', 'categoryId'], message: 'is archived; restore it first' },
    ]);
  }
  return category.id;
}

builder.mutationField('createExpense', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: 'Expense',
    args: { input: t.arg({ type: NewExpense, required: true }) },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: async (query, _root, { input }, context) => {
      const { user, apiToken } = context.viewer;
      // The same key sent twice (a double click, a retried script) makes one entry.
      const keyed = input.requestKey ? idForRequestKey(user.id, input.requestKey) : undefined;
      const made =
        keyed && (await context.prisma.expense.findUnique({ ...query, where: { id: keyed } }));
      if (made) return made;
      const categoryId = (await ownCategory(context, input.categoryId)) ?? null;
      const announce = afterCommit(context.events);
      let id: string | undefined;
      try {
        [id] = await context.sql.transaction(async (tx) => {
          const { ids } = await recordEntries(
            tx,
            user,
            [
              {
                ...(keyed ? { id: keyed } : {}),
                kind: input.kind ?? 'EXPENSE',
                amountMinor: input.amountMinor,
                currency: input.currency ?? user.currency,
                occurredAt: input.occurredAt ?? context.now(),
                note: input.note || null,
                categoryId,
              },
            ],
            apiToken ? 'API' : 'WEB',
            { now: context.now(), announce },
          );
          await attachFile(tx, context, input.attachmentId, ids[0]!);
          return ids;
        });
      } catch (error) {
        // Both sends of one key got past the look-up: the first one's entry stands.
        if (!keyed || !isUniqueViolation(error)) throw error;
        return context.prisma.expense.findUniqueOrThrow({ ...query, where: { id: keyed } });
      }
      announce.publish();
      return context.prisma.expense.findUniqueOrThrow({ ...query, where: { id: id! } });
    },
  }),
);

builder.mutationField('updateExpense', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: 'Expense',
    args: {
      id: t.arg.globalID({ required: true, for: ExpenseRef }),
      input: t.arg({ type: ExpensePatch, required: true }),
    },
    errors: { types: [ValidationError, NotFoundError, MemberGoneError] },
    resolve: async (query, _root, { id, input }, context) => {
      const where = { ...ownedWhere(context, id.id), deletedAt: null };
      if (!(await context.prisma.expense.findFirst({ where, select: { id: true } }))) {
        throw new NotFoundError('Expense', id.id);
      }
      const categoryId = await ownCategory(context, input.categoryId);
      const skipNull = <T>(value: T | null | undefined) => (value === null ? undefined : value);
      const announce = afterCommit(context.events);
      const change = context.sql.transaction(async (tx) => {
        const done = await updateEntry(
          tx,
          context.viewer.user,
          where.id,
          {
            amountMinor: skipNull(input.amountMinor),
            currency: skipNull(input.currency),
            occurredAt: skipNull(input.occurredAt),
            kind: skipNull(input.kind),
            note: input.note === undefined ? undefined : input.note || null,
            categoryId,
          },
          { now: context.now(), announce, guard: guardSharedEntries },
        );
        if (done) await attachFile(tx, context, input.attachmentId, where.id);
        return done;
      });
      const updated = await change.catch((error: unknown) => {
        throw entryChangeError(error, 'update');
      });
      if (!updated) throw new NotFoundError('Expense', id.id);
      announce.publish();
      return context.prisma.expense.findUniqueOrThrow({ ...query, where: { id: where.id } });
    },
  }),
);

function softDeleteField(name: 'deleteExpense' | 'restoreExpense') {
  const deleting = name === 'deleteExpense';
  builder.mutationField(name, (t) =>
    t.withAuth({ loggedIn: true }).prismaField({
      type: 'Expense',
      description: deleting
        ? 'Moves an entry to the bin (soft delete); restoreExpense undoes it.'
        : 'Brings an entry back from the bin.',
      args: { id: t.arg.globalID({ required: true, for: ExpenseRef }) },
      errors: { types: [NotFoundError, MemberGoneError] },
      resolve: async (query, _root, { id }, context) => {
        const where = ownedWhere(context, id.id);
        const announce = afterCommit(context.events);
        const options = { now: context.now(), announce, guard: guardSharedEntries };
        const { user } = context.viewer;
        await context.sql
          .transaction((tx) =>
            deleting
              ? deleteEntries(tx, user, [where.id], options)
              : restoreEntries(tx, user, [where.id], options),
          )
          .catch((error: unknown) => {
            throw entryChangeError(error, deleting ? 'delete' : 'restore');
          });
        const expense = await context.prisma.expense.findFirst({ ...query, where });
        if (!expense) throw new NotFoundError('Expense', id.id);
        // Repeating a delete or restore changes nothing, so it announces nothing.
        announce.publish();
        return expense;
      },
    }),
  );
}

softDeleteField('deleteExpense');
softDeleteField('restoreExpense');
