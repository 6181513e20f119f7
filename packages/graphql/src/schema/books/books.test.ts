import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
let asha: TestClient;
let rahul: TestClient;
let priya: TestClient;
const ids = { asha: '', rahul: '', priya: '', book: '', paidFor: '' };

const BOOK = `name myRole
  members { person { name isMe } phoneNumber role status notify }
  balances { currency members { member { name } amount { amountMinor } } }
  settleUpPlan { from { name } to { name } amount { amountMinor formatted } }`;

interface Typed {
  __typename: string;
  message?: string;
}

async function bookOf(client: TestClient) {
  const { book } = await client.ok<{ book: Record<string, unknown> | null }>(
    `query ($id: ID!) { book(id: $id) { ${BOOK} } }`,
    { id: ids.book },
  );
  return book;
}

async function record(client: TestClient, input: Record<string, unknown>) {
  const { recordBookExpense } = await client.ok<{
    recordBookExpense: Typed & {
      id?: string;
      splits?: { member: { name: string }; share: { amountMinor: string } }[];
    };
  }>(
    `mutation ($input: NewBookExpense!) { recordBookExpense(input: $input) {
      __typename ... on Error { message }
      ... on BookEntry { id paidBy { name } amount { amountMinor } splits { member { name } share { amountMinor } } }
    } }`,
    { input: { bookId: ids.book, ...input } },
  );
  return recordBookExpense;
}

beforeAll(async () => {
  server = await startTestServer();
  asha = new TestClient(server.url);
  rahul = new TestClient(server.url);
  priya = new TestClient(server.url);
  ids.asha = await asha.register('asha@example.com', 'asha passphrase 1', { displayName: 'Asha' });
  ids.rahul = await rahul.register('rahul@example.com', 'rahul passphrase 1', {
    displayName: 'Rahul',
  });
  ids.priya = await priya.register('priya@example.com', 'priya passphrase 1', {
    displayName: 'Priya',
  });
  const rahulRow = await server.db.prisma.user.findUniqueOrThrow({
    where: { email: 'rahul@example.com' },
  });
  await server.db.prisma.whatsAppLink.create({
    data: { userId: rahulRow.id, phoneNumber: '+919812300000', verifiedAt: new Date() },
  });
});
afterAll(async () => {
  await server.close();
});

