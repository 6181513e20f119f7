import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from './schema.ts';
import { startRecordingWebhook, type RecordingWebhook } from '../testing/test-webhook.ts';
import {
  codeIn,
  startTestServer,
  subscribe,
  TestClient,
  type GraphQLResponse,
  type TestServer,
} from '../testing/test-server.ts';

// Every root field, tried by one user (mallory) on another user's (victim's) rows.
// The table is checked against the built schema: a new query, mutation or
// subscription without an attack here fails the first test.

const WEBHOOK_SECRET = 'authorization-test-webhook-secret';
let server: TestServer;
let webhook: RecordingWebhook;
let victim: TestClient;
let mallory: TestClient;
const ids = {
  user: '',
  category: '',
  expense: '',
  deletedExpense: '',
  apiToken: '',
  malloryCategory: '',
  whatsAppLink: '',
  recurring: '',
  book: '',
  settlement: '',
  friend: '',
};
let victimBookBefore = '';
let victimOtp = '';
let victimToken = '';
let victimSession = '';

interface Attack {
  operation: string;
  /** How to send it; a plain POST unless given (subscriptions stream). */
  run?: (client: TestClient, attack: Attack) => Promise<GraphQLResponse>;
  variables?: () => Record<string, unknown>;
  /** Asserts nothing of the victim's leaked or changed. */
  check: (res: GraphQLResponse) => Promise<void> | void;
  /** Fields a stranger may call: the others must answer UNAUTHENTICATED. */
  public?: boolean;
}

async function victimExpense(id: string) {
  const { node } = await victim.ok<{
    node: { note: string; amount: { amountMinor: string }; deletedAt: string | null } | null;
  }>(
    'query ($id: ID!) { node(id: $id) { ... on Expense { note amount { amountMinor } deletedAt } } }',
    {
      id,
    },
  );
  return node;
}

async function victimCategory(id: string) {
  const { node } = await victim.ok<{
    node: { name: string; archived: boolean; expenseCount: number; aliases: string[] } | null;
  }>(
    'query ($id: ID!) { node(id: $id) { ... on Category { name archived expenseCount aliases } } }',
    {
      id,
    },
  );
  return node;
}

async function victimAttachments() {
  return server.db.prisma.attachment.count({ where: { user: { email: 'victim@example.com' } } });
}

async function victimBudgets() {
  const { budgets } = await victim.ok<{
    budgets: { category: { name: string } | null; limit: { amountMinor: string } }[];
  }>('{ budgets { category { name } limit { amountMinor } } }');
  return budgets.map((b) => `${b.category?.name ?? 'overall'} ${b.limit.amountMinor}`);
}

async function victimRecurring() {
  const { recurringExpenses } = await victim.ok<{
    recurringExpenses: { amount: { amountMinor: string }; paused: boolean; nextRun: string }[];
  }>('{ recurringExpenses { amount { amountMinor } paused nextRun } }');
  return recurringExpenses;
}

/** Everything the victim sees of their shared book: unchanged by anyone outside it. */
async function victimBook(): Promise<string> {
  const data = await victim.ok(
    `query ($id: ID!) { book(id: $id) { name members { person { name } phoneNumber status role }
      balances { currency members { member { name } amount { amountMinor } } }
      settlements { amount { amountMinor } deletedAt }
      entries { edges { node { note amount { amountMinor } } } } } }`,
    { id: ids.book },
  );
  return JSON.stringify(data);
}

const bookUnchanged = async () => expect(await victimBook()).toBe(victimBookBefore);

const victimRule = [
  { amount: { amountMinor: '424242' }, paused: false, nextRun: expect.any(String) },
];

const typename = (res: GraphQLResponse, field: string) =>
  (res.data?.[field] as { __typename?: string } | undefined)?.__typename;

