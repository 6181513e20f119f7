import { BookRefusal, type Unsettled, type UnsettledBook } from '@spendline/books';
import { sql } from '@spendline/db';
import { formatMoney } from '@spendline/ledger';
import { builder } from '../builder.ts';
import { viewerLocale, type GraphQLContext } from '../context.ts';
import { ErrorInterface } from '../error-types.ts';
import { ConflictError, NotFoundError, RateLimitedError, ValidationError } from '../errors.ts';
import { money, MoneyRef, type MoneyShape } from '../money.ts';
import { BookPersonRef } from './books.ts';
import { personIn, type BookPerson } from './people.ts';

/** The viewer's balance in one book and currency, as a refusal names it. */
interface BookBalance {
  book: string;
  amount: MoneyShape;
  owed: boolean;
}

/** Someone the viewer must settle with before leaving: how much, and which way. */
interface PersonBalance {
  person: BookPerson;
  amount: MoneyShape;
  owed: boolean;
}

/**
 * Leaving a book, or deleting the account, is refused while the member's balance in a
 * book others still use is not zero.
 */
export class UnsettledBalanceError extends Error {
  readonly people: readonly PersonBalance[];
  readonly books: readonly BookBalance[];
  constructor(message: string, people: readonly PersonBalance[], books: readonly BookBalance[]) {
    super(message);
    this.name = 'UnsettledBalanceError';
    this.people = people;
    this.books = books;
  }
}

const BookBalanceRef = builder.objectRef<BookBalance>('UnsettledBookBalance').implement({
  description: 'Where the balance is not zero: the book, how much, and which way.',
  fields: (t) => ({
    book: t.exposeString('book', { description: 'The book’s name.' }),
    amount: t.field({ type: MoneyRef, resolve: (b) => b.amount }),
    owed: t.exposeBoolean('owed', {
      description: 'True when the others owe you this amount, false when you owe it.',
    }),
  }),
});

const PersonBalanceRef = builder.objectRef<PersonBalance>('UnsettledWith').implement({
  description: 'A member to settle with before leaving: how much, and which way.',
  fields: (t) => ({
    person: t.field({ type: BookPersonRef, resolve: (b) => b.person }),
    amount: t.field({ type: MoneyRef, resolve: (b) => b.amount }),
    owed: t.exposeBoolean('owed', {
      description: 'True when they owe you this amount, false when you owe it to them.',
    }),
  }),
});

builder.objectType(UnsettledBalanceError, {
  name: 'UnsettledBalanceError',
  interfaces: [ErrorInterface],
  description: 'Settle up first: the message says with whom and how much.',
  fields: (t) => ({
    books: t.field({
      type: [BookBalanceRef],
      description: 'Each book and currency where your balance is not zero.',
      resolve: (error) => error.books,
    }),
    people: t.field({
      type: [PersonBalanceRef],
      description: 'Leaving a book: each member to settle with first (empty for an account).',
      resolve: (error) => error.people,
    }),
  }),
});

/**
 * A change that would move the balance of someone no longer in the book (they left, or
 * their account is gone), which nobody could settle any more.
 */
export class MemberGoneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MemberGoneError';
  }
}

builder.objectType(MemberGoneError, {
  name: 'MemberGoneError',
  interfaces: [ErrorInterface],
  description:
    'Someone in this entry or settlement is no longer in the book: its amount stays as it is ' +
    '(no amount, currency or kind change, no delete, restore or undo). Notes, categories ' +
    'and dates still change.',
});

const goneOutcome = {
  update: 'its amount can’t change',
  delete: 'it can’t be deleted',
  restore: 'it can’t be restored',
} as const;

/**
 * An entry change refused by the books module as the error a client shows, saying what
 * can't be done to it; other errors as they are.
 */
export function entryChangeError(error: unknown, change: keyof typeof goneOutcome): unknown {
  return error instanceof BookRefusal && error.reason === 'MEMBER_GONE'
    ? new MemberGoneError(
        `This entry is shared with someone who is no longer in the book, so ${goneOutcome[change]}.`,
      )
    : error;
}

