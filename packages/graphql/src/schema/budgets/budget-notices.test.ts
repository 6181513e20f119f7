// Spending recorded on the dashboard or over the API that crosses a budget threshold is
// told on WhatsApp, once per threshold a month, as the chat's text or as the template.
import { setBudget } from '@spendline/spending';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
let asha: TestClient;
let userId: string;
let foodId: string;
let foodGlobalId: string;
const phone = '+919812345678';
const now = new Date('2026-11-10T04:30:00Z'); // 10:00 on 10 November in Kolkata

const CREATE = `mutation ($input: NewExpense!) {
  createExpense(input: $input) { __typename ... on Expense { id } }
}`;
const UPDATE = `mutation ($id: ID!, $input: ExpensePatch!) {
  updateExpense(id: $id, input: $input) { __typename }
}`;
const DELETE = `mutation ($id: ID!) { deleteExpense(id: $id) { __typename } }`;
const RESTORE = `mutation ($id: ID!) { restoreExpense(id: $id) { __typename } }`;

async function create(amountMinor: string, extra: Record<string, unknown> = {}): Promise<string> {
  const data = await asha.ok<{ createExpense: { id: string } }>(CREATE, {
    input: { amountMinor, categoryId: foodGlobalId, ...extra },
  });
  return data.createExpense.id;
}

/** The notices queued so far, as the text or template parameter each carries. */
async function notices(): Promise<string[]> {
  const rows = await server.db.prisma.outboundMessage.findMany({ orderBy: { createdAt: 'asc' } });
  return rows.map((r) => {
    const p = r.payload as {
      type: string;
      text?: { body: string };
      template?: { name: string; components: { parameters: { text: string }[] }[] };
    };
    return p.type === 'text'
      ? `text: ${p.text!.body}`
      : `${p.template!.name}: ${p.template!.components[0]!.parameters[0]!.text}`;
  });
}

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(now);
  asha = new TestClient(server.url);
  await asha.register('asha@example.com', 'correct horse', {
    timeZone: 'Asia/Kolkata',
    locale: 'en-IN',
  });
  const { prisma } = server.db;
  userId = (await prisma.user.findUniqueOrThrow({ where: { email: 'asha@example.com' } })).id;
  await prisma.whatsAppLink.create({ data: { userId, phoneNumber: phone } });
  foodId = (await prisma.category.findFirstOrThrow({ where: { userId, nameKey: 'food' } })).id;
  const list = await asha.ok<{ categories: { id: string; name: string }[] }>(
    '{ categories { id name } }',
  );
  foodGlobalId = list.categories.find((c) => c.name === 'Food')!.id;
  await setBudget(server.db.sql, {
    userId,
    categoryId: foodId,
    from: '2026-11-01',
    amountMinor: 100_000n,
    currency: 'INR',
    timeZone: 'Asia/Kolkata',
  });
});
afterAll(async () => {
  await server.close();
});

describe('budget notices', () => {
  it('tells each threshold once, from creates, edits and restores alike', async () => {
    await create('70000');
    await create('5000', { kind: 'INCOME' });
    expect(await notices()).toEqual([]);

    const second = await create('15000');
    expect(await notices()).toEqual([
      'spendline_notice: ⚠️ 80% of your Food budget used: ₹850.00 of ₹1,000.00. At this pace: ₹2,550.00 by month end.',
    ]);
    const third = await create('1000');
    expect(await notices()).toHaveLength(1);

    // The chat is open now: the next notice is plain text.
    await server.db.prisma.conversation.create({
      data: { waKey: phone, phoneNumber: phone, lastInboundAt: now },
    });
    await asha.ok(DELETE, { id: second });
    await asha.ok(UPDATE, { id: third, input: { amountMinor: '25000' } }); // 950 of 1000
    expect(await notices()).toHaveLength(1);
    await asha.ok(RESTORE, { id: second });
    expect((await notices())[1]).toBe('text: 🚨 Food budget used up: ₹1,100.00 of ₹1,000.00.');
    expect(await notices()).toHaveLength(2);
  });
});

describe('budget notices from an import', () => {
  it('tells the threshold an imported file crossed, once', async () => {
    const ravi = new TestClient(server.url);
    await ravi.register('ravi@example.com', 'correct horse', {
      timeZone: 'Asia/Kolkata',
      locale: 'en-IN',
    });
    const { prisma } = server.db;
    const raviId = (await prisma.user.findUniqueOrThrow({ where: { email: 'ravi@example.com' } }))
      .id;
    await prisma.whatsAppLink.create({ data: { userId: raviId, phoneNumber: '+919812300000' } });
    await setBudget(server.db.sql, {
      userId: raviId,
      categoryId: null,
      from: '2026-11-01',
      amountMinor: 200_000n,
      currency: 'INR',
      timeZone: 'Asia/Kolkata',
    });
    const told = (await notices()).length;
    const IMPORT = `mutation ($input: ImportExpensesInput!) {
      importExpenses(input: $input) { __typename ... on ExpenseImport { imported } } }`;
    const rows = (amounts: string[]) => ({
      input: {
        rows: amounts.map((a, i) => [`2026-11-0${i + 1}`, a]),
        mapping: { date: 0, amount: 1 },
      },
    });
    await ravi.ok(IMPORT, rows(['900', '700']));
    expect(await notices()).toHaveLength(told + 1);
    expect((await notices())[told]).toBe(
      'spendline_notice: ⚠️ 80% of your Monthly budget used: ₹1,600.00 of ₹2,000.00. At this pace: ₹4,800.00 by month end.',
    );
    // Spending imported again under the threshold already told tells nothing more.
    await ravi.ok(IMPORT, rows(['10']));
    expect(await notices()).toHaveLength(told + 1);
  });
});
