import { describe, expect, it } from 'vitest';
import { categoryIndex, categoryKey, resolveCategory, type CategoryWord } from './categories.ts';
import { defaultCategories } from './corpus/contexts.ts';
import type { Category, CategoryResolution } from './types.ts';

function words(...keys: string[]): CategoryWord[] {
  return keys.map((key) => ({
    key: key.replace(/^[#&]/, ''),
    hashtag: key.startsWith('#'),
    afterConjunction: key.startsWith('&'),
  }));
}

function resolve(categories: readonly Category[], ...keys: string[]): CategoryResolution {
  return resolveCategory(categoryIndex(categories), words(...keys)).resolution;
}

function summary(resolution: CategoryResolution): string {
  if (resolution.status === 'matched') return `${resolution.name} via ${resolution.via}`;
  if (resolution.status === 'ambiguous') {
    return `one of ${resolution.candidates.map((c) => `${c.name}/${c.via}/${c.distance}`).join(', ')}`;
  }
  return `none of ${resolution.words.join(', ')}`;
}

const mine: Category[] = [
  { id: 'c1', name: 'Eating out 🍔', aliases: ['restaurant', 'swiggy'] },
  { id: 'c2', name: 'Car', aliases: ['gas station', 'service'] },
  { id: 'c3', name: 'Bills', aliases: ['gas', 'mobile'] },
  { id: 'c4', name: 'Petrol', aliases: [] },
  { id: 'c5', name: 'Fuel', aliases: ['petrol'] },
  { id: 'c6', name: 'Kids', aliases: ['school', 'schools'] },
  { id: 'c7', name: 'Travel', aliases: ['school trip'] },
  { id: 'c8', name: 'Books', aliases: [] },
  { id: 'c9', name: 'Boots', aliases: [] },
];

describe('categoryKey', () => {
  it('reduces a name to the words a message would contain', () => {
    expect(categoryKey('Eating out 🍔')).toBe('eating out');
    expect(categoryKey("Kids' School")).toBe('kids school');
    expect(categoryKey('  GAS   Station ')).toBe('gas station');
  });
});

describe('resolveCategory', () => {
  it('matches a name or an alias exactly, in any case', () => {
    expect(summary(resolve(defaultCategories, 'food'))).toBe('Food via name');
    expect(summary(resolve(defaultCategories, 'petrol'))).toBe('Fuel via alias');
  });

  it('matches the other grammatical number of a name or alias', () => {
    expect(summary(resolve(defaultCategories, 'bill'))).toBe('Bills via name');
    expect(summary(resolve(defaultCategories, 'movies'))).toBe('Entertainment via alias');
    expect(summary(resolve(defaultCategories, 'vegetable'))).toBe('Groceries via alias');
    expect(summary(resolve(defaultCategories, 'lunches'))).toBe('Food via alias');
  });

  it('prefers a hashtag to any earlier word', () => {
    expect(summary(resolve(defaultCategories, 'dinner', '#travel'))).toBe('Travel via hashtag');
  });

  it('lets the earliest matching word decide', () => {
    expect(summary(resolve(defaultCategories, 'dinner', 'hotel'))).toBe('Food via alias');
    expect(summary(resolve(defaultCategories, 'misc', 'uber', 'lunch'))).toBe(
      'Transport via alias',
    );
  });

  it('asks when two categories are joined by "and"', () => {
    expect(summary(resolve(defaultCategories, 'coffee', '&petrol'))).toBe(
      'one of Food/alias/0, Fuel/alias/0',
    );
    expect(summary(resolve(defaultCategories, 'tea', '&snacks'))).toBe('Food via alias');
  });

  it('matches multi-word names and aliases, longest first', () => {
    expect(summary(resolve(mine, 'eating', 'out'))).toBe('Eating out 🍔 via name');
    expect(summary(resolve(mine, 'gas', 'station'))).toBe('Car via alias');
    expect(summary(resolve(mine, 'gas'))).toBe('Bills via alias');
    expect(summary(resolve(mine, 'school', 'trip'))).toBe('Travel via alias');
  });

  it('prefers a name to another category’s alias', () => {
    expect(summary(resolve(mine, 'petrol'))).toBe('Petrol via name');
  });

  it('reports the same word in two categories as ambiguous', () => {
    const twice: Category[] = [
      { id: 'a', name: 'Snacks', aliases: ['chai'] },
      { id: 'b', name: 'Drinks', aliases: ['chai'] },
    ];
    const resolution = resolve(twice, 'chai');
    expect(summary(resolution)).toBe('one of Snacks/alias/0, Drinks/alias/0');
    expect(resolution.status === 'ambiguous' && resolution.words).toEqual(['chai']);
  });

  it('corrects typos by edit distance, growing with the word', () => {
    expect(summary(resolve(defaultCategories, 'petrl'))).toBe('Fuel via fuzzy');
    expect(summary(resolve(defaultCategories, 'fule'))).toBe('Fuel via fuzzy');
    expect(summary(resolve(defaultCategories, 'elecrticty'))).toBe('Bills via fuzzy');
    expect(summary(resolve(defaultCategories, 'ubr'))).toBe('none of ubr');
    expect(summary(resolve(defaultCategories, 'full'))).toBe('none of full');
    expect(summary(resolve(defaultCategories, 'went'))).toBe('none of went');
  });

  it('does not correct the first letter', () => {
    expect(summary(resolve(defaultCategories, 'later'))).toBe('none of later');
    expect(summary(resolve(defaultCategories, 'punch'))).toBe('none of punch');
  });

  it('ranks typo candidates that are equally close as ambiguous', () => {
    const resolution = resolve(mine, 'booms');
    expect(summary(resolution)).toBe('one of Books/fuzzy/1, Boots/fuzzy/1');
    expect(resolution.status === 'ambiguous' && resolution.candidates[0]?.word).toBe('booms');
  });

  it('says which words matched nothing', () => {
    expect(resolve(defaultCategories, 'gift', 'mom')).toEqual({
      status: 'none',
      words: ['gift', 'mom'],
    });
    expect(resolve(defaultCategories)).toEqual({ status: 'none', words: [] });
  });

  it('reports the matched word and its distance', () => {
    expect(resolve(defaultCategories, 'medecine')).toEqual({
      status: 'matched',
      categoryId: 'health',
      name: 'Health',
      via: 'fuzzy',
      word: 'medecine',
      distance: 1,
    });
  });
});

describe('categoryIndex', () => {
  it('is built once per categories array; its words are shared by lists with the same words', () => {
    expect(categoryIndex(defaultCategories)).toBe(categoryIndex(defaultCategories));
    const copy = defaultCategories.map((category) => ({ ...category }));
    expect(categoryIndex(copy).words).toBe(categoryIndex(defaultCategories).words);
    const renamed = copy.map((category, i) =>
      i === 0 ? { ...category, name: 'Meals' } : category,
    );
    expect(categoryIndex(renamed).words).not.toBe(categoryIndex(defaultCategories).words);
  });

  it('answers with the ids of the list it was asked about, when another shares its words', () => {
    const mine = defaultCategories.map((category) => ({ ...category, id: `mine-${category.id}` }));
    const theirs = defaultCategories.map((category) => ({
      ...category,
      id: `theirs-${category.id}`,
    }));
    const health = defaultCategories.find((category) => category.name === 'Health');
    for (const [list, prefix] of [
      [mine, 'mine-'],
      [theirs, 'theirs-'],
    ] as const) {
      for (const word of ['health', 'medecine', '#health']) {
        const keyed = word.startsWith('#')
          ? [{ key: word.slice(1), hashtag: true, afterConjunction: false }]
          : words(word);
        expect(resolveCategory(categoryIndex(list), keyed).resolution).toMatchObject({
          status: 'matched',
          categoryId: `${prefix}${health?.id}`,
        });
      }
    }
  });

  it('is rebuilt when categories are added to the same array', () => {
    const growing: Category[] = [{ id: 'a', name: 'Food', aliases: [] }];
    expect(summary(resolve(growing, 'pets'))).toBe('none of pets');
    growing.push({ id: 'b', name: 'Pets', aliases: [] });
    expect(summary(resolve(growing, 'pets'))).toBe('Pets via name');
  });
});
