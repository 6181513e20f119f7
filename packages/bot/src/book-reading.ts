// Reads a message against the person's shared books: a book command, an entry aimed at a
// book ("home: 1200 groceries") and its split resolved to members, or nothing about books.
// The books are loaded only when the parser's cheap gate says the message may need them.
import { listBooks, type BookMember } from '@spendline/books';
import {
  looksLikeBook,
  namesMember,
  readBook,
  type BookReading,
  type ParseContext,
  type ParseResult,
  type SplitRequest,
} from '@spendline/parser';
import type { User } from '@spendline/db';
import { booksWithMembers } from './book-people.ts';
import type { Tx } from './effects/scope.ts';
import type { BookProblemReply, BotEvent, DraftBook, DraftShare } from './types.ts';

/** What the books make of a message: an event of its own, or an entry's book and reading. */
export type BookOutcome =
  | { kind: 'event'; event: BotEvent }
  /** `book` null: the personal book. */
  | { kind: 'entry'; book: DraftBook | null; result: ParseResult };

const problem = (at: string, reply: BookProblemReply): BookOutcome => ({
  kind: 'event',
  event: { type: 'BOOK', at, request: { type: 'problem', problem: reply } },
});

/**
 * The members a split names, in its order; the sender is `null` in the request. A name
 * matches a member's whole display name or its first word; one that matches nobody, or
 * two members, is unknown. Someone named twice ("with asha and me", by Asha) shares once.
 */
function shares(
  split: SplitRequest,
  user: User,
  members: readonly BookMember[],
): { shares: DraftShare[] } | { unknown: string[] } {
  const found: DraftShare[] = [];
  const unknown: string[] = [];
  const add = (userId: string, name: string, weight: number) => {
    if (!found.some((share) => share.userId === userId)) found.push({ userId, name, weight });
  };
  for (const { member, weight } of split.parts) {
    if (member === null) {
      add(user.id, user.displayName, weight);
      continue;
    }
    const named = members.filter((m) => namesMember(member, m.displayName));
    if (named.length === 1) add(named[0]!.userId, named[0]!.displayName, weight);
    else unknown.push(member);
  }
  return unknown.length > 0 ? { unknown } : { shares: found };
}

/** The shared book entries go to when a message names none, or null for the personal one. */
export async function defaultBook(tx: Tx, user: User): Promise<DraftBook | null> {
  if (user.defaultBookId === null) return null;
  // A book left since it became the default is no longer one to write to.
  const book = (await listBooks(tx, user.id)).find((b) => b.id === user.defaultBookId);
  return book ? { id: book.id, name: book.name, split: null } : null;
}

/**
 * "settled 400 with the plumber" from someone in no shared book: money paid to someone
 * outside any book, an ordinary expense. With books, a name that matches no member may be
 * a typo, so it is answered instead. "rahul paid me 400" is money received, never spent.
 */
function spentAlone(reading: BookReading, books: number): boolean {
  if (books > 0 || reading.kind !== 'command') return false;
  const { command } = reading;
  return command.type === 'settle' && command.amountMinor !== null && command.direction !== 'toMe';
}

/** Null when the message says nothing about books: it is read as usual. */
export async function readBookMessage(
  tx: Tx,
  user: User,
  text: string,
  context: ParseContext,
): Promise<BookOutcome | null> {
  if (!looksLikeBook(text)) return null;
  const at = context.now.toISOString();
  const loaded = await booksWithMembers(tx, user.id);
  const fallback = loaded.find((b) => b.book.id === user.defaultBookId) ?? null;
  const reading = readBook(text, context, {
    books: loaded.map(({ book, members }) => ({
      name: book.name,
      members: members.filter((m) => m.userId !== user.id).map((m) => m.displayName),
    })),
    defaultBook: fallback?.book.name ?? null,
  });
  if (reading === null || spentAlone(reading, loaded.length)) return null;
  if (reading.kind === 'command') {
    return { kind: 'event', event: { type: 'BOOK', at, request: reading.command } };
  }
  if (reading.kind === 'unknown') return problem(at, { kind: 'parse', reason: reading.reason });
  const target = reading.book;
  const aimed =
    target.kind === 'book'
      ? (loaded.find((b) => b.book.name === target.name) ?? null)
      : target.kind === 'default'
        ? fallback
        : null;
  if (aimed === null) {
    if (reading.split) return problem(at, { kind: 'splitNeedsBook' });
    return { kind: 'entry', book: null, result: reading.result };
  }
  const { book, members } = aimed;
  if (reading.split === null) {
    return {
      kind: 'entry',
      book: { id: book.id, name: book.name, split: null },
      result: reading.result,
    };
  }
  const resolved = shares(reading.split, user, members);
  if ('unknown' in resolved) {
    return problem(at, {
      kind: 'unknownMembers',
      book: book.name,
      names: resolved.unknown,
      members: members.filter((m) => m.userId !== user.id).map((m) => m.displayName),
    });
  }
  return {
    kind: 'entry',
    book: {
      id: book.id,
      name: book.name,
      split: { how: reading.split.how, shares: resolved.shares },
    },
    result: reading.result,
  };
}
