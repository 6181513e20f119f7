import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
let user: TestClient;

interface CategoryRow {
  id: string;
  name: string;
  emoji: string | null;
  color: string | null;
  archived: boolean;
  aliases: string[];
  expenseCount: number;
}

const FIELDS = 'id name emoji color archived aliases expenseCount';

async function list(includeArchived = false): Promise<CategoryRow[]> {
  const data = await user.ok<{ categories: CategoryRow[] }>(
    `query ($all: Boolean) { categories(includeArchived: $all) { ${FIELDS} } }`,
    { all: includeArchived },
  );
  return data.categories;
}

async function byName(name: string): Promise<CategoryRow> {
  const found = (await list(true)).find((c) => c.name === name);
  if (!found) throw new Error(`no category ${name}`);
  return found;
}

async function spend(categoryId: string, amountMinor: string) {
  await user.ok('mutation ($input: NewExpense!) { createExpense(input: $input) { __typename } }', {
    input: { amountMinor, categoryId },
  });
}

beforeAll(async () => {
  server = await startTestServer();
  user = new TestClient(server.url);
  await user.register('cats@example.com');
});
afterAll(async () => {
  await server.close();
});

describe('categories', () => {
  it('start as the twelve defaults with their aliases, sorted by name', async () => {
    const categories = await list();
    expect(categories).toHaveLength(12);
    expect(categories[0]?.name).toBe('Bills');
    expect((await byName('Fuel')).aliases).toContain('petrol');
  });

  it('are created with aliases, and a name taken in any case is a conflict', async () => {
    const created = await user.ok<{ createCategory: CategoryRow & { __typename: string } }>(
      `mutation { createCategory(input: { name: "Pets", emoji: "🐶", color: "#AABBCC",
        aliases: ["Vet", "dog food", "vet"] }) { __typename ... on Category { ${FIELDS} } } }`,
    );
    expect(created.createCategory).toMatchObject({
      __typename: 'Category',
      name: 'Pets',
      color: '#aabbcc',
      aliases: ['dog food', 'vet'],
      expenseCount: 0,
    });
    const clash = await user.ok<{ createCategory: { __typename: string; field: string } }>(
      'mutation { createCategory(input: { name: "pets" }) { __typename ... on ConflictError { field } } }',
    );
    expect(clash.createCategory).toEqual({ __typename: 'ConflictError', field: 'name' });
    const bad = await user.ok<{ createCategory: { __typename: string } }>(
      'mutation { createCategory(input: { name: "X", color: "red" }) { __typename } }',
    );
    expect(bad.createCategory.__typename).toBe('ValidationError');
  });

  it('are renamed, keeping their expenses, and cannot take another one’s name', async () => {
    const travel = await byName('Travel');
    await spend(travel.id, '1000');
    const renamed = await user.ok<{ updateCategory: CategoryRow }>(
      `mutation ($id: ID!) { updateCategory(id: $id, input: { name: "Trips", emoji: "🧳" }) {
        ... on Category { ${FIELDS} } } }`,
      { id: travel.id },
    );
    expect(renamed.updateCategory).toMatchObject({ name: 'Trips', emoji: '🧳', expenseCount: 1 });
    const clash = await user.ok<{ updateCategory: { __typename: string } }>(
      'mutation ($id: ID!) { updateCategory(id: $id, input: { name: "FOOD" }) { __typename } }',
      { id: travel.id },
    );
    expect(clash.updateCategory.__typename).toBe('ConflictError');
  });

  it('are archived out of the list and the expense picker, and brought back', async () => {
    const education = await byName('Education');
    await user.ok('mutation ($id: ID!) { archiveCategory(id: $id) { __typename } }', {
      id: education.id,
    });
    expect((await list()).map((c) => c.name)).not.toContain('Education');
    expect((await byName('Education')).archived).toBe(true);
    const refused = await user.ok<{ createExpense: { __typename: string } }>(
      'mutation ($id: ID!) { createExpense(input: { amountMinor: "1", categoryId: $id }) { __typename } }',
      { id: education.id },
    );
    expect(refused.createExpense.__typename).toBe('ValidationError');
    await user.ok(
      'mutation ($id: ID!) { archiveCategory(id: $id, archived: false) { __typename } }',
      { id: education.id },
    );
    expect((await list()).map((c) => c.name)).toContain('Education');
  });

  it('merge: expenses and aliases move to the target, the source name becomes an alias', async () => {
    const groceries = await byName('Groceries');
    const food = await byName('Food');
    await spend(groceries.id, '2000');
    await spend(groceries.id, '3000');
    await spend(food.id, '500');
    const merged = await user.ok<{ mergeCategories: CategoryRow & { __typename: string } }>(
      `mutation ($sources: [ID!]!, $target: ID!) {
        mergeCategories(sourceIds: $sources, targetId: $target) {
          __typename ... on Category { ${FIELDS} } } }`,
      { sources: [groceries.id], target: food.id },
    );
    expect(merged.mergeCategories).toMatchObject({ __typename: 'Category', expenseCount: 3 });
    expect(merged.mergeCategories.aliases).toEqual(
      expect.arrayContaining(['kirana', 'sabzi', 'groceries', 'lunch']),
    );
    expect((await list(true)).map((c) => c.name)).not.toContain('Groceries');
  });

  it('merge refuses merging a category into itself', async () => {
    const food = await byName('Food');
    const data = await user.ok<{ mergeCategories: { __typename: string } }>(
      `mutation ($id: ID!) { mergeCategories(sourceIds: [$id], targetId: $id) { __typename } }`,
      { id: food.id },
    );
    expect(data.mergeCategories.__typename).toBe('ValidationError');
  });
});
