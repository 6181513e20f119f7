// The effects of book messages: create, invite, join (typed or the Accept button), the
// default book, balances, settling, leaving, notices, the list, and what was wrong.
import {
  acceptInvite,
  BookRefusal,
  createBook,
  deleteSettlement,
  findMemberBook,
  inviteByPhone,
  leaveBook,
  listBooks,
  membersToNotify,
  pendingInvitations,
  setBookNotify,
  setDefaultBook,
  type MemberBook,
  type Unsettled,
} from '@spendline/books';
import { sql, type User } from '@spendline/db';
import { formatMoney } from '@spendline/ledger';
import { nameKey, type BookCommand, type BookProblem } from '@spendline/parser';
import { balancesText, settleUp } from '../book-balances.ts';
import { tell } from '../book-notices.ts';
import { namedBook, nameOf, noSuchBook, peopleOf, type Person } from '../book-people.ts';
import { bookReplies, type BookSay } from '../book-replies.ts';
import { CHOICE, type BookProblemReply, type BookRequest } from '../types.ts';
import { requireUser, sayTo, type EffectScope, type FamilyHandlers, type Tx } from './scope.ts';

type Command<T extends BookCommand['type']> = Extract<BookCommand, { type: T }>;

/** What a refusal the parser could not foresee means to the person. */
function refusalText(error: BookRefusal, say: BookSay, book: string, phone = ''): string {
  switch (error.reason) {
    case 'INVALID_NAME':
      return say('invalidName');
    case 'NAME_TAKEN':
      return say('nameTaken', { book });
    case 'INVALID_PHONE':
      return say('invalidPhone');
    case 'ALREADY_INVITED':
      return say('alreadyInvited', { phone, book });
    case 'TOO_MANY_INVITES':
      return say('tooManyInvites');
    case 'ALREADY_A_MEMBER':
      return say('alreadyMember', { phone, book });
    case 'NO_INVITATION':
      return say('noInvitation', { name: book });
    case 'INVALID_SETTLEMENT':
      return say('invalidSettlement');
    case 'MEMBER_GONE':
      return say('settlementStays', { book });
    default:
      return say('notInBook', { book });
  }
}

/** Runs `act`, turning a refusal into words; anything else is a fault and propagates. */
export async function refusing(
  act: () => Promise<string>,
  words: (error: BookRefusal) => string,
): Promise<string> {
  try {
    return await act();
  } catch (error) {
    if (error instanceof BookRefusal) return words(error);
    throw error;
  }
}

/** The linked account of a WhatsApp number, to tell them of an invitation. */
async function personAt(tx: Tx, phone: string): Promise<Person | null> {
  const [row] = await tx.rows<Person>(sql`
    SELECT u.id::text AS id, u.display_name AS "displayName", u.locale
      FROM whatsapp_links l JOIN users u ON u.id = l.user_id
     WHERE l.phone_number = ${phone} AND l.active
     ORDER BY l.created_at DESC
     LIMIT 1`);
  return row ?? null;
}

async function invite(
  scope: EffectScope,
  user: User,
  command: Command<'inviteMember'>,
  say: BookSay,
) {
  const { tx, now } = scope;
  const book = await namedBook(tx, user, command.book);
  if (!book) {
    return command.book === null
      ? say('noDefaultBook', { phone: command.phone })
      : noSuchBook(tx, user, command.book, say);
  }
  const { phone } = command;
  return refusing(
    async () => {
      await inviteByPhone(tx, user.id, book.id, phone);
      const invitee = await personAt(tx, phone);
      if (invitee) {
        await tell(
          tx,
          invitee,
          now,
          (theirs) => theirs('invitation', { inviter: user.displayName, book: book.name }),
          (theirs) => [{ id: CHOICE.joinBook(book.id), title: theirs('acceptButton') }],
        );
      }
      return say('invited', { phone, book: book.name, linked: invitee ? 'yes' : 'no' });
    },
    (error) => refusalText(error, say, book.name, phone),
  );
}

