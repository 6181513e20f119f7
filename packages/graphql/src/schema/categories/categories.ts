import { prismaQueries } from '@spendline/db';
import { afterCommit, moveEntriesToCategory } from '@spendline/entries';
import { z } from 'zod';
import { builder } from '../builder.ts';
import type { GraphQLContext } from '../context.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { ownedWhere } from '../ids.ts';

export const CategoryRef = builder.prismaNode('Category', {
  id: { field: 'id' },
  findUnique: (id, context) => ownedWhere(context, id),
  nullable: true,
  authScopes: (category) => ({ owner: category.userId }),
  fields: (t) => ({
    name: t.exposeString('name'),
    emoji: t.exposeString('emoji', { nullable: true }),
    color: t.exposeString('color', { nullable: true, description: '#rrggbb' }),
    archived: t.boolean({ resolve: (category) => category.archivedAt !== null }),
    archivedAt: t.expose('archivedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    aliases: t.stringList({
      description: 'Words the bot maps to this category ("petrol" for Fuel).',
      select: { aliases: { select: { alias: true }, orderBy: { alias: 'asc' } } },
      resolve: (category) => category.aliases.map((a) => a.alias),
    }),
    expenseCount: t.relationCount('expenses', { where: { deletedAt: null } }),
    expenses: t.relatedConnection(
      'expenses',
      {
        cursor: 'id',
        defaultSize: 50,
        maxSize: 200,
        description: 'Its entries, newest first (deleted ones left out).',
        query: () => ({
          where: { deletedAt: null },
          orderBy: [{ occurredAt: 'desc' as const }, { id: 'desc' as const }],
        }),
      },
      { name: 'CategoryExpenseConnection' },
      { name: 'CategoryExpenseEdge' },
    ),
  }),
});

builder.queryField('categories', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: ['Category'],
    args: { includeArchived: t.arg.boolean({ defaultValue: false }) },
    resolve: (query, _root, args, context) =>
      context.prisma.category.findMany({
        ...query,
        where: {
          userId: context.viewer.user.id,
          ...(args.includeArchived ? {} : { archivedAt: null }),
        },
        orderBy: { nameKey: 'asc' },
      }),
  }),
);

const name = z.string().trim().min(1, 'must not be empty').max(50);
const emoji = z.string().trim().max(16).nullish();
const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb')
  .transform((c) => c.toLowerCase())
  .nullish();
const aliases = z
  .array(z.string().trim().toLowerCase().min(1).max(50))
  .max(100)
  .transform((words) => [...new Set(words)])
  .nullish();

const CategoryInput = builder.inputType('CategoryInput', {
  fields: (t) => ({
    name: t.string({ required: true, validate: name }),
    emoji: t.string({ validate: emoji }),
    color: t.string({ validate: color }),
    aliases: t.stringList({ validate: aliases }),
  }),
});

const CategoryPatch = builder.inputType('CategoryPatch', {
  description: 'Only the fields given change. aliases, when given, replaces the list.',
  fields: (t) => ({
    name: t.string({ validate: name.nullish() }),
    emoji: t.string({ validate: emoji }),
    color: t.string({ validate: color }),
    aliases: t.stringList({ validate: aliases }),
  }),
});

type Tx = Parameters<Parameters<GraphQLContext['prisma']['$transaction']>[0]>[0];

async function assertNameFree(tx: Tx, userId: string, nameKey: string, exceptId?: string) {
  const taken = await tx.category.findFirst({
    where: { userId, nameKey, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) throw new ConflictError(`You already have a category called that.`, 'name');
}

/** Points the words at the category; a word another category had moves here. */
async function setAliases(tx: Tx, userId: string, categoryId: string, words: string[]) {
  await tx.categoryAlias.deleteMany({ where: { userId, categoryId, alias: { notIn: words } } });
  for (const alias of words) {
    await tx.categoryAlias.upsert({
      where: { userId_alias: { userId, alias } },
      create: { userId, categoryId, alias },
      update: { categoryId },
    });
  }
}

builder.mutationField('createCategory', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: 'Category',
    args: { input: t.arg({ type: CategoryInput, required: true }) },
    errors: { types: [ValidationError, ConflictError] },
    resolve: (query, _root, { input }, context) => {
      const userId = context.viewer.user.id;
      return context.prisma.$transaction(async (tx) => {
        const nameKey = input.name.toLowerCase();
        await assertNameFree(tx, userId, nameKey);
        const category = await tx.category.create({
          data: {
            userId,
            name: input.name,
            nameKey,
            emoji: input.emoji ?? null,
            color: input.color ?? null,
          },
        });
        if (input.aliases) await setAliases(tx, userId, category.id, input.aliases);
        return tx.category.findUniqueOrThrow({ ...query, where: { id: category.id } });
      });
    },
  }),
);