const attacks: Record<string, Attack> = {
  'Query.node': {
    operation: 'query ($id: ID!) { node(id: $id) { id } }',
    variables: () => ({ id: ids.expense }),
    check: async (res) => {
      expect(res.data?.node ?? null).toBeNull();
      for (const key of [
        'category',
        'apiToken',
        'user',
        'deletedExpense',
        'whatsAppLink',
        'recurring',
      ] as const) {
        const other = await mallory.request('query ($id: ID!) { node(id: $id) { id } }', {
          id: ids[key],
        });
        expect(other.data?.node ?? null).toBeNull();
      }
    },
  },
  'Query.nodes': {
    operation: 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    variables: () => ({
      ids: [ids.expense, ids.category, ids.apiToken, ids.user, ids.whatsAppLink, ids.recurring],
    }),
    check: (res) => {
      expect(JSON.stringify(res.data ?? null)).not.toMatch(/"id":"/);
    },
  },
  'Query.me': {
    operation: '{ me { email } }',
    public: true,
    check: (res) => expect(res.data?.me).toEqual({ email: 'mallory@example.com' }),
  },
  'Query.categories': {
    operation: '{ categories(includeArchived: true) { id name } }',
    check: (res) => {
      const listed = JSON.stringify(res.data);
      expect(listed).not.toContain(ids.category);
      expect(listed).not.toContain('Secret Plans');
    },
  },
  'Query.expenses': {
    operation: `query ($cat: ID!) {
      all: expenses(filter: { status: ALL }) { totalCount edges { node { id note } } }
      filtered: expenses(filter: { categoryIds: [$cat], status: ALL }) { totalCount }
    }`,
    variables: () => ({ cat: ids.category }),
    check: (res) => {
      expect(JSON.stringify(res.data)).not.toContain('victim');
      expect(res.data).toMatchObject({ all: { totalCount: 0 }, filtered: { totalCount: 0 } });
    },
  },
  'Query.expenseTotals': {
    // The sum covers the caller's own entries only, also with the victim's category asked for.
    operation: `query ($cat: ID!) {
      mine: expenses(filter: { status: ALL }) { totalCount }
      all: expenseTotals(filter: { status: ALL }) { count }
      filtered: expenseTotals(filter: { categoryIds: [$cat], status: ALL }) { count }
    }`,
    variables: () => ({ cat: ids.category }),
    check: (res) => {
      const data = res.data as {
        mine: { totalCount: number };
        all: { count: number }[];
        filtered: { count: number }[];
      };
      expect(data.all.reduce((sum, total) => sum + total.count, 0)).toBe(data.mine.totalCount);
      expect(data.filtered.reduce((sum, total) => sum + total.count, 0)).toBe(0);
    },
  },
  'Query.expense': {
    operation: 'query ($id: ID!) { expense(id: $id) { note } }',
    variables: () => ({ id: ids.expense }),
    check: (res) => expect(res.data?.expense).toBeNull(),
  },
  'Query.summary': {
    operation: '{ summary(period: YEAR) { totals { total { amountMinor } } categories { name } } }',
    check: (res) => {
      expect(res.data?.summary).toEqual({ totals: [], categories: [] });
    },
  },
  'Query.ask': {
    operation:
      '{ ask(question: "list entries this year") { count totals { amountMinor } entries { note } categories { name } } }',
    check: (res) => {
      expect(res.data?.ask).toEqual({ count: 0, totals: [], entries: [], categories: [] });
    },
  },
  'Query.budgets': {
    operation: '{ budgets { category { name } limit { amountMinor } } }',
    check: (res) => expect(res.data?.budgets).toEqual([]),
  },
  'Mutation.setBudget': {
    operation: `mutation ($cat: ID!) {
      setBudget(input: { categoryId: $cat, amountMinor: "1" }) { __typename } }`,
    variables: () => ({ cat: ids.category }),
    check: async (res) => {
      expect(typename(res, 'setBudget')).toBe('NotFoundError');
      expect(await victimBudgets()).toEqual(['overall 424242', 'Secret Plans 4242']);
    },
  },
  'Mutation.deleteBudget': {
    operation: `mutation ($cat: ID!) {
      theirs: deleteBudget(categoryId: $cat) { __typename }
      overall: deleteBudget { __typename }
    }`,
    variables: () => ({ cat: ids.category }),
    check: async (res) => {
      expect(typename(res, 'theirs')).toBe('NotFoundError');
      expect(typename(res, 'overall')).toBe('DeleteBudgetSuccess');
      expect(await victimBudgets()).toEqual(['overall 424242', 'Secret Plans 4242']);
    },
  },
  'Query.budgetChanges': {
    operation: '{ budgetChanges { category { name } limit { amountMinor } } }',
    check: (res) => {
      expect(res.data?.budgetChanges).toBeInstanceOf(Array);
      expect(JSON.stringify(res.data)).not.toMatch(/Secret Plans|424242/);
    },
  },
  'Mutation.importExpenses': {
    // The victim's own entry, row for row: it must not count as already recorded, and the
    // category of that name must be a new one of the caller's.
    operation: `mutation ($day: String!) {
      importExpenses(input: {
        rows: [[$day, "4242.42", "Secret Plans", "victim lunch"]],
        mapping: { date: 0, amount: 1, category: 2, note: 3 }
      }) { __typename ... on ExpenseImport { imported duplicates } } }`,
    variables: () => ({
      day: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date()),
    }),
    check: async (res) => {
      expect(res.data?.importExpenses).toEqual({
        __typename: 'ExpenseImport',
        imported: 1,
        duplicates: 0,
      });
      expect(await victimCategory(ids.category)).toMatchObject({ expenseCount: 1 });
      const imported = await server.db.prisma.expense.findFirstOrThrow({
        where: { source: 'IMPORT' },
        include: { user: true, category: true },
      });
      expect(imported.user.email).toBe('mallory@example.com');
      expect(imported.category?.userId).toBe(imported.userId);
      // Later attacks look for the victim's words in mallory's rows, and make the category.
      await server.db.prisma.expense.delete({ where: { id: imported.id } });
      await server.db.prisma.category.delete({ where: { id: imported.categoryId ?? '' } });
    },
  },
  'Query.recurringExpenses': {
    operation: '{ recurringExpenses { id note } }',
    check: (res) => expect(res.data?.recurringExpenses).toEqual([]),
  },
  'Mutation.createRecurringExpense': {
    operation: `mutation ($cat: ID!) {
      createRecurringExpense(input: { amountMinor: "1", frequency: DAILY, categoryId: $cat }) {
        __typename } }`,
    variables: () => ({ cat: ids.category }),
    check: async (res) => {
      expect(typename(res, 'createRecurringExpense')).toBe('NotFoundError');
      expect(await server.db.prisma.recurringExpense.count()).toBe(1);
    },
  },
  'Mutation.updateRecurringExpense': {
    operation: `mutation ($id: ID!) {
      updateRecurringExpense(id: $id, input: { amountMinor: "1", frequency: DAILY }) {
        __typename } }`,
    variables: () => ({ id: ids.recurring }),
    check: async (res) => {
      expect(typename(res, 'updateRecurringExpense')).toBe('NotFoundError');
      expect(await victimRecurring()).toEqual(victimRule);
    },
  },
  'Mutation.pauseRecurringExpense': {
    operation: 'mutation ($id: ID!) { pauseRecurringExpense(id: $id) { __typename } }',
    variables: () => ({ id: ids.recurring }),
    check: async (res) => {
      expect(typename(res, 'pauseRecurringExpense')).toBe('NotFoundError');
      expect(await victimRecurring()).toEqual(victimRule);
    },
  },
  'Mutation.resumeRecurringExpense': {
    operation: 'mutation ($id: ID!) { resumeRecurringExpense(id: $id) { __typename } }',
    variables: () => ({ id: ids.recurring }),
    check: async (res) => {
      expect(typename(res, 'resumeRecurringExpense')).toBe('NotFoundError');
      expect(await victimRecurring()).toEqual(victimRule);
    },
  },
  'Mutation.deleteRecurringExpense': {
    operation: 'mutation ($id: ID!) { deleteRecurringExpense(id: $id) { __typename } }',
    variables: () => ({ id: ids.recurring }),
    check: async (res) => {
      expect(typename(res, 'deleteRecurringExpense')).toBe('NotFoundError');
      expect(await victimRecurring()).toEqual(victimRule);
    },
  },
  'Mutation.register': {
    operation: `mutation { register(input: { email: "victim@example.com", password: "whatever passphrase 1" }) {
      __typename } }`,
    public: true,
    check: (res) => expect(typename(res, 'register')).toBe('ConflictError'),
  },
  'Mutation.login': {
    operation: `mutation { login(email: "victim@example.com", password: "not the password") {
      __typename } }`,
    public: true,
    check: (res) => expect(typename(res, 'login')).toBe('InvalidCredentialsError'),
  },
  'Mutation.requestPasswordReset': {
    operation: 'mutation { requestPasswordReset(email: "victim@example.com") { __typename } }',
    public: true,
    check: (res) =>
      expect(typename(res, 'requestPasswordReset')).toBe('RequestPasswordResetSuccess'),
  },
  'Mutation.resetPassword': {
    operation: `mutation { resetPassword(input: { email: "victim@example.com", code: "000000",
      newPassword: "mallory owns this now" }) { __typename } }`,
    public: true,
    check: async (res) => {
      expect(typename(res, 'resetPassword')).toBe('ValidationError');
      const login = await new TestClient(server.url).ok<{ login: { __typename: string } }>(
        'mutation { login(email: "victim@example.com", password: "victim passphrase 1") { __typename } }',
      );
      expect(login.login.__typename).toBe('User');
    },
  },
  'Mutation.logout': {
    operation: 'mutation { logout(everywhere: true) }',
    public: true,
    check: async () => {
      expect(await victim.ok('{ me { email } }')).toEqual({ me: { email: 'victim@example.com' } });
      await mallory.ok(
        'mutation { login(email: "mallory@example.com", password: "mallory passphrase 1") { __typename } }',
      );
    },
  },
  'Mutation.changePassword': {
    operation: `mutation { changePassword(currentPassword: "victim passphrase 1", newPassword: "pwned pwned") {
      __typename } }`,
    check: async (res) => {
      expect(typename(res, 'changePassword')).toBe('InvalidCredentialsError');
      const again = new TestClient(server.url);
      const login = await again.ok<{ login: { __typename: string } }>(
        'mutation { login(email: "victim@example.com", password: "victim passphrase 1") { __typename } }',
      );
      expect(login.login.__typename).toBe('User');
    },
  },
  'Mutation.deleteAccount': {
    operation: 'mutation { deleteAccount(password: "victim passphrase 1") { __typename } }',
    check: async (res) => {
      expect(typename(res, 'deleteAccount')).toBe('InvalidCredentialsError');
      expect(await server.db.prisma.user.count({ where: { email: 'victim@example.com' } })).toBe(1);
    },
  },
  'Mutation.updateSettings': {
    operation: 'mutation { updateSettings(input: { currency: "EUR" }) { __typename } }',
    check: async () => {
      const { me } = await victim.ok<{ me: { currency: string } }>('{ me { currency } }');
      expect(me.currency).toBe('INR');
    },
  },
  'Mutation.createApiToken': {
    operation: 'mutation { createApiToken(name: "mine") { ... on ApiTokenCreated { token } } }',
    check: async (res) => {
      const script = new TestClient(server.url);
      script.bearer = (res.data?.createApiToken as { token: string }).token;
      expect(await script.ok('{ me { email } }')).toEqual({ me: { email: 'mallory@example.com' } });
    },
  },
  'Mutation.revokeApiToken': {
    operation: 'mutation ($id: ID!) { revokeApiToken(id: $id) { __typename } }',
    variables: () => ({ id: ids.apiToken }),
    check: async (res) => {
      expect(typename(res, 'revokeApiToken')).toBe('NotFoundError');
      const script = new TestClient(server.url);
      script.bearer = victimToken;
      expect(await script.ok('{ me { email } }')).toEqual({ me: { email: 'victim@example.com' } });
    },
  },
  'Mutation.createCategory': {
    operation: `mutation { createCategory(input: { name: "Secret Plans", aliases: ["victimword"] }) {
      __typename } }`,
    check: async (res) => {
      expect(typename(res, 'createCategory')).toBe('Category');
      expect((await victimCategory(ids.category))?.aliases).toEqual(['victimword']);
    },
  },
  'Mutation.updateCategory': {
    operation:
      'mutation ($id: ID!) { updateCategory(id: $id, input: { name: "Owned" }) { __typename } }',
    variables: () => ({ id: ids.category }),
    check: async (res) => {
      expect(typename(res, 'updateCategory')).toBe('NotFoundError');
      expect((await victimCategory(ids.category))?.name).toBe('Secret Plans');
    },
  },
  'Mutation.archiveCategory': {
    operation: 'mutation ($id: ID!) { archiveCategory(id: $id) { __typename } }',
    variables: () => ({ id: ids.category }),
    check: async (res) => {
      expect(typename(res, 'archiveCategory')).toBe('NotFoundError');
      expect((await victimCategory(ids.category))?.archived).toBe(false);
    },
  },
  'Mutation.mergeCategories': {
    operation: `mutation ($theirs: ID!, $mine: ID!) {
      steal: mergeCategories(sourceIds: [$theirs], targetId: $mine) { __typename }
      push: mergeCategories(sourceIds: [$mine], targetId: $theirs) { __typename }
    }`,
    variables: () => ({ theirs: ids.category, mine: ids.malloryCategory }),
    check: async (res) => {
      expect(typename(res, 'steal')).toBe('NotFoundError');
      expect(typename(res, 'push')).toBe('NotFoundError');
      expect(await victimCategory(ids.category)).toMatchObject({ expenseCount: 1 });
    },
  },
  'Mutation.createExpense': {
    operation: `mutation ($cat: ID!) { createExpense(input: { amountMinor: "1", categoryId: $cat }) {
      __typename } }`,
    variables: () => ({ cat: ids.category }),
    check: async (res) => {
      expect(typename(res, 'createExpense')).toBe('NotFoundError');
      expect(await victimCategory(ids.category)).toMatchObject({ expenseCount: 1 });
    },
  },
  'Mutation.updateExpense': {
    operation: `mutation ($id: ID!) { updateExpense(id: $id, input: { amountMinor: "1", note: "x" }) {
      __typename } }`,
    variables: () => ({ id: ids.expense }),
    check: async (res) => {
      expect(typename(res, 'updateExpense')).toBe('NotFoundError');
      expect(await victimExpense(ids.expense)).toMatchObject({
        note: 'victim lunch',
        amount: { amountMinor: '424242' },
      });
    },
  },
  'Mutation.deleteExpense': {
    operation: 'mutation ($id: ID!) { deleteExpense(id: $id) { __typename } }',
    variables: () => ({ id: ids.expense }),
    check: async (res) => {
      expect(typename(res, 'deleteExpense')).toBe('NotFoundError');
      expect((await victimExpense(ids.expense))?.deletedAt).toBeNull();
    },
  },
  'Mutation.restoreExpense': {
    operation: 'mutation ($id: ID!) { restoreExpense(id: $id) { __typename } }',
    variables: () => ({ id: ids.deletedExpense }),
    check: async (res) => {
      expect(typename(res, 'restoreExpense')).toBe('NotFoundError');
      expect((await victimExpense(ids.deletedExpense))?.deletedAt).not.toBeNull();
    },
  },
  'Mutation.requestWhatsAppOtp': {
    operation: `mutation { requestWhatsAppOtp(phoneNumber: "+919800000001") { __typename } }`,
    check: async (res) => {
      // Answered as for any number, so it does not tell the number is taken; the code goes
      // to the victim's phone, where Mallory cannot read it, and the link stays the victim's.
      expect(typename(res, 'requestWhatsAppOtp')).toBe('WhatsAppOtpSent');
      const link = await server.db.prisma.whatsAppLink.findUniqueOrThrow({
        where: { phoneNumber: '+919800000001' },
        include: { user: true },
      });
      expect(link.user.email).toBe('victim@example.com');
    },
  },
  'Mutation.verifyWhatsAppOtp': {
    operation: 'mutation ($code: String!) { verifyWhatsAppOtp(code: $code) { __typename } }',
    variables: () => ({ code: victimOtp }),
    check: async (res) => {
      expect(['NotFoundError', 'ValidationError']).toContain(typename(res, 'verifyWhatsAppOtp'));
      const challenge = await server.db.prisma.otpChallenge.findFirstOrThrow({
        where: { phoneNumber: '+919800000002', user: { email: 'victim@example.com' } },
      });
      expect(challenge).toMatchObject({ attempts: 0, consumedAt: null });
    },
  },
  'Mutation.createWhatsAppLinkCode': {
    operation: 'mutation { createWhatsAppLinkCode { __typename } }',
    check: async (res) => {
      expect(typename(res, 'createWhatsAppLinkCode')).toBe('WhatsAppLinkCode');
      const codes = await server.db.prisma.otpChallenge.findMany({
        where: { purpose: 'LINK_CODE' },
        include: { user: { select: { email: true } } },
      });
      expect(codes.map((c) => c.user.email)).toEqual(['mallory@example.com']);
    },
  },
  'Mutation.unlinkWhatsApp': {
    operation: 'mutation ($id: ID!) { unlinkWhatsApp(id: $id) { __typename } }',
    variables: () => ({ id: ids.whatsAppLink }),
    check: async (res) => {
      expect(typename(res, 'unlinkWhatsApp')).toBe('NotFoundError');
      expect(
        await server.db.prisma.whatsAppLink.count({ where: { phoneNumber: '+919800000001' } }),
      ).toBe(1);
    },
  },
  'Mutation.revokeSession': {
    operation: 'mutation ($id: ID!) { revokeSession(id: $id) { __typename } }',
    variables: () => ({ id: victimSession }),
    check: async (res) => {
      expect(typename(res, 'revokeSession')).toBe('NotFoundError');
      expect(await victim.ok('{ me { email } }')).toEqual({ me: { email: 'victim@example.com' } });
    },
  },
  'Mutation.logoutEverywhere': {
    operation: 'mutation { logoutEverywhere }',
    check: async (res) => {
      expect(res.data?.logoutEverywhere).toBe(1);
      expect(await victim.ok('{ me { email } }')).toEqual({ me: { email: 'victim@example.com' } });
      await mallory.ok(
        'mutation { login(email: "mallory@example.com", password: "mallory passphrase 1") { __typename } }',
      );
    },
  },
  'Query.sandboxChat': {
    operation: 'query { sandboxChat(phone: "+919800000001") { text } }',
    check: (res) => {
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    },
  },
  'Query.operatorStatus': {
    // The victim registered first and is the operator; mallory is not, and is refused.
    operation: '{ operatorStatus { outbox { pending failures { code } } activeConversations } }',
    check: (res) => {
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    },
  },
  'Mutation.sandboxSend': {
    operation: `mutation { sandboxSend(input: { phone: "+919800000001", text: "victim pwned" }) {
      __typename } }`,
    check: (res) => {
      expect(typename(res, 'sandboxSend')).toBe('ConflictError');
      expect(webhook.requests).toHaveLength(0);
    },
  },
  'Mutation.sandboxSendMedia': {
    // A photo as if from the victim's linked number: refused, and nothing is posted.
    operation: `mutation ($input: SandboxSendMediaInput!, $file: File!) {
      sandboxSendMedia(input: $input, file: $file) { __typename } }`,
    run: (client, attack) =>
      client.upload(
        attack.operation,
        { input: { phone: '+919800000001', caption: 'victim pwned' } },
        { file: { bytes: Buffer.from('a photo'), type: 'image/jpeg' } },
      ),
    check: async (res) => {
      expect(typename(res, 'sandboxSendMedia')).toBe('ConflictError');
      expect(webhook.requests).toHaveLength(0);
      expect(await victimAttachments()).toBe(0);
    },
  },
  'Mutation.scanReceipt': {
    // A scan keeps the file as the scanner's own: never the victim's, and it reads nothing of theirs.
    operation: `mutation ($file: File!) { scanReceipt(file: $file) { __typename } }`,
    run: (client, attack) =>
      client.upload(
        attack.operation,
        {},
        { file: { bytes: Buffer.from('a bill'), type: 'image/png' } },
      ),
    check: async (res) => {
      expect(JSON.stringify(res)).not.toMatch(/victim|Secret Plans|424242/);
      expect(await victimAttachments()).toBe(0);
    },
  },
  'Query.books': {
    operation: '{ books { id name } }',
    check: (res) => {
      expect(res.data?.books).toEqual([]);
    },
  },
  'Query.bookInvitations': {
    // Only invitations of the caller's own numbers: none of the victim's books.
    operation: '{ bookInvitations { bookId bookName } }',
    check: (res) => {
      expect(res.data?.bookInvitations).toEqual([]);
    },
  },
  'Query.book': {
    operation: `query ($id: ID!) {
      book(id: $id) { name balances { currency } entries { edges { node { note } } } }
      node(id: $id) { id } }`,
    variables: () => ({ id: ids.book }),
    check: (res) => {
      expect(res.data).toEqual({ book: null, node: null });
    },
  },
  'Mutation.createBook': {
    // A book of the same name is the caller's own, and lets them into nothing of the victim's.
    operation: 'mutation { createBook(name: "Secret Trip") { __typename ... on Book { name } } }',
    check: async (res) => {
      expect(res.data?.createBook).toEqual({ __typename: 'Book', name: 'Secret Trip' });
      await bookUnchanged();
    },
  },
  'Mutation.inviteToBook': {
    operation: `mutation ($id: ID!) { inviteToBook(bookId: $id, phoneNumber: "+919800000009") {
      __typename } }`,
    variables: () => ({ id: ids.book }),
    check: async (res) => {
      expect(typename(res, 'inviteToBook')).toBe('NotFoundError');
      await bookUnchanged();
    },
  },
  'Mutation.createBookInviteLink': {
    operation: 'mutation ($id: ID!) { createBookInviteLink(bookId: $id) { __typename } }',
    variables: () => ({ id: ids.book }),
    check: async (res) => {
      expect(typename(res, 'createBookInviteLink')).toBe('NotFoundError');
      expect(
        await server.db.prisma.membership.count({ where: { inviteTokenHash: { not: null } } }),
      ).toBe(0);
    },
  },
  'Mutation.acceptBookInvite': {
    operation: `mutation ($id: ID!) {
      byId: acceptBookInvite(bookId: $id) { __typename }
      byToken: acceptBookInvite(token: "a guessed token") { __typename } }`,
    variables: () => ({ id: ids.book }),
    check: async (res) => {
      expect(typename(res, 'byId')).toBe('NotFoundError');
      expect(typename(res, 'byToken')).toBe('NotFoundError');
      await bookUnchanged();
    },
  },
  'Mutation.leaveBook': {
    operation: 'mutation ($id: ID!) { leaveBook(bookId: $id) { __typename } }',
    variables: () => ({ id: ids.book }),
    check: async (res) => {
      expect(typename(res, 'leaveBook')).toBe('NotFoundError');
      await bookUnchanged();
    },
  },
  'Mutation.recordBookExpense': {
    operation: `mutation ($input: NewBookExpense!) { recordBookExpense(input: $input) {
      __typename } }`,
    variables: () => ({
      input: { bookId: ids.book, amountMinor: '1', split: { forMember: ids.user } },
    }),
    check: async (res) => {
      expect(typename(res, 'recordBookExpense')).toBe('NotFoundError');
      await bookUnchanged();
    },
  },
  'Mutation.settleUp': {
    operation: `mutation ($input: SettleUpInput!) { settleUp(input: $input) { __typename } }`,
    variables: () => ({
      input: { bookId: ids.book, fromId: ids.user, toId: ids.friend, amountMinor: '1' },
    }),
    check: async (res) => {
      expect(typename(res, 'settleUp')).toBe('NotFoundError');
      await bookUnchanged();
    },
  },
  'Mutation.deleteSettlement': {
    operation: 'mutation ($id: ID!) { deleteSettlement(id: $id) { __typename } }',
    variables: () => ({ id: ids.settlement }),
    check: async (res) => {
      expect(typename(res, 'deleteSettlement')).toBe('NotFoundError');
      await bookUnchanged();
    },
  },
  'Subscription.expenseChanged': {
    operation: 'subscription { expenseChanged { kind expense { note } } }',
    run: async (client, attack) => {
      const stream = await subscribe(client, attack.operation);
      try {
        await new Promise((resolve) => setTimeout(resolve, 100));
        const { createExpense } = await victim.ok<{ createExpense: { id: string } }>(
          'mutation { createExpense(input: { amountMinor: "6", note: "victim spare" }) { ... on Expense { id } } }',
        );
        await victim.ok(
          'mutation ($id: ID!) { updateExpense(id: $id, input: { note: "victim edit" }) { __typename } }',
          { id: createExpense.id },
        );
        const event = (await stream.next(500)) as Partial<GraphQLResponse> | null;
        return { status: 200, headers: new Headers(), data: event?.data, errors: event?.errors };
      } finally {
        stream.close();
      }
    },
    check: (res) => {
      expect(JSON.stringify(res.data ?? null)).not.toContain('victim');
    },
  },
  'Subscription.expenseAdded': {
    operation: 'subscription { expenseAdded { note } }',
    run: async (client, attack) => {
      const stream = await subscribe(client, attack.operation);
      try {
        await new Promise((resolve) => setTimeout(resolve, 100));
        await victim.ok(
          'mutation { createExpense(input: { amountMinor: "5", note: "victim live" }) { __typename } }',
        );
        const event = (await stream.next(500)) as Partial<GraphQLResponse> | null;
        return { status: 200, headers: new Headers(), data: event?.data, errors: event?.errors };
      } finally {
        stream.close();
      }
    },
    check: (res) => {
      expect(JSON.stringify(res.data ?? null)).not.toContain('victim');
    },
  },
};