/** Joins the book, tells the members who follow it, and says what to do next. */
async function join(scope: EffectScope, user: User, bookId: string, say: BookSay) {
  const { tx, now } = scope;
  const [book] = await tx.rows<{ name: string }>(sql`
    SELECT name FROM books WHERE id = ${bookId}::uuid`);
  if (!book) return say('invitationGone');
  return refusing(
    async () => {
      await acceptInvite(tx, user.id, bookId);
      const people = await peopleOf(tx, await membersToNotify(tx, bookId, user.id));
      for (const reader of people.values()) {
        await tell(tx, reader, now, (theirs) =>
          theirs('memberJoined', { name: user.displayName, book: book.name }),
        );
      }
      return say('joined', { book: book.name });
    },
    (error) =>
      error.reason === 'NAME_TAKEN'
        ? say('joinNameTaken', { book: book.name })
        : error.reason === 'NO_INVITATION'
          ? say('invitationGone')
          : refusalText(error, say, book.name),
  );
}

/** "join home": the open invitation of that name (or the only one it begins). */
async function joinNamed(scope: EffectScope, user: User, name: string, say: BookSay) {
  const wanted = nameKey(name);
  const invitations = await pendingInvitations(scope.tx, user.id);
  const named =
    invitations.find((i) => nameKey(i.bookName) === wanted) ??
    invitations.find((i) => nameKey(i.bookName).startsWith(wanted));
  if (named) return join(scope, user, named.bookId, say);
  const member = await findMemberBook(scope.tx, user.id, name);
  if (member) return say('joined', { book: member.name });
  return say('noInvitation', { name });
}

const abs = (minor: bigint) => (minor < 0n ? -minor : minor);

function unsettledLines(
  unsettled: readonly Unsettled[],
  names: Map<string, Person>,
  user: User,
  say: BookSay,
): string[] {
  return unsettled.map((u) => {
    const name = nameOf(names.get(u.withUserId), say);
    const amount = formatMoney(abs(u.amountMinor), u.currency, user.locale);
    return u.amountMinor < 0n ? say('youOwe', { name, amount }) : say('owesYou', { name, amount });
  });
}

async function leave(scope: EffectScope, user: User, book: MemberBook, say: BookSay) {
  try {
    await leaveBook(scope.tx, user.id, book.id);
    return say('left', { book: book.name });
  } catch (error) {
    if (!(error instanceof BookRefusal) || error.reason !== 'UNSETTLED') throw error;
    const names = await peopleOf(
      scope.tx,
      error.unsettled.map((u) => u.withUserId),
    );
    const first = error.unsettled[0]!;
    return say('leaveRefused', {
      book: book.name,
      lines: unsettledLines(error.unsettled, names, user, say).join('\n'),
      amount: formatMoney(abs(first.amountMinor), first.currency, user.locale),
      name: nameOf(names.get(first.withUserId), say),
    });
  }
}

async function list(scope: EffectScope, user: User, say: BookSay) {
  const books = await listBooks(scope.tx, user.id);
  const invitations = await pendingInvitations(scope.tx, user.id);
  if (books.length === 0 && invitations.length === 0) return say('noBooks');
  const lines = [
    say('listTitle'),
    say('listPersonal', { current: user.defaultBookId === null ? 'yes' : 'no' }),
    ...books.map((b) =>
      say('listBook', {
        book: b.name,
        owner: b.role === 'OWNER' ? 'yes' : 'no',
        current: b.id === user.defaultBookId ? 'yes' : 'no',
      }),
    ),
  ];
  if (invitations.length > 0) {
    lines.push(
      say('listInvitations', {
        books: invitations.map((i) => i.bookName).join(', '),
        book: invitations[0]!.bookName,
      }),
    );
  }
  return lines.join('\n');
}

function parseProblemText(reason: BookProblem, say: BookSay): string {
  switch (reason) {
    case 'book_name':
      return say('invalidName');
    case 'phone':
      return say('invalidPhone');
    case 'split':
      return say('splitUsage');
    case 'split_ratio':
      return say('splitRatio');
    case 'split_many':
      return say('splitMany');
    case 'amount':
      return say('settleAmount');
  }
}