builder.mutationField('updateCategory', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: 'Category',
    description: 'Renames or restyles a category, or replaces its aliases.',
    args: {
      id: t.arg.globalID({ required: true, for: CategoryRef }),
      input: t.arg({ type: CategoryPatch, required: true }),
    },
    errors: { types: [ValidationError, ConflictError, NotFoundError] },
    resolve: (query, _root, { id, input }, context) => {
      const where = ownedWhere(context, id.id);
      return context.prisma.$transaction(async (tx) => {
        const category = await tx.category.findFirst({ where });
        if (!category) throw new NotFoundError('Category', id.id);
        const nameKey = input.name ? input.name.toLowerCase() : undefined;
        if (nameKey) await assertNameFree(tx, where.userId, nameKey, category.id);
        await tx.category.update({
          where: { id: category.id },
          data: {
            ...(input.name ? { name: input.name, nameKey } : {}),
            ...(input.emoji !== undefined ? { emoji: input.emoji } : {}),
            ...(input.color !== undefined ? { color: input.color } : {}),
          },
        });
        if (input.aliases) await setAliases(tx, where.userId, category.id, input.aliases);
        return tx.category.findUniqueOrThrow({ ...query, where: { id: category.id } });
      });
    },
  }),
);

builder.mutationField('archiveCategory', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: 'Category',
    description:
      'Hides a category from pickers and the bot; its expenses keep it. archived: false brings it back.',
    args: {
      id: t.arg.globalID({ required: true, for: CategoryRef }),
      archived: t.arg.boolean({ defaultValue: true }),
    },
    errors: { types: [NotFoundError] },
    resolve: async (query, _root, { id, archived }, context) => {
      const where = ownedWhere(context, id.id);
      const { count } = await context.prisma.category.updateMany({
        where,
        data: { archivedAt: archived ? context.now() : null },
      });
      if (count === 0) throw new NotFoundError('Category', id.id);
      return context.prisma.category.findUniqueOrThrow({ ...query, where });
    },
  }),
);

builder.mutationField('mergeCategories', (t) =>
  t.withAuth({ loggedIn: true }).prismaField({
    type: 'Category',
    description:
      'Moves the expenses, aliases, recurring expenses and budgets of the source categories into ' +
      'the target, keeps each source name as an alias of the target, and deletes the sources.',
    args: {
      sourceIds: t.arg.globalIDList({
        required: true,
        for: CategoryRef,
        validate: z.array(z.unknown()).min(1, 'name at least one category to merge').max(50),
      }),
      targetId: t.arg.globalID({ required: true, for: CategoryRef }),
    },
    errors: { types: [ValidationError, NotFoundError] },
    resolve: async (query, _root, args, context) => {
      const userId = context.viewer.user.id;
      const target = ownedWhere(context, args.targetId.id);
      const sourceIds = [...new Set(args.sourceIds.map((s) => ownedWhere(context, s.id).id))];
      if (sourceIds.includes(target.id)) {
        throw new ValidationError([
          { path: ['sourceIds'], message: 'must not include the target category' },
        ]);
      }
      const announce = afterCommit(context.events);
      const merged = await context.prisma.$transaction(async (tx) => {
        if (!(await tx.category.findFirst({ where: target, select: { id: true } }))) {
          throw new NotFoundError('Category', args.targetId.id);
        }
        const sources = await tx.category.findMany({
          where: { userId, id: { in: sourceIds } },
          select: { id: true, nameKey: true },
        });
        if (sources.length !== sourceIds.length) {
          const found = new Set(sources.map((s) => s.id));
          const missing = args.sourceIds.find((s) => !found.has(ownedWhere(context, s.id).id));
          throw new NotFoundError('Category', missing?.id ?? null);
        }
        const from = { userId, categoryId: { in: sourceIds } };
        await moveEntriesToCategory(prismaQueries(tx), context.viewer.user, sourceIds, target.id, {
          now: context.now(),
          announce,
        });
        await tx.recurringExpense.updateMany({ where: from, data: { categoryId: target.id } });
        await tx.categoryAlias.updateMany({ where: from, data: { categoryId: target.id } });
        // A month the target already budgets keeps the target's budget; one source at a
        // time, so two sources budgeting the same month cannot collide.
        for (const source of sources) {
          const targetMonths = await tx.budget.findMany({
            where: { userId, categoryId: target.id },
            select: { month: true },
          });
          await tx.budget.updateMany({
            where: {
              userId,
              categoryId: source.id,
              month: { notIn: targetMonths.map((b) => b.month) },
            },
            data: { categoryId: target.id },
          });
        }
        await tx.categoryAlias.createMany({
          data: sources.map((s) => ({ userId, categoryId: target.id, alias: s.nameKey })),
          skipDuplicates: true,
        });
        await tx.category.deleteMany({ where: { userId, id: { in: sourceIds } } });
        return tx.category.findUniqueOrThrow({ ...query, where: { id: target.id } });
      });
      announce.publish();
      return merged;
    },
  }),
);
