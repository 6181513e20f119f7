import { newId, sql, type Book, type Membership, type Queries } from '@spendline/db';
import { isPlainText } from '@spendline/entries';
import { namesPersonalBook } from '@spendline/parser';
import { bookColumns, membershipColumns } from './columns.ts';
import { BookRefusal } from './errors.ts';

type Tx = Queries;

/** The longest book name. */
export const MAX_BOOK_NAME = 40;

/** A book as one member sees it in their list. */
export interface MemberBook extends Book {
  role: Membership['role'];
}

/** The name as kept: trimmed, inner spaces collapsed; refused when unusable. */
export function bookName(name: string): string {
  const kept = name.trim().replace(/\s+/g, ' ');
  // "personal" (or "pessoal", "निजी"...) names the book every user has without a row.
  if (
    kept.length === 0 ||
    kept.length > MAX_BOOK_NAME ||
    !isPlainText(kept) ||
    namesPersonalBook(kept)
  ) {
    throw new BookRefusal('INVALID_NAME');
  }
  return kept;
}

/**
 * Serializes a user's joins and creations, so two at once cannot both take a name; the
 * user row is the lock both engines have.
 */
export async function lockUser(tx: Tx, userId: string): Promise<void> {
  await tx.rows(sql`SELECT 1 FROM users WHERE id = ${userId}::uuid FOR UPDATE`);
}

/** Refuses when the user is in another live book of the same name, ignoring case. */
export async function checkNameFree(
  tx: Tx,
  userId: string,
  name: string,
  exceptBookId: string | null = null,
): Promise<void> {
  const [taken] = await tx.rows<{ id: string }>(sql`
    SELECT b.id FROM books b JOIN book_memberships m ON m.book_id = b.id
     WHERE m.user_id = ${userId}::uuid AND m.status = 'ACTIVE'
       AND lower(b.name) = lower(${name}) AND b.id IS DISTINCT FROM ${exceptBookId}::uuid`);
  if (taken) throw new BookRefusal('NAME_TAKEN');
}

/** Creates a shared book; its creator is its owner. */
export async function createBook(tx: Tx, userId: string, name: string): Promise<Book> {
  const kept = bookName(name);
  await lockUser(tx, userId);
  await checkNameFree(tx, userId, kept);
  const [book] = await tx.rows<Book>(sql`
    INSERT INTO books (id, name, created_by) VALUES (${newId()}::uuid, ${kept}, ${userId}::uuid)
    RETURNING ${bookColumns('books')}`);
  await tx.execute(sql`
    INSERT INTO book_memberships (id, book_id, user_id, role, status, notify, accepted_at)
    VALUES (${newId()}::uuid, ${book!.id}::uuid, ${userId}::uuid, 'OWNER', 'ACTIVE', true, now())`);
  return book!;
}

/** The user's active membership of the book, or null (no book by that id is the same). */
export async function activeMembership(
  tx: Tx,
  userId: string,
  bookId: string,
): Promise<Membership | null> {
  const [row] = await tx.rows<Membership>(sql`
    SELECT ${membershipColumns('m')} FROM book_memberships m
     WHERE m.book_id = ${bookId}::uuid AND m.user_id = ${userId}::uuid AND m.status = 'ACTIVE'`);
  return row ?? null;
}

/** The user's active membership; refuses a non-member. */
export async function requireMember(tx: Tx, userId: string, bookId: string): Promise<Membership> {
  const membership = await activeMembership(tx, userId, bookId);
  if (!membership) throw new BookRefusal('NOT_A_MEMBER');
  return membership;
}

/** The books the user is an active member of, by name. */
export async function listBooks(tx: Tx, userId: string): Promise<MemberBook[]> {
  return tx.rows<MemberBook>(sql`
    SELECT ${bookColumns('b')}, m.role::text AS role
      FROM books b JOIN book_memberships m ON m.book_id = b.id
     WHERE m.user_id = ${userId}::uuid AND m.status = 'ACTIVE'
     ORDER BY lower(b.name), b.id`);
}

/**
 * The user's book a name in a message means, ignoring case: the one of that name, else
 * the only one it begins ("goa" for "Goa trip"); null when none or several match.
 */
export async function findMemberBook(
  tx: Tx,
  userId: string,
  name: string,
): Promise<MemberBook | null> {
  const wanted = name.trim().replace(/\s+/g, ' ').toLowerCase();
  if (wanted.length === 0) return null;
  const books = await listBooks(tx, userId);
  const exact = books.find((book) => book.name.toLowerCase() === wanted);
  if (exact) return exact;
  const starting = books.filter((book) => book.name.toLowerCase().startsWith(wanted));
  return starting.length === 1 ? starting[0]! : null;
}

/** Sets the book messages without a book name go to; null for the personal book. */
export async function setDefaultBook(tx: Tx, userId: string, bookId: string | null): Promise<void> {
  if (bookId !== null) await requireMember(tx, userId, bookId);
  await tx.execute(sql`
    UPDATE users SET default_book_id = ${bookId}::uuid, updated_at = now()
     WHERE id = ${userId}::uuid`);
}

/** Turns the user's notices of other members' entries in the book on or off. */
export async function setBookNotify(
  tx: Tx,
  userId: string,
  bookId: string,
  notify: boolean,
): Promise<void> {
  await requireMember(tx, userId, bookId);
  await tx.execute(sql`
    UPDATE book_memberships SET notify = ${notify}
     WHERE book_id = ${bookId}::uuid AND user_id = ${userId}::uuid`);
}

/** The other active members who asked to hear of entries added to the book. */
export async function membersToNotify(
  tx: Tx,
  bookId: string,
  exceptUserId: string,
): Promise<string[]> {
  const rows = await tx.rows<{ userId: string }>(sql`
    SELECT user_id::text AS "userId" FROM book_memberships
     WHERE book_id = ${bookId}::uuid AND status = 'ACTIVE' AND notify
       AND user_id <> ${exceptUserId}::uuid
     ORDER BY accepted_at, id`);
  return rows.map((row) => row.userId);
}

/** A book member with the name the others see. */
export interface BookMember {
  userId: string;
  displayName: string;
  role: Membership['role'];
}

/** The book's active members, in the order they joined. */
export async function bookMembers(tx: Tx, bookId: string): Promise<BookMember[]> {
  return tx.rows<BookMember>(sql`
    SELECT m.user_id::text AS "userId", u.display_name AS "displayName", m.role::text AS role
      FROM book_memberships m JOIN users u ON u.id = m.user_id
     WHERE m.book_id = ${bookId}::uuid AND m.status = 'ACTIVE'
     ORDER BY m.accepted_at, m.id`);
}
