import { encodeGlobalID } from '@pothos/plugin-relay';
import { Prisma } from '@spendline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

// deleteAccount must leave nothing of the user behind but what books other people still
// use need. Every table in the schema says here how its rows tie to a user; a table added
// without a line fails the first test.

let server: TestServer;

interface Owner {
  id: string;
  email: string;
  phone: string;
  /** Rows tied through another table, whose ids are gone once it is deleted. */
  budgetIds: string[];
  conversationIds: string[];
}

const byUser = (table: string) => (o: Owner) =>
  Prisma.sql`SELECT count(*)::int AS n FROM ${Prisma.raw(table)} WHERE user_id = ${o.id}::uuid`;

const OWNED: Record<string, (owner: Owner) => Prisma.Sql> = {
  users: (o) => Prisma.sql`SELECT count(*)::int AS n FROM users WHERE id = ${o.id}::uuid`,
  sessions: byUser('sessions'),
  api_tokens: byUser('api_tokens'),
  whatsapp_links: byUser('whatsapp_links'),
  otp_challenges: byUser('otp_challenges'),
  categories: byUser('categories'),
  category_aliases: byUser('category_aliases'),
  expenses: byUser('expenses'),
  attachments: byUser('attachments'),
  budgets: byUser('budgets'),
  budget_alerts: (o) =>
    Prisma.sql`SELECT count(*)::int AS n FROM budget_alerts WHERE budget_id = ANY(${o.budgetIds}::uuid[])`,
  recurring_expenses: byUser('recurring_expenses'),
  statement_requests: byUser('statement_requests'),
  books: (o) => Prisma.sql`SELECT count(*)::int AS n FROM books WHERE created_by = ${o.id}::uuid`,
  book_memberships: byUser('book_memberships'),
  splits: byUser('splits'),
  settlements: (o) =>
    Prisma.sql`SELECT count(*)::int AS n FROM settlements
                WHERE from_user_id = ${o.id}::uuid OR to_user_id = ${o.id}::uuid`,
  conversations: (o) =>
    Prisma.sql`SELECT count(*)::int AS n FROM conversations WHERE wa_key = ${o.phone}`,
  inbound_messages: (o) =>
    Prisma.sql`SELECT count(*)::int AS n FROM inbound_messages
                WHERE conversation_id = ANY(${o.conversationIds}::uuid[])`,
  media_jobs: (o) =>
    Prisma.sql`SELECT count(*)::int AS n FROM media_jobs
                WHERE conversation_id = ANY(${o.conversationIds}::uuid[])`,
  outbound_messages: (o) =>
    Prisma.sql`SELECT count(*)::int AS n FROM outbound_messages
                WHERE recipient = ${o.phone.slice(1)} OR conversation_id = ANY(${o.conversationIds}::uuid[])`,
  rate_limits: (o) =>
    Prisma.sql`SELECT count(*)::int AS n FROM rate_limits
                WHERE key LIKE ${`%:${o.id}`} OR key = ${`login:account:${o.email}`}`,
};

// A settlement needs two members, and a book shared with the other user would tie their
// rows to this one's: the solo book here fills the other book tables.
const NEEDS_ANOTHER_MEMBER = ['settlements'];

/** Tables that hold nothing of any user's: what the product keeps about itself. */
const NOT_PERSONAL = ['scheduler_runs', 'webhook_outcomes'];

async function counts(owner: Owner): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const [table, sql] of Object.entries(OWNED)) {
    const [row] = await server.db.prisma.$queryRaw<{ n: number }[]>(sql(owner));
    result[table] = row?.n ?? 0;
  }
  return result;
}