const balanceOf = (book: string, currency: string, minor: bigint, locale: string) => ({
  book,
  amount: money(minor < 0n ? -minor : minor, currency, locale),
  owed: minor > 0n,
});

const inWords = (b: BookBalance) =>
  `${b.owed ? 'you are owed' : 'you owe'} ${formatMoney(b.amount.minor, b.amount.currency, b.amount.locale)} in ${b.book}`;

/** Deleting the account is refused: the message names each book and amount. */
export function unsettledBooksError(
  context: GraphQLContext,
  books: readonly UnsettledBook[],
): UnsettledBalanceError {
  const locale = viewerLocale(context);
  const balances = books.map((b) => balanceOf(b.bookName, b.currency, b.amountMinor, locale));
  const message = `Settle up before deleting your account: ${balances.map(inWords).join('; ')}.`;
  return new UnsettledBalanceError(message, [], balances);
}

/**
 * A refusal of the books module as the error a client shows. A book the viewer is not in
 * is "not found", as for any row that is not theirs.
 */
export async function bookError(
  context: GraphQLContext,
  bookId: string | null,
  error: unknown,
): Promise<Error> {
  if (!(error instanceof BookRefusal)) return error instanceof Error ? error : new Error('failed');
  switch (error.reason) {
    case 'NOT_A_MEMBER':
      return new NotFoundError('Book', bookId);
    case 'INVALID_NAME':
      return ValidationError.field(
        'name',
        'must be 1 to 40 characters of plain text, and not “personal”',
      );
    case 'NAME_TAKEN':
      return new ConflictError('You already have a book with that name.', 'name');
    case 'INVALID_PHONE':
      return ValidationError.field(
        'phoneNumber',
        'must be a WhatsApp number with its country code, such as +919812300000',
      );
    case 'ALREADY_INVITED':
      return new ConflictError('That number is already invited to this book.', 'phoneNumber');
    case 'TOO_MANY_INVITES':
      return new RateLimitedError(error.retryAfterMs);
    case 'ALREADY_A_MEMBER':
      return new ConflictError('That number’s owner is already in this book.', 'phoneNumber');
    case 'NO_INVITATION':
      return new NotFoundError('Invitation', bookId);
    case 'INVALID_SPLIT':
      return ValidationError.field(
        'split',
        'must name members of this book, each once, with weights from 1 to 1000',
      );
    case 'INVALID_SETTLEMENT':
      return ValidationError.field(
        'input',
        'must be an amount above zero between you and another member of this book',
      );
    case 'UNSETTLED':
      return unsettledError(context, bookId!, error.unsettled);
    case 'UNSETTLED_BOOKS':
      return unsettledBooksError(context, error.books);
    case 'MEMBER_GONE':
      return new MemberGoneError(
        'This settlement is with someone who is no longer in the book, so it can’t be undone.',
      );
  }
}

async function unsettledError(
  context: GraphQLContext,
  bookId: string,
  unsettled: readonly Unsettled[],
): Promise<UnsettledBalanceError> {
  const locale = viewerLocale(context);
  const people = await Promise.all(
    unsettled.map(async (u) => ({
      person: await personIn(context, bookId, u.withUserId),
      amount: money(u.amountMinor < 0n ? -u.amountMinor : u.amountMinor, u.currency, locale),
      owed: u.amountMinor > 0n,
    })),
  );
  const parts = people.map(
    (p) => `${formatMoney(p.amount.minor, p.amount.currency, locale)} with ${p.person.name}`,
  );
  const [book] = await context.sql.rows<{ name: string }>(sql`
    SELECT name FROM books WHERE id = ${bookId}::uuid`);
  const net = new Map<string, bigint>();
  for (const u of unsettled) net.set(u.currency, (net.get(u.currency) ?? 0n) + u.amountMinor);
  const books = [...net].map(([currency, minor]) =>
    balanceOf(book?.name ?? '', currency, minor, locale),
  );
  return new UnsettledBalanceError(`Settle ${parts.join(' and ')} before leaving.`, people, books);
}