function send(client: TestClient, attack: Attack): Promise<GraphQLResponse> {
  return attack.run
    ? attack.run(client, attack)
    : client.request(attack.operation, attack.variables?.() ?? {});
}

function rootFields(): string[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap(
    (type) => (type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : []),
  );
}

beforeAll(async () => {
  server = await startTestServer({
    sandboxChat: {
      webhookUrl: () => webhook.url,
      appSecret: WEBHOOK_SECRET,
      phoneNumberId: '15550009999',
    },
  });
  webhook = await startRecordingWebhook(server.db.sql, WEBHOOK_SECRET);
  victim = new TestClient(server.url);
  await victim.register('victim@example.com', 'victim passphrase 1');
  mallory = new TestClient(server.url);
  await mallory.register('mallory@example.com', 'mallory passphrase 1');

  const me = await victim.ok<{ me: { id: string } }>('{ me { id } }');
  ids.user = me.me.id;
  const category = await victim.ok<{ createCategory: { id: string } }>(
    `mutation { createCategory(input: { name: "Secret Plans", aliases: ["victimword"] }) {
      ... on Category { id } } }`,
  );
  ids.category = category.createCategory.id;
  for (const input of [
    { amountMinor: '424242' },
    { categoryId: ids.category, amountMinor: '4242' },
  ]) {
    await victim.ok('mutation ($input: BudgetInput!) { setBudget(input: $input) { __typename } }', {
      input,
    });
  }
  const rule = await victim.ok<{ createRecurringExpense: { id: string } }>(
    `mutation ($cat: ID!) {
      createRecurringExpense(input: {
        amountMinor: "424242", frequency: MONTHLY, categoryId: $cat, note: "victim rent"
      }) { ... on RecurringExpense { id } } }`,
    { cat: ids.category },
  );
  ids.recurring = rule.createRecurringExpense.id;
  const create = (note: string) =>
    victim.ok<{ createExpense: { id: string } }>(
      `mutation ($cat: ID!, $note: String!) {
        createExpense(input: { amountMinor: "424242", note: $note, categoryId: $cat }) {
          ... on Expense { id } } }`,
      { cat: ids.category, note },
    );
  ids.expense = (await create('victim lunch')).createExpense.id;
  ids.deletedExpense = (await create('victim deleted')).createExpense.id;
  await victim.ok('mutation ($id: ID!) { deleteExpense(id: $id) { __typename } }', {
    id: ids.deletedExpense,
  });
  const token = await victim.ok<{ createApiToken: { token: string; apiToken: { id: string } } }>(
    'mutation { createApiToken(name: "victim script") { ... on ApiTokenCreated { token apiToken { id } } } }',
  );
  victimToken = token.createApiToken.token;
  ids.apiToken = token.createApiToken.apiToken.id;
  const { id: victimId } = await server.db.prisma.user.findUniqueOrThrow({
    where: { email: 'victim@example.com' },
  });
  await server.db.prisma.whatsAppLink.create({
    data: { userId: victimId, phoneNumber: '+919800000001', verifiedAt: new Date() },
  });
  // The victim's chat with the bot, which no one else may read.
  const conversation = await server.db.prisma.conversation.create({
    data: { waKey: '+919800000001', phoneNumber: '+919800000001' },
  });
  await server.db.prisma.outboundMessage.create({
    data: {
      conversationId: conversation.id,
      recipient: '919800000001',
      type: 'text',
      payload: { type: 'text', text: { body: 'victim balance 424242' } },
    },
  });
  const sessions = await victim.ok<{ me: { sessions: { id: string }[] } }>(
    '{ me { sessions { id } } }',
  );
  victimSession = sessions.me.sessions[0]?.id ?? '';
  const links = await victim.ok<{ me: { whatsAppLinks: { id: string }[] } }>(
    '{ me { whatsAppLinks { id } } }',
  );
  ids.whatsAppLink = links.me.whatsAppLinks[0]?.id ?? '';
  // The victim has a number linked already, so another one needs the password.
  await victim.ok(
    'mutation { requestWhatsAppOtp(phoneNumber: "+919800000002", password: "victim passphrase 1") { __typename } }',
  );
  const otp = await server.db.prisma.outboundMessage.findFirstOrThrow({
    where: { recipient: '919800000002' },
  });
  victimOtp = codeIn(otp.payload);
  // The victim's shared book with a friend: an entry split between them and a payment.
  const friend = new TestClient(server.url);
  ids.friend = await friend.register('friend@example.com', 'friend passphrase 1');
  const book = await victim.ok<{ createBook: { id: string } }>(
    'mutation { createBook(name: "Secret Trip") { ... on Book { id } } }',
  );
  ids.book = book.createBook.id;
  const link = await victim.ok<{ createBookInviteLink: { token: string } }>(
    'mutation ($id: ID!) { createBookInviteLink(bookId: $id) { ... on BookInviteLink { token } } }',
    { id: ids.book },
  );
  await friend.ok('mutation ($t: String!) { acceptBookInvite(token: $t) { __typename } }', {
    t: link.createBookInviteLink.token,
  });
  await victim.ok(
    `mutation ($id: ID!) { recordBookExpense(input: {
      bookId: $id, amountMinor: "424242", note: "victim trip" }) { __typename } }`,
    { id: ids.book },
  );
  const paid = await friend.ok<{ settleUp: { id: string } }>(
    `mutation ($input: SettleUpInput!) { settleUp(input: $input) { ... on Settlement { id } } }`,
    { input: { bookId: ids.book, fromId: ids.friend, toId: ids.user, amountMinor: '1000' } },
  );
  ids.settlement = paid.settleUp.id;
  victimBookBefore = await victimBook();
  const mine = await mallory.ok<{ categories: { id: string }[] }>('{ categories { id } }');
  ids.malloryCategory = mine.categories[0]?.id ?? '';
});
afterAll(async () => {
  await webhook.close();
  await server.close();
});

describe('authorization', () => {
  it('has an attack for every query, mutation and subscription in the schema', () => {
    expect(Object.keys(attacks).sort()).toEqual(rootFields().sort());
  });

  it.each(Object.entries(attacks))(
    '%s never reaches another user’s rows',
    async (_field, attack) => {
      await attack.check(await send(mallory, attack));
    },
  );

  it.each(Object.entries(attacks).filter(([, attack]) => !attack.public))(
    '%s refuses a stranger',
    async (_field, attack) => {
      const res = await send(new TestClient(server.url), attack);
      expect(res.errors?.map((e) => e.extensions?.code)).toContain('UNAUTHENTICATED');
      expect(JSON.stringify(res.data ?? null)).not.toMatch(/victim|Secret Plans|424242/);
    },
  );
});
