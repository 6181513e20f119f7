// Finding the book and the member a chat message names, and the names members go by.
import {
  bookMembers,
  findMemberBook,
  listBooks,
  type BookMember,
  type MemberBook,
} from '@spendline/books';
import { sql, type User } from '@spendline/db';
import { namesMember } from '@spendline/parser';
import type { BookSay } from './book-replies.ts';
import type { Tx } from './effects/scope.ts';

/** The book a command names, or with no name the default book; null when there is none. */
export async function namedBook(
  tx: Tx,
  user: User,
  name: string | null,
): Promise<MemberBook | null> {
  if (name !== null) return findMemberBook(tx, user.id, name);
  if (user.defaultBookId === null) return null;
  return (await listBooks(tx, user.id)).find((b) => b.id === user.defaultBookId) ?? null;
}

/** The other member of the book the name means: its only match, else null. */
export function memberNamed(
  members: readonly BookMember[],
  user: User,
  name: string,
): BookMember | null {
  const named = members.filter((m) => m.userId !== user.id && namesMember(name, m.displayName));
  return named.length === 1 ? named[0]! : null;
}

/** Someone a book message names or tells: their name, and the language they read. */
export interface Person {
  id: string;
  displayName: string;
  locale: string;
  /** Their account was deleted; the entries they shared stay, without their name. */
  former: boolean;
}

/** How a reply names a person: a former member by the catalog's word, "?" for nobody known. */
export function nameOf(person: Person | undefined, say: BookSay): string {
  if (!person) return '?';
  return person.former ? say('formerMember') : person.displayName;
}

/** People by user id, members who left included (their balances still show). */
export async function peopleOf(tx: Tx, userIds: readonly string[]): Promise<Map<string, Person>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx.rows<Person>(sql`
    SELECT id::text AS id, display_name AS "displayName", locale,
           deleted_at IS NOT NULL AS former
      FROM users
     WHERE id = ANY(${[...new Set(userIds)]}::uuid[])`);
  return new Map(rows.map((row) => [row.id, row]));
}

/** The user's books with their members, for finding which book a member shares. */
export async function booksWithMembers(
  tx: Tx,
  userId: string,
): Promise<{ book: MemberBook; members: BookMember[] }[]> {
  const books = await listBooks(tx, userId);
  return Promise.all(
    books.map(async (book) => ({ book, members: await bookMembers(tx, book.id) })),
  );
}

/** "You have no book called ...", with the books the user has. */
export async function noSuchBook(tx: Tx, user: User, name: string, say: BookSay): Promise<string> {
  const books = await listBooks(tx, user.id);
  return say('noSuchBook', {
    name,
    count: books.length,
    books: books.map((b) => b.name).join(', '),
  });
}
