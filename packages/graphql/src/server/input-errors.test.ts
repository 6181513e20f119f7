import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let asha: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  asha = new TestClient(server.url);
  await asha.register('asha@example.com');
});
afterAll(async () => {
  await server.close();
});

const CREATE = `mutation ($input: NewExpense!) {
  createExpense(input: $input) {
    __typename ... on ValidationError { message problems { path message } }
  }
}`;

interface Problem {
  path: string[];
  message: string;
}

interface Refused {
  __typename: string;
  message?: string;
  problems?: Problem[];
}

async function refused(query: string, variables: Record<string, unknown>): Promise<Refused> {
  const result = await asha.request<Record<string, Refused>>(query, variables);
  expect(result.errors).toBeUndefined();
  return Object.values(result.data ?? {})[0] as Refused;
}

describe('control characters in text', () => {
  const NO_CONTROL = 'must not contain control characters such as NUL';

  it('refuses a NUL in an expense note as a ValidationError on that field', async () => {
    const result = await refused(CREATE, { input: { amountMinor: '100', note: 'tea\u0000' } });
    expect(result.__typename).toBe('ValidationError');
    expect(result.problems).toEqual([{ path: ['input', 'note'], message: NO_CONTROL }]);
  });

  it('refuses other control characters in category names and budget-free settings', async () => {
    const category = await refused(
      `mutation { createCategory(input: { name: "Pe\\u0007ts" }) {
        __typename ... on ValidationError { problems { path message } } } }`,
      {},
    );
    expect(category.problems).toEqual([{ path: ['input', 'name'], message: NO_CONTROL }]);
    const settings = await refused(
      `mutation ($input: SettingsInput!) { updateSettings(input: $input) {
        __typename ... on ValidationError { problems { path message } } } }`,
      { input: { displayName: 'Asha\u001b[31m' } },
    );
    expect(settings.problems).toEqual([{ path: ['input', 'displayName'], message: NO_CONTROL }]);
  });

  it('names the item of a list that holds one', async () => {
    const result = await refused(
      `mutation ($id: ID!, $input: CategoryPatch!) { updateCategory(id: $id, input: $input) {
        __typename ... on ValidationError { problems { path message } } ... on NotFoundError { id } } }`,
      {
        id: 'Q2F0ZWdvcnk6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw',
        input: { aliases: ['ok', 'b\u0000d'] },
      },
    );
    expect(result.problems).toEqual([{ path: ['input', 'aliases', '1'], message: NO_CONTROL }]);
  });

  it('refuses a lone surrogate, which is not text at all', async () => {
    const body = `{"query":${JSON.stringify(CREATE)},"variables":{"input":{"amountMinor":"1","note":"x\\ud800"}}}`;
    const result = await asha.request<{ createExpense: Refused }>('', {}, { body });
    expect(result.data?.createExpense.problems).toEqual([
      { path: ['input', 'note'], message: NO_CONTROL },
    ]);
  });

  it('keeps tabs and new lines, which people type', async () => {
    const result = await refused(CREATE, { input: { amountMinor: '100', note: 'a\tb\r\nc' } });
    expect(result.__typename).toBe('Expense');
  });

  it('answers a query field without a result union with BAD_USER_INPUT, not a server error', async () => {
    const result = await asha.request(
      'query ($q: String) { expenses(filter: { search: $q }) { totalCount } }',
      { q: 'x\u0000' },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: ['filter', 'search'], message: NO_CONTROL }],
    });
  });
});

describe('input graphql-js refuses before any resolver', () => {
  it('gives the field and a plain reason for an amount past the limit', async () => {
    const result = await asha.request(CREATE, { input: { amountMinor: '1'.padEnd(17, '0') } });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ path: ['input', 'amountMinor'], message: 'is too large' }],
    });
  });

  it('reads the path from the end even when the value itself looks like one', async () => {
    const result = await asha.request(
      'mutation ($input: NewExpense!) { createExpense(input: $input) { __typename } }',
      { input: { amountMinor: 'at "input.note"; x', note: 'fine' } },
    );
    expect(result.errors?.[0]?.extensions?.problems).toEqual([
      {
        path: ['input', 'amountMinor'],
        message: 'must be a whole number of minor units, e.g. "12050" for 120.50',
      },
    ]);
  });

  it('says only "is not valid" where graphql-js would name GraphQL types', async () => {
    for (const input of [
      { amountMinor: '1', note: 5 },
      { amountMinor: '1', note: 'x', kind: 'GIFT' },
    ]) {
      const result = await asha.request(CREATE, { input });
      const [problem] = (result.errors?.[0]?.extensions?.problems ?? []) as Problem[];
      expect(problem?.message).toBe('is not valid');
    }
  });
});

describe('wording of input problems', () => {
  it('says how long a text may be in words, not zod’s notation', async () => {
    const result = await refused(CREATE, { input: { amountMinor: '1', note: 'x'.repeat(501) } });
    expect(result.problems).toEqual([
      { path: ['input', 'note'], message: 'must be at most 500 characters' },
    ]);
    const name = await refused(
      'mutation ($name: String!) { createApiToken(name: $name) { __typename ... on ValidationError { problems { path message } } } }',
      { name: 'x'.repeat(101) },
    );
    expect(name.problems).toEqual([{ path: ['name'], message: 'must be at most 100 characters' }]);
  });
});
