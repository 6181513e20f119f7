import { sql } from '@spendline/db';
import type { GraphQLContext } from '../context.ts';

/** A member of a shared book as the others see them: a name, nothing else of theirs. */
export interface BookPerson {
  userId: string;
  /** Empty for a former member, whose account was deleted. */
  name: string;
  /** Their account was deleted; the entries they paid for or shared stay. */
  former: boolean;
}

type Known = Pick<BookPerson, 'name' | 'former'>;

const cache = new WeakMap<GraphQLContext, Map<string, Promise<Map<string, Known>>>>();

/**
 * The names of everyone who has been in the book (members who left still paid for old
 * entries), read once per request and book.
 */
function namesIn(context: GraphQLContext, bookId: string): Promise<Map<string, Known>> {
  const books = cache.get(context) ?? new Map<string, Promise<Map<string, Known>>>();
  cache.set(context, books);
  let names = books.get(bookId);
  if (!names) {
    names = context.sql
      .rows<Known & { userId: string }>(
        sql`
        SELECT u.id::text AS "userId", u.display_name AS name, u.deleted_at IS NOT NULL AS former
          FROM book_memberships m JOIN users u ON u.id = m.user_id
         WHERE m.book_id = ${bookId}::uuid`,
      )
      .then((rows) => new Map(rows.map(({ userId, ...known }) => [userId, known])));
    books.set(bookId, names);
  }
  return names;
}

/** The person `userId` in the book, by the name they go by. */
export async function personIn(
  context: GraphQLContext,
  bookId: string,
  userId: string,
): Promise<BookPerson> {
  const names = await namesIn(context, bookId);
  return { userId, name: '', former: false, ...names.get(userId) };
}