/** A user with a row in every table, made the way the product makes them where it can. */
async function populate(
  email: string,
  phone: string,
): Promise<{ client: TestClient; owner: Owner }> {
  const client = new TestClient(server.url);
  await client.register(email, 'correct horse');
  const { id } = await server.db.prisma.user.findUniqueOrThrow({ where: { email } });
  const { createCategory } = await client.ok<{ createCategory: { id: string } }>(
    `mutation { createCategory(input: { name: "Pets", aliases: ["vet"] }) { ... on Category { id } } }`,
  );
  await client.ok(
    `mutation ($cat: ID!) { setBudget(input: { categoryId: $cat, amountMinor: "500" }) { __typename } }`,
    { cat: createCategory.id },
  );
  // Over the budget: the product records its alerts.
  await client.ok(
    `mutation ($cat: ID!) { createExpense(input: { amountMinor: "900", categoryId: $cat }) { __typename } }`,
    { cat: createCategory.id },
  );
  const budget = await server.db.prisma.budget.findFirstOrThrow({ where: { userId: id } });
  await client.ok(
    `mutation { createRecurringExpense(input: { amountMinor: "100", frequency: DAILY }) { __typename } }`,
  );
  await client.ok('mutation { createApiToken(name: "script") { __typename } }');
  await client.ok('mutation { createWhatsAppLinkCode { __typename } }');
  await client.ok(
    `mutation { importExpenses(input: { rows: [["2026-01-05", "12"]], mapping: { date: 0, amount: 1 } }) {
      __typename } }`,
  );
  // A wrong password first: a failed attempt is counted against the account.
  await client.ok('mutation { deleteAccount(password: "not it at all") { __typename } }');

  await server.db.prisma.whatsAppLink.create({
    data: { userId: id, phoneNumber: phone, verifiedAt: new Date() },
  });
  const conversation = await server.db.prisma.conversation.create({
    data: { waKey: phone, phoneNumber: phone, snapshot: { value: 'idle' } },
  });
  // A receipt read on the dashboard, kept with its entry, and one still waiting for one.
  for (const attach of [true, false]) {
    const { scanReceipt } = await client
      .upload<{ scanReceipt: { scan: { attachment: { id: string } } } }>(
        'mutation ($file: File!) { scanReceipt(file: $file) { ... on ScanReceiptSuccess { scan { attachment { id } } } } }',
        {},
        { file: { bytes: PNG, type: 'image/png' } },
      )
      .then((r) => r.data!);
    if (attach) {
      await client.ok(
        `mutation ($a: ID!) { createExpense(input: { amountMinor: "66932", attachmentId: $a }) { __typename } }`,
        { a: scanReceipt.scan.attachment.id },
      );
    }
  }
  const { createBook } = await client.ok<{ createBook: { id: string } }>(
    'mutation { createBook(name: "Solo") { ... on Book { id } } }',
  );
  await client.ok(
    `mutation ($b: ID!) { recordBookExpense(input: { bookId: $b, amountMinor: "1000" }) { __typename } }`,
    { b: createBook.id },
  );
  await server.db.prisma.statementRequest.create({
    data: {
      userId: id,
      conversationId: conversation.id,
      recipient: phone.slice(1),
      month: new Date('2026-11-01'),
    },
  });
  const photo = await server.db.prisma.inboundMessage.create({
    data: {
      waMessageId: `wamid.photo.${id}`,
      conversationId: conversation.id,
      phoneNumberId: '15550001111',
      type: 'image',
      payload: { image: { id: 'media-1' } },
      sentAt: new Date(),
    },
  });
  await server.db.prisma.mediaJob.create({
    data: {
      inboundMessageId: photo.id,
      conversationId: conversation.id,
      mediaId: 'media-1',
      media: 'image',
      payload: { userId: id },
    },
  });
  await server.db.prisma.inboundMessage.create({
    data: {
      waMessageId: `wamid.${id}`,
      conversationId: conversation.id,
      phoneNumberId: '15550001111',
      type: 'text',
      payload: { text: { body: '120 petrol' } },
      sentAt: new Date(),
    },
  });
  await server.db.prisma.outboundMessage.create({
    data: {
      conversationId: conversation.id,
      recipient: phone.slice(1),
      type: 'text',
      payload: { text: { body: 'Saved ₹120 petrol' } },
    },
  });
  // Sent before the chat had a conversation row: only the recipient ties it.
  await server.db.prisma.outboundMessage.create({
    data: { recipient: phone.slice(1), type: 'template', payload: { template: 'notice' } },
  });
  return {
    client,
    owner: {
      id,
      email,
      phone,
      budgetIds: [budget.id],
      conversationIds: [conversation.id],
    },
  };
}

