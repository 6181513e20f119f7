import { getIntrospectionQuery, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from './handler.ts';
import { ASSUMED_LIST_SIZE, queryCost } from './query-cost.ts';
import { schema } from '../schema/schema.ts';

const cost = (query: string, variables: Record<string, unknown> = {}) =>
  queryCost(schema, parse(query), variables).cost;

const PAGE = `edges { node { id note amount { formatted currency } category { id name } } }
  pageInfo { hasNextPage endCursor } totalCount`;

describe('queryCost', () => {
  it('counts each object once per item of the page around it', () => {
    // expenses 1 + 100 × (edge 1 + node 1 + amount 1 + category 1) + pageInfo once per item.
    expect(cost(`{ expenses(first: 100) { ${PAGE} } }`)).toBe(1 + 100 * 5);
  });

  it('reads page sizes given as variables', () => {
    const query = `query ($n: Int) { expenses(first: $n) { ${PAGE} } }`;
    expect(cost(query, { n: 200 })).toBe(1 + 200 * 5);
    expect(cost(query, { n: 10 })).toBe(1 + 10 * 5);
  });

  it('lets a page of 200 expenses with amounts and categories through', () => {
    expect(cost(`{ expenses(first: 200) { ${PAGE} } }`)).toBeLessThanOrEqual(QUERY_LIMITS.maxCost);
  });

  it('multiplies pages inside lists, so every category’s latest 200 expenses is too much', () => {
    const nested = cost(`{ categories { expenses(first: 200) { ${PAGE} } } }`);
    expect(nested).toBe(1 + ASSUMED_LIST_SIZE * (1 + 200 * 5));
    expect(nested).toBeGreaterThan(QUERY_LIMITS.maxCost);
  });

  it('counts fragments where they are spread, and scalars not at all', () => {
    const spread = cost(
      `{ ...Q } fragment Q on Query { me { email } expenses(first: 3) { ${PAGE} } }`,
    );
    expect(spread).toBe(1 + 1 + 3 * 5);
    expect(cost('{ me { id email displayName currency timeZone locale } }')).toBe(1);
  });

  it('counts the introspection roots apart from the cost', () => {
    expect(queryCost(schema, parse(getIntrospectionQuery()))).toEqual({
      cost: 0,
      introspection: 1,
    });
    const aliased = queryCost(
      schema,
      parse('{ a: __schema { types { name } } b: __schema { types { name } } }'),
    );
    expect(aliased.introspection).toBe(2);
  });
});