function problemText(problem: BookProblemReply, say: BookSay): string {
  switch (problem.kind) {
    case 'parse':
      return parseProblemText(problem.reason, say);
    case 'noSuchBook':
      return say('noSuchBook', {
        name: problem.name,
        count: problem.books.length,
        books: problem.books.join(', '),
      });
    case 'unknownMembers':
      return say('unknownMembers', {
        book: problem.book,
        names: problem.names.map((n) => `"${n}"`).join(', '),
        count: problem.members.length,
        members: problem.members.join(', '),
      });
    case 'splitNeedsBook':
      return say('splitNeedsBook');
  }
}

/** With a book name: that book; without: every book the user is in. */
async function balances(scope: EffectScope, user: User, name: string | null, say: BookSay) {
  const { tx } = scope;
  if (name !== null) {
    const book = await findMemberBook(tx, user.id, name);
    return book ? balancesText(tx, user, book, say) : noSuchBook(tx, user, name, say);
  }
  const books = await listBooks(tx, user.id);
  if (books.length === 0) return say('noBooks');
  const texts: string[] = [];
  for (const book of books) texts.push(await balancesText(tx, user, book, say));
  return texts.join('\n\n');
}

/** Removes a settlement the user recorded or was paid by, from its Undo button. */
async function undoSettlement(scope: EffectScope, user: User, settlementId: string, say: BookSay) {
  const [settled] = await scope.tx.rows<{ book: string }>(sql`
    SELECT b.name AS book FROM settlements s JOIN books b ON b.id = s.book_id
     WHERE s.id = ${settlementId}::uuid`);
  return refusing(
    async () => {
      const removed = await deleteSettlement(scope.tx, user.id, settlementId, scope.now);
      if (!removed || !settled) return say('settlementGone');
      return say('settlementUndone', { book: settled.book });
    },
    (error) => refusalText(error, say, settled?.book ?? ''),
  );
}

/** Everything but settling, which also leaves an Undo under its answer. */
async function answer(
  scope: EffectScope,
  request: Exclude<BookRequest, { type: 'settle' }>,
): Promise<string> {
  const user = requireUser(scope);
  const say = bookReplies(user.locale);
  const { tx } = scope;
  /** The named book the user is in, or the words saying there is none. */
  const withBook = async (name: string, act: (book: MemberBook) => Promise<string>) => {
    const book = await findMemberBook(tx, user.id, name);
    return book ? act(book) : noSuchBook(tx, user, name, say);
  };
  switch (request.type) {
    case 'problem':
      return problemText(request.problem, say);
    case 'createBook':
      return refusing(
        async () => say('created', { book: (await createBook(tx, user.id, request.name)).name }),
        (error) => refusalText(error, say, request.name),
      );
    case 'inviteMember':
      return invite(scope, user, request, say);
    case 'joinBook':
      return joinNamed(scope, user, request.book, say);
    case 'acceptInvite':
      return join(scope, user, request.bookId, say);
    case 'useBook':
      if (request.book === null) {
        await setDefaultBook(tx, user.id, null);
        return say('usingPersonal');
      }
      return withBook(request.book, async (book) => {
        await setDefaultBook(tx, user.id, book.id);
        return say('usingBook', { book: book.name });
      });
    case 'balances':
      return balances(scope, user, request.book, say);
    case 'undoSettlement':
      return undoSettlement(scope, user, request.settlementId, say);
    case 'leaveBook':
      return withBook(request.book, (book) => leave(scope, user, book, say));
    case 'notifyBook':
      return withBook(request.book, async (book) => {
        await setBookNotify(tx, user.id, book.id, request.on);
        return say(request.on ? 'notifyOn' : 'notifyOff', { book: book.name });
      });
    case 'listBooks':
      return list(scope, user, say);
  }
}

export const bookHandlers: FamilyHandlers<'book'> = {
  async book({ request }, { scope, reply }) {
    if (request.type !== 'settle') {
      reply.parts.push(await answer(scope, request));
      return;
    }
    const user = requireUser(scope);
    const settled = await settleUp(scope.tx, user, request, scope.now, bookReplies(user.locale));
    reply.parts.push(settled.text);
    if (settled.settlementId) {
      reply.undo = {
        id: CHOICE.undoSettlement(settled.settlementId),
        title: sayTo(scope).undoButton,
      };
    }
  },
};
