import {
  execute,
  GraphQLID,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  parse,
  type ExecutionResult,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import type { GraphQLContext } from './context.ts';
import { schema } from './schema.ts';

// The row types carry their own owner check, beside the owner filter of every lookup:
// whatever field hands a row to them, another user's row is refused. Here a query type
// made for the test returns rows as a forgetful resolver would, with no filter at all.

const victim = '11111111-1111-4111-8111-111111111111';
const mallory = '22222222-2222-4222-8222-222222222222';
const when = new Date('2026-03-08T05:00:00Z');

const expense = {
  id: '33333333-3333-4333-8333-333333333333',
  userId: victim,
  kind: 'EXPENSE',
  amountMinor: 424242n,
  currency: 'INR',
  occurredAt: when,
  note: 'victim secret note',
  categoryId: null,
  source: 'WEB',
  inboundMessageId: null,
  recurringExpenseId: null,
  createdAt: when,
  updatedAt: when,
  deletedAt: null,
};
const category = {
  id: '44444444-4444-4444-8444-444444444444',
  userId: victim,
  name: 'Secret Plans',
  nameKey: 'secret plans',
  emoji: null,
  color: null,
  archivedAt: null,
  createdAt: when,
  updatedAt: when,
};

function leakySchema(): GraphQLSchema {
  const config = schema.toConfig();
  const rowOf = (name: string, row: object) => ({
    type: schema.getType(name) as GraphQLObjectType,
    args: { id: { type: new GraphQLNonNull(GraphQLID) } },
    resolve: () => row,
  });
  return new GraphQLSchema({
    ...config,
    types: config.types.filter((type) => type.name !== 'Query'),
    query: new GraphQLObjectType({
      name: 'Query',
      fields: { expense: rowOf('Expense', expense), category: rowOf('Category', category) },
    }),
  });
}

async function run(viewerId: string, query: string): Promise<ExecutionResult> {
  const user = { id: viewerId, locale: 'en-IN', timeZone: 'Asia/Kolkata' };
  const contextValue = {
    viewer: { user, session: null, apiToken: null },
  } as unknown as Partial<GraphQLContext>;
  return execute({ schema: leakySchema(), document: parse(query), contextValue });
}

const QUERY = `{
  expense(id: "x") { id note occurredAt localDate amount { amountMinor formatted } }
  category(id: "x") { id name }
}`;

describe('row types', () => {
  it("refuse another user's rows whatever field returns them", async () => {
    const result = await run(mallory, QUERY);
    expect(result.data).toEqual({ expense: null, category: null });
    const refused = new Set(
      result.errors?.map((e) => `${e.path?.[0]} ${String(e.extensions.code)}`),
    );
    expect([...refused].sort()).toEqual(['category FORBIDDEN', 'expense FORBIDDEN']);
    expect(JSON.stringify(result)).not.toMatch(/secret|Secret|424242/);
  });

  it('give the owner their rows through the same fields', async () => {
    const result = await run(victim, QUERY);
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      expense: { note: 'victim secret note', amount: { amountMinor: '424242' } },
      category: { name: 'Secret Plans' },
    });
  });
});
