import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idForRequestKey } from './request-key.ts';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
let asha: TestClient;
let ravi: TestClient;

const CREATE = `mutation ($input: NewExpense!) {
  createExpense(input: $input) {
    __typename ... on Expense { id note } ... on ValidationError { problems { path message } }
  }
}`;

interface Created {
  __typename: string;
  id?: string;
  problems?: { path: string[]; message: string }[];
}

const create = async (client: TestClient, input: Record<string, unknown>) =>
  (await client.ok<{ createExpense: Created }>(CREATE, { input })).createExpense;

const count = async (client: TestClient, search: string) =>
  (
    await client.ok<{ expenses: { totalCount: number } }>(
      'query ($q: String) { expenses(filter: { search: $q }) { totalCount } }',
      { q: search },
    )
  ).expenses.totalCount;

beforeAll(async () => {
  server = await startTestServer();
  asha = new TestClient(server.url);
  ravi = new TestClient(server.url);
  await asha.register('asha@example.com');
  await ravi.register('ravi@example.com');
});
afterAll(async () => {
  await server.close();
});

describe('createExpense with a requestKey', () => {
  it('makes one entry for the same key sent twice, and answers it both times', async () => {
    const input = { amountMinor: '7700', note: 'coffee twice', requestKey: 'form-1-abcdef' };
    const first = await create(asha, input);
    const second = await create(asha, input);
    expect(first.__typename).toBe('Expense');
    expect(second.id).toBe(first.id);
    expect(await count(asha, 'coffee twice')).toBe(1);
  });

  it('makes one entry when both sends arrive at once', async () => {
    const input = { amountMinor: '7700', note: 'racing', requestKey: 'form-2-abcdef' };
    const answers = await Promise.all([
      create(asha, input),
      create(asha, input),
      create(asha, input),
    ]);
    expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
    expect(await count(asha, 'racing')).toBe(1);
  });

  it('keeps each user’s keys apart, and makes a new entry for a new key', async () => {
    const input = { amountMinor: '100', note: 'shared key', requestKey: 'form-3-abcdef' };
    const mine = await create(asha, input);
    const theirs = await create(ravi, input);
    expect(theirs.__typename).toBe('Expense');
    expect(theirs.id).not.toBe(mine.id);
    await create(asha, { ...input, requestKey: 'form-4-abcdef' });
    expect(await count(asha, 'shared key')).toBe(2);
    expect(await count(ravi, 'shared key')).toBe(1);
  });

  it('refuses a key too short to be unique', async () => {
    const refused = await create(asha, { amountMinor: '100', requestKey: 'x' });
    expect(refused.problems).toEqual([
      { path: ['input', 'requestKey'], message: 'must be at least 8 characters' },
    ]);
  });

  it('turns a user and a key into a stable UUID', () => {
    const id = idForRequestKey('0190f1a2-0000-7000-8000-000000000001', 'form-1-abcdef');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(idForRequestKey('0190f1a2-0000-7000-8000-000000000001', 'form-1-abcdef')).toBe(id);
    expect(idForRequestKey('0190f1a2-0000-7000-8000-000000000002', 'form-1-abcdef')).not.toBe(id);
  });
});
