import { runDueRecurring } from '@spendline/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
let user: TestClient;
const ids: Record<string, string> = {};
let othersCategory = '';
const ZONE = 'Asia/Kolkata';

// Friday 20 March 2026, 11:30 in Kolkata: today's 09:00 (03:30Z) has passed.
const NOW = new Date('2026-03-20T06:00:00Z');

const RULE = `id kind amount { amountMinor formatted } category { name } note frequency interval
  dayOfMonth dayOfWeek monthOfYear startsOn endsOn description paused ended nextRun nextRunOn
  lastRun`;
const FOUND = `__typename ... on RecurringExpense { ${RULE} } ... on Error { message }`;
const RESULT = `${FOUND} ... on ValidationError { problems { path message } }`;

interface Rule {
  __typename: string;
  id: string;
  amount: { amountMinor: string; formatted: string };
  category: { name: string } | null;
  note: string | null;
  dayOfMonth: number | null;
  description: string;
  paused: boolean;
  ended: boolean;
  nextRun: string | null;
  nextRunOn: string | null;
  lastRun: string | null;
  message?: string;
  problems?: { path: string[]; message: string }[];
}

async function create(input: Record<string, unknown>, client = user): Promise<Rule> {
  const data = await client.ok<{ createRecurringExpense: Rule }>(
    `mutation ($input: NewRecurringExpense!) { createRecurringExpense(input: $input) { ${RESULT} } }`,
    { input },
  );
  return data.createRecurringExpense;
}

async function update(id: string, input: Record<string, unknown>): Promise<Rule> {
  const data = await user.ok<{ updateRecurringExpense: Rule }>(
    `mutation ($id: ID!, $input: RecurringExpensePatch!) {
      updateRecurringExpense(id: $id, input: $input) { ${RESULT} } }`,
    { id, input },
  );
  return data.updateRecurringExpense;
}

async function toggle(verb: 'pause' | 'resume', id: string): Promise<Rule> {
  const field = `${verb}RecurringExpense`;
  const data = await user.ok<Record<string, Rule>>(
    `mutation ($id: ID!) { ${field}(id: $id) { ${FOUND} } }`,
    { id },
  );
  return data[field]!;
}

async function list(): Promise<Rule[]> {
  const data = await user.ok<{ recurringExpenses: Rule[] }>(`{ recurringExpenses { ${RULE} } }`);
  return data.recurringExpenses;
}

/** The real scheduler's round at `now` (its own tests cover locking and notices). */
const runScheduler = (now: Date) => runDueRecurring(server.db.sql, now);

async function recordedDays(ruleId: string): Promise<string[]> {
  const data = await user.ok<{
    node: { expenses: { edges: { node: { localDate: string; source: string } }[] } };
  }>(
    `query ($id: ID!) { node(id: $id) { ... on RecurringExpense {
      expenses { edges { node { localDate source } } } } } }`,
    { id: ruleId },
  );
  return data.node.expenses.edges.map((e) => `${e.node.localDate} ${e.node.source}`).reverse();
}

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  user = new TestClient(server.url);
  await user.register('recurring@example.com', 'correct horse', {
    timeZone: ZONE,
    currency: 'INR',
    locale: 'en-IN',
  });
  const { categories } = await user.ok<{ categories: { id: string; name: string }[] }>(
    '{ categories { id name } }',
  );
  for (const c of categories) ids[c.name] = c.id;
  const other = new TestClient(server.url);
  await other.register('other-recurring@example.com');
  const theirs = await other.ok<{ categories: { id: string }[] }>('{ categories { id } }');
  othersCategory = theirs.categories[0]?.id ?? '';
});
afterAll(async () => {
  await server.close();
});