describe('shared books over GraphQL', () => {
  it('creates a book, invites by number and by link, and each invitee joins', async () => {
    const { createBook } = await asha.ok<{ createBook: Typed & { id: string } }>(
      'mutation { createBook(name: "Goa trip") { __typename ... on Book { id } } }',
    );
    ids.book = createBook.id;
    const again = await asha.ok<{ createBook: Typed }>(
      'mutation { createBook(name: "goa TRIP") { __typename ... on Error { message } } }',
    );
    expect(again.createBook).toEqual({
      __typename: 'ConflictError',
      message: 'You already have a book with that name.',
    });

    const invite = await asha.ok<{ inviteToBook: Typed & { status?: string } }>(
      `mutation ($id: ID!) { inviteToBook(bookId: $id, phoneNumber: "+91 98123 00000") {
        __typename ... on Membership { status phoneNumber } } }`,
      { id: ids.book },
    );
    expect(invite.inviteToBook).toEqual({
      __typename: 'Membership',
      status: 'INVITED',
      phoneNumber: '+919812300000',
    });
    // Before joining, Rahul sees nothing of the book but its name in his invitations.
    expect(await bookOf(rahul)).toBeNull();
    const INVITATIONS = '{ bookInvitations { bookId bookName } }';
    const invited = await rahul.ok<{ bookInvitations: { bookId: string; bookName: string }[] }>(
      INVITATIONS,
    );
    expect(invited.bookInvitations).toEqual([{ bookId: ids.book, bookName: 'Goa trip' }]);
    expect((await priya.ok<{ bookInvitations: unknown[] }>(INVITATIONS)).bookInvitations).toEqual(
      [],
    );
    const joined = await rahul.ok<{ acceptBookInvite: Typed & { name?: string } }>(
      'mutation ($id: ID!) { acceptBookInvite(bookId: $id) { __typename ... on Book { name } } }',
      { id: ids.book },
    );
    expect(joined.acceptBookInvite).toEqual({ __typename: 'Book', name: 'Goa trip' });
    expect((await rahul.ok<{ bookInvitations: unknown[] }>(INVITATIONS)).bookInvitations).toEqual(
      [],
    );

    const link = await asha.ok<{ createBookInviteLink: { token: string } }>(
      'mutation ($id: ID!) { createBookInviteLink(bookId: $id) { ... on BookInviteLink { token } } }',
      { id: ids.book },
    );
    const byLink = await priya.ok<{ acceptBookInvite: Typed }>(
      'mutation ($t: String!) { acceptBookInvite(token: $t) { __typename } }',
      { t: link.createBookInviteLink.token },
    );
    expect(byLink.acceptBookInvite.__typename).toBe('Book');
    const { books } = await priya.ok<{ books: { name: string; myRole: string }[] }>(
      '{ books { name myRole } }',
    );
    expect(books).toEqual([{ name: 'Goa trip', myRole: 'MEMBER' }]);
  });

  it('splits entries equally, by weight and for one member, and plans the fewest transfers', async () => {
    const equal = await record(asha, { amountMinor: '120000', currency: 'INR', note: 'dinner' });
    expect(equal.splits?.map((s) => [s.member.name, s.share.amountMinor])).toEqual([
      ['Asha', '40000'],
      ['Rahul', '40000'],
      ['Priya', '40000'],
    ]);
    const weighted = await record(rahul, {
      amountMinor: '300000',
      currency: 'INR',
      note: 'hotel',
      split: {
        weights: [
          { memberId: ids.rahul, weight: 2 },
          { memberId: ids.asha, weight: 1 },
        ],
      },
    });
    expect(weighted.splits?.map((s) => s.share.amountMinor)).toEqual(['200000', '100000']);
    const paidFor = await record(priya, {
      amountMinor: '50000',
      currency: 'INR',
      split: { forMember: ids.asha },
    });
    expect(paidFor.__typename).toBe('BookEntry');
    ids.paidFor = paidFor.id!;
    const bad = await record(asha, {
      amountMinor: '100',
      currency: 'INR',
      split: { forMember: ids.asha, equalWith: [ids.rahul] },
    });
    expect(bad.__typename).toBe('ValidationError');

    // Asha +80000 -100000 -50000 = -70000; Rahul -40000 +100000 = +60000; Priya -40000 +50000 = +10000.
    const book = await bookOf(priya);
    expect(book).toMatchObject({
      name: 'Goa trip',
      myRole: 'MEMBER',
      balances: [
        {
          currency: 'INR',
          members: expect.arrayContaining([
            { member: { name: 'Asha' }, amount: { amountMinor: '-70000' } },
            { member: { name: 'Rahul' }, amount: { amountMinor: '60000' } },
            { member: { name: 'Priya' }, amount: { amountMinor: '10000' } },
          ]),
        },
      ],
      settleUpPlan: [
        {
          from: { name: 'Asha' },
          to: { name: 'Rahul' },
          amount: { amountMinor: '60000', formatted: '₹600.00' },
        },
        {
          from: { name: 'Asha' },
          to: { name: 'Priya' },
          amount: { amountMinor: '10000', formatted: '₹100.00' },
        },
      ],
    });
    // Others' notice choices stay theirs.
    const members = (book as { members: { person: { isMe: boolean }; notify: boolean | null }[] })
      .members;
    expect(members.filter((m) => !m.person.isMe).every((m) => m.notify === null)).toBe(true);
  });

  it('pages the entries newest first, as every member sees them', async () => {
    const page = async (after: string | null) =>
      (
        await rahul.ok<{
          book: {
            entries: {
              edges: { cursor: string; node: { note: string | null; paidBy: { name: string } } }[];
              pageInfo: { hasNextPage: boolean; endCursor: string };
            };
          };
        }>(
          `query ($id: ID!, $after: String) { book(id: $id) { entries(first: 2, after: $after) {
            edges { cursor node { note paidBy { name } } } pageInfo { hasNextPage endCursor } } } }`,
          { id: ids.book, after },
        )
      ).book.entries;
    const first = await page(null);
    expect(first.edges.map((e) => e.node.paidBy.name)).toEqual(['Priya', 'Rahul']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page(first.pageInfo.endCursor);
    expect(second.edges.map((e) => e.node.note)).toEqual(['dinner']);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses leaving with a balance in words, then settles, undoes and settles again', async () => {
    const leave =
      'mutation ($id: ID!) { leaveBook(bookId: $id) { __typename ... on Error { message } } }';
    const refused = await rahul.ok<{ leaveBook: Typed }>(leave, { id: ids.book });
    expect(refused.leaveBook).toEqual({
      __typename: 'UnsettledBalanceError',
      message: 'Settle ₹600.00 with Asha before leaving.',
    });
    const settleUp = `mutation ($input: SettleUpInput!) { settleUp(input: $input) {
      __typename ... on Settlement { id amount { amountMinor } from { name } to { name } } } }`;
    const input = {
      bookId: ids.book,
      fromId: ids.asha,
      toId: ids.rahul,
      amountMinor: '60000',
      currency: 'INR',
    };
    const paid = await asha.ok<{ settleUp: Typed & { id: string } }>(settleUp, { input });
    expect(paid.settleUp).toMatchObject({ from: { name: 'Asha' }, to: { name: 'Rahul' } });
    const undone = await rahul.ok<{ deleteSettlement: Typed }>(
      'mutation ($id: ID!) { deleteSettlement(id: $id) { __typename } }',
      { id: paid.settleUp.id },
    );
    expect(undone.deleteSettlement.__typename).toBe('Settlement');
    expect(
      (await rahul.ok<{ leaveBook: Typed }>(leave, { id: ids.book })).leaveBook.__typename,
    ).toBe('UnsettledBalanceError');
    await asha.ok(settleUp, { input });
    expect(
      (await rahul.ok<{ leaveBook: Typed }>(leave, { id: ids.book })).leaveBook.__typename,
    ).toBe('LeaveBookSuccess');
    expect(await bookOf(rahul)).toBeNull();
  });

  it('refuses deleting an account with a balance, then shows its entries as a former member’s', async () => {
    const remove = `mutation { deleteAccount(password: "asha passphrase 1") { __typename
      ... on UnsettledBalanceError { message books { book owed amount { formatted } } } } }`;
    const refused = await asha.ok<{ deleteAccount: Typed }>(remove);
    expect(refused.deleteAccount).toEqual({
      __typename: 'UnsettledBalanceError',
      message: 'Settle up before deleting your account: you owe ₹100.00 in Goa trip.',
      books: [{ book: 'Goa trip', owed: false, amount: { formatted: '₹100.00' } }],
    });
    await asha.ok(`mutation ($input: SettleUpInput!) { settleUp(input: $input) { __typename } }`, {
      input: {
        bookId: ids.book,
        fromId: ids.asha,
        toId: ids.priya,
        amountMinor: '10000',
        currency: 'INR',
      },
    });
    const done = await asha.ok<{ deleteAccount: Typed }>(remove);
    expect(done.deleteAccount.__typename).toBe('DeleteAccountSuccess');

    const { book } = await priya.ok<{
      book: {
        myRole: string;
        members: { person: { name: string } }[];
        entries: { edges: { node: { paidBy: { name: string; former: boolean } } }[] };
        settlements: { from: { name: string; former: boolean } }[];
      };
    }>(
      `query ($id: ID!) { book(id: $id) { myRole members { person { name } }
        entries(first: 10) { edges { node { paidBy { name former } } } }
        settlements { from { name former } } } }`,
      { id: ids.book },
    );
    // The creator gone, the one member left owns the book, with every entry still in it.
    expect(book.myRole).toBe('OWNER');
    expect(book.members).toEqual([{ person: { name: 'Priya' } }]);
    expect(book.entries.edges.map((e) => e.node.paidBy)).toEqual([
      { name: 'Priya', former: false },
      { name: 'Rahul', former: false },
      { name: '', former: true },
    ]);
    expect(book.settlements.map((s) => s.from)).toContainEqual({ name: '', former: true });
  });

  it('keeps the amount of an entry and the settlement with a member who is gone', async () => {
    const gone = (outcome: string) => ({
      __typename: 'MemberGoneError',
      message: `This entry is shared with someone who is no longer in the book, so ${outcome}.`,
    });
    const change = (input: string) =>
      priya.ok<{ updateExpense: Typed }>(
        `mutation ($id: ID!) { updateExpense(id: $id, input: ${input}) {
          __typename ... on Error { message } } }`,
        { id: ids.paidFor },
      );
    expect((await change('{ amountMinor: "100" }')).updateExpense).toEqual(
      gone('its amount can’t change'),
    );
    expect((await change('{ note: "for Asha" }')).updateExpense.__typename).toBe('Expense');
    const bin = await priya.ok<{ deleteExpense: Typed }>(
      'mutation ($id: ID!) { deleteExpense(id: $id) { __typename ... on Error { message } } }',
      { id: ids.paidFor },
    );
    expect(bin.deleteExpense).toEqual(gone('it can’t be deleted'));

    const { book } = await priya.ok<{ book: { settlements: { id: string }[] } }>(
      'query ($id: ID!) { book(id: $id) { settlements { id from { former } } } }',
      { id: ids.book },
    );
    const undo = await priya.ok<{ deleteSettlement: Typed }>(
      'mutation ($id: ID!) { deleteSettlement(id: $id) { __typename ... on Error { message } } }',
      { id: book.settlements[0]!.id },
    );
    expect(undo.deleteSettlement).toEqual({
      __typename: 'MemberGoneError',
      message:
        'This settlement is with someone who is no longer in the book, so it can’t be undone.',
    });
  });
});
