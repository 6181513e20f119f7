import { defaultCategoryNames } from '@spendline/i18n';
import type { PrismaClient } from './generated/prisma/client.ts';

export interface DefaultCategory {
  name: string;
  emoji: string;
  color: string;
  aliases: readonly string[];
}

/** What every new account starts with (the old system's create_default_categories). */
export const DEFAULT_CATEGORIES: readonly DefaultCategory[] = [
  {
    name: 'Food',
    emoji: '🍽️',
    color: '#f97316',
    aliases: [
      'food',
      'lunch',
      'dinner',
      'breakfast',
      'snacks',
      'tea',
      'chai',
      'coffee',
      'restaurant',
      'swiggy',
      'zomato',
    ],
  },
  {
    name: 'Transport',
    emoji: '🚕',
    color: '#0ea5e9',
    aliases: ['uber', 'ola', 'auto', 'taxi', 'cab', 'bus', 'metro', 'rickshaw', 'parking', 'toll'],
  },
  {
    name: 'Fuel',
    emoji: '⛽',
    color: '#ef4444',
    aliases: ['petrol', 'diesel', 'fuel', 'cng', 'gas station'],
  },
  {
    name: 'Groceries',
    emoji: '🛒',
    color: '#22c55e',
    aliases: ['grocery', 'kirana', 'sabzi', 'vegetables', 'fruits', 'milk', 'bigbasket', 'blinkit'],
  },
  {
    name: 'Shopping',
    emoji: '🛍️',
    color: '#a855f7',
    aliases: ['clothes', 'shoes', 'amazon', 'flipkart', 'myntra'],
  },
  {
    name: 'Bills',
    emoji: '🧾',
    color: '#eab308',
    aliases: [
      'electricity',
      'water',
      'internet',
      'wifi',
      'broadband',
      'phone',
      'mobile',
      'recharge',
      'gas',
      'bill',
    ],
  },
  { name: 'Rent', emoji: '🏠', color: '#64748b', aliases: ['rent', 'house rent', 'maintenance'] },
  {
    name: 'Health',
    emoji: '💊',
    color: '#14b8a6',
    aliases: ['medicine', 'medicines', 'doctor', 'pharmacy', 'hospital', 'gym'],
  },
  {
    name: 'Entertainment',
    emoji: '🎬',
    color: '#ec4899',
    aliases: ['movie', 'movies', 'netflix', 'spotify', 'games', 'concert'],
  },
  {
    name: 'Education',
    emoji: '📚',
    color: '#6366f1',
    aliases: ['books', 'course', 'fees', 'school', 'tuition', 'college'],
  },
  {
    name: 'Travel',
    emoji: '✈️',
    color: '#06b6d4',
    aliases: ['flight', 'train', 'hotel', 'trip', 'holiday', 'vacation'],
  },
  { name: 'Other', emoji: '📦', color: '#94a3b8', aliases: ['misc', 'other'] },
];

type CategoryWriter = Pick<PrismaClient, 'category' | 'categoryAlias'>;

/**
 * The defaults with their names in the language of `locale` (users.locale): "Alimentação"
 * for pt-BR. The English aliases stay, since the parser reads other languages' category
 * words as the English ones ("almoço" finds what "lunch" finds).
 */
export function localDefaultCategories(locale: string): DefaultCategory[] {
  const names = new Map(Object.entries(defaultCategoryNames(locale)));
  return DEFAULT_CATEGORIES.map((c) => ({ ...c, name: names.get(c.name.toLowerCase()) ?? c.name }));
}

/**
 * Gives the user every default category and alias they do not have yet, named in the
 * language of `locale` (English without one). Idempotent: existing categories, renamed
 * ones' keys and the user's own aliases are left alone. Returns how many categories and
 * aliases were added.
 */
export async function createDefaultCategories(
  db: CategoryWriter,
  userId: string,
  locale = 'en',
): Promise<{ categories: number; aliases: number }> {
  const defaults = localDefaultCategories(locale);
  const created = await db.category.createMany({
    data: defaults.map(({ name, emoji, color }) => ({
      userId,
      name,
      nameKey: name.toLowerCase(),
      emoji,
      color,
    })),
    skipDuplicates: true,
  });
  const categories = await db.category.findMany({
    where: { userId, nameKey: { in: defaults.map((c) => c.name.toLowerCase()) } },
    select: { id: true, nameKey: true },
  });
  const idByKey = new Map(categories.map((c) => [c.nameKey, c.id]));
  const aliases = await db.categoryAlias.createMany({
    data: defaults.flatMap(({ name, aliases: words }) => {
      const categoryId = idByKey.get(name.toLowerCase());
      return categoryId ? words.map((alias) => ({ userId, categoryId, alias })) : [];
    }),
    skipDuplicates: true,
  });
  return { categories: created.count, aliases: aliases.count };
}