describe('recurring expenses', () => {
  it('creates a monthly rule that first runs on its next day at 09:00 in the user’s zone', async () => {
    const rent = await create({
      amountMinor: '1500000',
      categoryId: ids.Rent,
      frequency: 'MONTHLY',
      dayOfMonth: 1,
    });
    expect(rent).toMatchObject({
      __typename: 'RecurringExpense',
      amount: { amountMinor: '1500000', formatted: '₹15,000.00' },
      category: { name: 'Rent' },
      frequency: 'MONTHLY',
      interval: 1,
      dayOfMonth: 1,
      dayOfWeek: null,
      startsOn: '2026-03-20',
      endsOn: null,
      description: 'every month on the 1st',
      paused: false,
      ended: false,
      // 09:00 in Kolkata is 03:30 UTC.
      nextRun: '2026-04-01T03:30:00.000Z',
      nextRunOn: '2026-04-01',
      lastRun: null,
    });
    await update(rent.id, { note: 'flat' }); // leaves the schedule alone
    expect((await list()).map((r) => r.note)).toEqual(['flat']);
    await user.ok('mutation ($id: ID!) { deleteRecurringExpense(id: $id) { __typename } }', {
      id: rent.id,
    });
  });

  it('describes the rule in the viewer’s language', async () => {
    const reader = new TestClient(server.url);
    await reader.register('bia-recurring@example.com', 'correct horse', {
      timeZone: 'America/Sao_Paulo',
      currency: 'BRL',
      locale: 'pt-BR',
    });
    const rule = await create(
      { amountMinor: '150000', note: 'aluguel', frequency: 'WEEKLY', interval: 2, dayOfWeek: 1 },
      reader,
    );
    expect(rule.description).toBe('a cada 2 semanas, segunda-feira');
  });

  it('counts today when it falls on today, and fills the day from the start date', async () => {
    const tea = await create({ amountMinor: '3000', note: 'tea', frequency: 'WEEKLY' });
    expect(tea).toMatchObject({
      description: 'every week on Friday',
      // Past 09:00 already: the scheduler records today's at once.
      nextRun: '2026-03-20T03:30:00.000Z',
    });
    const gym = await create({
      amountMinor: '200000',
      note: 'gym',
      frequency: 'MONTHLY',
      interval: 3,
      startsOn: '2026-05-31',
    });
    expect(gym).toMatchObject({
      dayOfMonth: 31,
      description: 'every 3 months on the 31st',
      nextRunOn: '2026-05-31',
    });
    const yearly = await create({
      amountMinor: '99900',
      note: 'domain',
      frequency: 'YEARLY',
      dayOfMonth: 29,
      monthOfYear: 2,
    });
    // 29 February in a year without one: the month's last day.
    expect(yearly).toMatchObject({
      description: 'every year on 29 February',
      nextRunOn: '2027-02-28',
    });
    for (const rule of [tea, gym, yearly]) {
      await user.ok('mutation ($id: ID!) { deleteRecurringExpense(id: $id) { __typename } }', {
        id: rule.id,
      });
    }
  });

  it('refuses bad schedules, another user’s category and an archived one', async () => {
    const problem = async (input: Record<string, unknown>) => {
      const result = await create({ amountMinor: '100', frequency: 'DAILY', ...input });
      return [
        result.__typename,
        result.problems?.[0]?.path.join('.'),
        result.problems?.[0]?.message,
      ];
    };
    expect(await problem({ interval: 0 })).toEqual([
      'ValidationError',
      'input.interval',
      'must be a whole number from 1 to 366',
    ]);
    expect(await problem({ frequency: 'WEEKLY', dayOfWeek: 8 })).toEqual([
      'ValidationError',
      'input.dayOfWeek',
      'must be from 1 (Monday) to 7 (Sunday)',
    ]);
    expect(await problem({ startsOn: '2026-04-10', endsOn: '2026-04-01' })).toEqual([
      'ValidationError',
      'input.endsOn',
      'it cannot end before it starts',
    ]);
    expect(await problem({ startsOn: '2026-03-01', endsOn: '2026-03-10' })).toEqual([
      'ValidationError',
      'input.endsOn',
      'it ends before it would first run',
    ]);
    expect(await problem({ amountMinor: '0' })).toEqual([
      'ValidationError',
      'input.amountMinor',
      'must be more than zero',
    ]);
    expect(
      (await create({ amountMinor: '1', frequency: 'DAILY', categoryId: othersCategory }))
        .__typename,
    ).toBe('NotFoundError');
    await user.ok('mutation ($id: ID!) { archiveCategory(id: $id) { __typename } }', {
      id: ids.Other,
    });
    expect(await problem({ categoryId: ids.Other })).toEqual([
      'ValidationError',
      'input.categoryId',
      'is archived; restore it first',
    ]);
    expect(await list()).toEqual([]);
  });

  it('lists by next run, paused ones last; a resumed rule skips what fell due while paused', async () => {
    const rent = await create({
      amountMinor: '1500000',
      note: 'rent',
      frequency: 'MONTHLY',
      dayOfMonth: 1,
    });
    const sip = await create({
      amountMinor: '500000',
      note: 'sip',
      frequency: 'MONTHLY',
      dayOfMonth: 25,
    });
    const paper = await create({
      amountMinor: '1000',
      note: 'paper',
      frequency: 'DAILY',
      startsOn: '2026-03-21',
    });
    expect((await list()).map((r) => r.note)).toEqual(['paper', 'sip', 'rent']);

    const paused = await toggle('pause', paper.id);
    expect(paused).toMatchObject({ paused: true, nextRun: null, nextRunOn: null, ended: false });
    expect((await toggle('pause', paper.id)).paused).toBe(true);
    expect((await list()).map((r) => r.note)).toEqual(['sip', 'rent', 'paper']);

    // Two days on, the scheduler passes the paused rule by...
    const later = new Date('2026-03-22T12:00:00Z');
    await runScheduler(later);
    expect(await recordedDays(paper.id)).toEqual([]);
    // ...and resuming starts from today's paper (its 09:00 gone: recorded at once), not the 21st.
    server.setNow(later);
    const resumed = await toggle('resume', paper.id);
    expect(resumed).toMatchObject({ paused: false, nextRun: '2026-03-22T03:30:00.000Z' });
    await runScheduler(later);
    expect(await recordedDays(paper.id)).toEqual(['2026-03-22 RECURRING']);

    // Paused and resumed the same day: today's, recorded already, is not recorded twice.
    await toggle('pause', paper.id);
    const again = await toggle('resume', paper.id);
    expect(again.nextRun).toBe('2026-03-23T03:30:00.000Z');
    expect((await toggle('resume', paper.id)).nextRun).toBe('2026-03-23T03:30:00.000Z');

    // Resumed a month later, the 1st of April's rent is not caught up.
    await toggle('pause', rent.id);
    server.setNow(new Date('2026-04-10T06:00:00Z'));
    // Three weeks on, the session has been idle too long: sign in again.
    await user.login('recurring@example.com');
    expect((await toggle('resume', rent.id)).nextRunOn).toBe('2026-05-01');
    server.setNow(NOW);
    for (const rule of [rent, sip, paper]) {
      await user.ok('mutation ($id: ID!) { deleteRecurringExpense(id: $id) { __typename } }', {
        id: rule.id,
      });
    }
  });

  it('edits the amount and the schedule without recording an already recorded day again', async () => {
    const bill = await create({
      amountMinor: '80000',
      categoryId: ids.Bills,
      frequency: 'MONTHLY',
    });
    expect(bill).toMatchObject({ dayOfMonth: 20, nextRun: '2026-03-20T03:30:00.000Z' });
    await runScheduler(NOW);
    expect(await recordedDays(bill.id)).toEqual(['2026-03-20 RECURRING']);

    const dearer = await update(bill.id, { amountMinor: '95000' });
    expect(dearer).toMatchObject({
      amount: { formatted: '₹950.00' },
      nextRunOn: '2026-04-20',
      lastRun: NOW.toISOString(),
    });
    // Every day from today: today's is recorded already, so tomorrow.
    const daily = await update(bill.id, { frequency: 'DAILY' });
    expect(daily).toMatchObject({
      description: 'every day',
      dayOfMonth: null,
      nextRunOn: '2026-03-21',
    });
    const monthly = await update(bill.id, { frequency: 'MONTHLY', dayOfMonth: 25 });
    expect(monthly).toMatchObject({
      description: 'every month on the 25th',
      nextRunOn: '2026-03-25',
    });
    const back = await update(bill.id, { dayOfMonth: 20 });
    expect(back.nextRunOn).toBe('2026-04-20');
    await runScheduler(new Date('2026-03-20T23:00:00Z'));
    expect(await recordedDays(bill.id)).toEqual(['2026-03-20 RECURRING']);

    // Moving the end before the next day ends it; moving it on brings it back.
    const ended = await update(bill.id, { endsOn: '2026-04-19' });
    expect(ended).toMatchObject({ ended: true, nextRun: null, endsOn: '2026-04-19' });
    expect((await update(bill.id, { endsOn: null })).nextRunOn).toBe('2026-04-20');
    expect((await update(bill.id, { categoryId: othersCategory })).__typename).toBe(
      'NotFoundError',
    );
    const problem = await update(bill.id, { endsOn: '2026-01-01' });
    expect(problem.problems).toEqual([
      { path: ['input', 'endsOn'], message: 'it cannot end before it starts' },
    ]);
  });

  it('deletes a rule and keeps the expenses it recorded', async () => {
    const [bill] = await list();
    const deleted = await user.ok<{ deleteRecurringExpense: { deletedId: string } }>(
      'mutation ($id: ID!) { deleteRecurringExpense(id: $id) { ... on DeleteRecurringExpenseSuccess { deletedId } } }',
      { id: bill!.id },
    );
    expect(deleted.deleteRecurringExpense.deletedId).toBe(bill!.id);
    expect(await list()).toEqual([]);
    const kept = await user.ok<{ expenses: { totalCount: number } }>(
      'query ($cat: ID!) { expenses(filter: { sources: [RECURRING], categoryIds: [$cat] }) { totalCount } }',
      { cat: ids.Bills },
    );
    expect(kept.expenses.totalCount).toBe(1);
    const again = await user.ok<{ deleteRecurringExpense: { __typename: string } }>(
      'mutation ($id: ID!) { deleteRecurringExpense(id: $id) { __typename } }',
      { id: bill!.id },
    );
    expect(again.deleteRecurringExpense.__typename).toBe('NotFoundError');
  });
});
