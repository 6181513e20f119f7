import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { createDefaultCategories, DEFAULT_CATEGORIES } from './default-categories.ts';
import { createTestDatabase } from './testing.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const aliasCount = DEFAULT_CATEGORIES.reduce((n, c) => n + c.aliases.length, 0);

describe('createDefaultCategories', () => {
  it('gives a new user the twelve defaults with emoji and aliases', async () => {
    const user = await db.prisma.user.create({
      data: { email: 'new@example.com', displayName: 'New' },
    });
    expect(await createDefaultCategories(db.prisma, user.id)).toEqual({
      categories: 12,
      aliases: aliasCount,
    });
    const fuel = await db.prisma.categoryAlias.findUniqueOrThrow({
      where: { userId_alias: { userId: user.id, alias: 'petrol' } },
      include: { category: true },
    });
    expect(fuel.category).toMatchObject({ name: 'Fuel', emoji: '⛽' });
    const uber = await db.prisma.categoryAlias.findUniqueOrThrow({
      where: { userId_alias: { userId: user.id, alias: 'uber' } },
      include: { category: true },
    });
    expect(uber.category.name).toBe('Transport');
  });

  it('names them in the language of the locale, with the English aliases', async () => {
    const user = await db.prisma.user.create({
      data: { email: 'bia@example.com', displayName: 'Bia', locale: 'pt-BR' },
    });
    await createDefaultCategories(db.prisma, user.id, user.locale);
    const names = (
      await db.prisma.category.findMany({ where: { userId: user.id }, orderBy: { name: 'asc' } })
    ).map((c) => c.name);
    expect(names).toHaveLength(12);
    expect(names).toEqual(expect.arrayContaining(['Alimentação', 'Transporte', 'Outros']));
    expect(names).not.toContain('Food');
    const petrol = await db.prisma.categoryAlias.findUniqueOrThrow({
      where: { userId_alias: { userId: user.id, alias: 'petrol' } },
      include: { category: true },
    });
    expect(petrol.category).toMatchObject({ name: 'Combustível', nameKey: 'combustível' });
    expect(await createDefaultCategories(db.prisma, user.id, user.locale)).toEqual({
      categories: 0,
      aliases: 0,
    });
  });

  it('gives Hindi names in Devanagari for hi-IN', async () => {
    const user = await db.prisma.user.create({
      data: { email: 'ravi@example.com', displayName: 'Ravi', locale: 'hi-IN' },
    });
    await createDefaultCategories(db.prisma, user.id, user.locale);
    const food = await db.prisma.categoryAlias.findUniqueOrThrow({
      where: { userId_alias: { userId: user.id, alias: 'lunch' } },
      include: { category: true },
    });
    expect(food.category.name).toBe('खाना');
  });

  it('is idempotent: a second run adds nothing', async () => {
    const user = await db.prisma.user.create({
      data: { email: 'twice@example.com', displayName: 'Twice' },
    });
    await createDefaultCategories(db.prisma, user.id);
    expect(await createDefaultCategories(db.prisma, user.id)).toEqual({
      categories: 0,
      aliases: 0,
    });
    expect(await db.prisma.category.count({ where: { userId: user.id } })).toBe(12);
    expect(await db.prisma.categoryAlias.count({ where: { userId: user.id } })).toBe(aliasCount);
  });

  it('fills in what an existing user lacks and keeps their own choices', async () => {
    const user = await db.prisma.user.create({
      data: { email: 'old@example.com', displayName: 'Old' },
    });
    const car = await db.prisma.category.create({
      data: { userId: user.id, name: 'Car', nameKey: 'car' },
    });
    await db.prisma.category.create({
      data: { userId: user.id, name: 'food', nameKey: 'food', emoji: '🥘' },
    });
    await db.prisma.categoryAlias.create({
      data: { userId: user.id, categoryId: car.id, alias: 'petrol' },
    });

    const added = await createDefaultCategories(db.prisma, user.id);
    expect(added.categories).toBe(11);
    expect(added.aliases).toBe(aliasCount - 1);
    const petrol = await db.prisma.categoryAlias.findUniqueOrThrow({
      where: { userId_alias: { userId: user.id, alias: 'petrol' } },
    });
    expect(petrol.categoryId).toBe(car.id);
    const food = await db.prisma.category.findUniqueOrThrow({
      where: { userId_nameKey: { userId: user.id, nameKey: 'food' } },
    });
    expect(food).toMatchObject({ name: 'food', emoji: '🥘' });
  });

  it('touches only the given user', async () => {
    const a = await db.prisma.user.create({ data: { email: 'a@example.com', displayName: 'A' } });
    const b = await db.prisma.user.create({ data: { email: 'b@example.com', displayName: 'B' } });
    await createDefaultCategories(db.prisma, a.id);
    expect(await db.prisma.category.count({ where: { userId: b.id } })).toBe(0);
  });
});