// Any bytes do: the reader below stands in for OCR, which its own package tests.
const PNG = Buffer.from('89504e470d0a1a0a', 'hex');

beforeAll(async () => {
  server = await startTestServer({
    readReceipt: () =>
      Promise.resolve({
        kind: 'RECEIPT',
        amountMinor: 66932n,
        currency: 'INR',
        merchant: 'DMart',
        date: '2026-12-03',
      }),
  });
});
afterAll(async () => {
  await server.close();
});

describe('deleteAccount', () => {
  it('knows how every table’s rows tie to a user', async () => {
    const tables = await server.db.prisma.$queryRaw<{ name: string }[]>`
      SELECT table_name::text AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
         AND table_name <> '_prisma_migrations'`;
    expect(tables.map((t) => t.name).sort()).toEqual(
      [...Object.keys(OWNED), ...NOT_PERSONAL].sort(),
    );
  });

  it('removes every row the user owns and nothing of anyone else’s', async () => {
    const leaving = await populate('leaving@example.com', '+919800000011');
    const staying = await populate('staying@example.com', '+919800000022');
    const before = await counts(leaving.owner);
    // Every table holds something of theirs, or the test would prove little.
    for (const [table, n] of Object.entries(before)) {
      if (!NEEDS_ANOTHER_MEMBER.includes(table)) expect([table, n > 0]).toEqual([table, true]);
    }
    const theirs = await counts(staying.owner);

    const result = await leaving.client.ok<{ deleteAccount: { __typename: string } }>(
      'mutation { deleteAccount(password: "correct horse") { __typename } }',
    );
    expect(result.deleteAccount.__typename).toBe('DeleteAccountSuccess');

    const after = await counts(leaving.owner);
    expect(after).toEqual(Object.fromEntries(Object.keys(OWNED).map((table) => [table, 0])));
    expect(await counts(staying.owner)).toEqual(theirs);
  });

  it('empties an account that shares a book, keeping only what the book needs', async () => {
    const leaving = await populate('sharing@example.com', '+919800000033');
    const staying = await populate('sharer@example.com', '+919800000044');
    const { createBook } = await leaving.client.ok<{ createBook: { id: string } }>(
      'mutation { createBook(name: "Shared") { ... on Book { id } } }',
    );
    const { createBookInviteLink } = await leaving.client.ok<{
      createBookInviteLink: { token: string };
    }>(
      'mutation ($b: ID!) { createBookInviteLink(bookId: $b) { ... on BookInviteLink { token } } }',
      { b: createBook.id },
    );
    await staying.client.ok(
      'mutation ($t: String!) { acceptBookInvite(token: $t) { __typename } }',
      {
        t: createBookInviteLink.token,
      },
    );
    await leaving.client.ok(
      `mutation ($b: ID!) { recordBookExpense(input: { bookId: $b, amountMinor: "1000" }) { __typename } }`,
      { b: createBook.id },
    );
    const settled = await staying.client.ok<{ settleUp: { __typename: string } }>(
      `mutation ($input: SettleUpInput!) { settleUp(input: $input) { __typename } }`,
      {
        input: {
          bookId: createBook.id,
          fromId: encodeGlobalID('User', staying.owner.id),
          toId: encodeGlobalID('User', leaving.owner.id),
          amountMinor: '500',
          currency: 'INR',
        },
      },
    );
    expect(settled.settleUp.__typename).toBe('Settlement');
    const theirs = await counts(staying.owner);

    const result = await leaving.client.ok<{ deleteAccount: { __typename: string } }>(
      'mutation { deleteAccount(password: "correct horse") { __typename } }',
    );
    expect(result.deleteAccount.__typename).toBe('DeleteAccountSuccess');

    // The row itself, the shared entry with its share, the settlement, the membership
    // (as a former member's) and the book they created, now owned by the other member.
    const kept = {
      users: 1,
      expenses: 1,
      splits: 1,
      settlements: 1,
      book_memberships: 1,
      books: 1,
    };
    expect(await counts(leaving.owner)).toEqual(
      Object.fromEntries(
        Object.keys(OWNED).map((table) => [table, kept[table as keyof typeof kept] ?? 0]),
      ),
    );
    expect(await counts(staying.owner)).toEqual(theirs);
  });
});
