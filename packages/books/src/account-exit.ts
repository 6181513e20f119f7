import { sql, type Queries, type Statement } from '@spendline/db';
import { BookRefusal, type UnsettledBook } from './errors.ts';
import { leaveBook, unsettledIn } from './leave.ts';

type Tx = Queries;

interface Place {
  bookId: string;
  bookName: string;
  status: string | null;
  /** Someone else is still active in it: the book outlives the account. */
  shared: boolean;
}

/**
 * Takes a user whose account is being deleted out of their shared books, inside the
 * deletion's transaction. Refused before anything changes while their balance is not
 * zero in a book someone else is still active in (the refusal names each book and
 * amount), as leaving one is. In such books they leave as `leaveBook` has it (ownership
 * passes to the longest-standing member) and their entries, shares and settlements stay,
 * so the others' balances do not move; books nobody else is active in go, whole.
 *
 * Returns whether rows of theirs stay in books that outlive them: the account must then
 * be kept as an emptied row for those rows to point at, rather than deleted.
 */
export async function leaveBooksForDeletion(tx: Tx, userId: string): Promise<boolean> {
  // Every membership of their books is locked first, in one order: an entry split with
  // them meanwhile lands before the check or waits, and of two members deleting their
  // accounts at once the second sees the first gone (and takes the book with it).
  await tx.rows(sql`
    SELECT 1 FROM book_memberships
     WHERE book_id IN (SELECT book_id FROM book_memberships WHERE user_id = ${userId}::uuid
                       UNION SELECT id FROM books WHERE created_by = ${userId}::uuid)
     ORDER BY id
       FOR UPDATE`);
  const places = await tx.rows<Place>(sql`
    SELECT b.id::text AS "bookId", b.name AS "bookName", m.status::text AS status,
           EXISTS (SELECT 1 FROM book_memberships o
                    WHERE o.book_id = b.id AND o.status = 'ACTIVE'
                      AND o.user_id <> ${userId}::uuid) AS shared
      FROM books b
      LEFT JOIN book_memberships m ON m.book_id = b.id AND m.user_id = ${userId}::uuid
     WHERE b.created_by = ${userId}::uuid OR m.id IS NOT NULL
     ORDER BY lower(b.name), b.id`);
  const staying = places.filter((p) => p.shared && p.status === 'ACTIVE');
  const unsettled: UnsettledBook[] = [];
  for (const place of staying) {
    const net = new Map<string, bigint>();
    for (const u of await unsettledIn(tx, userId, place.bookId)) {
      net.set(u.currency, (net.get(u.currency) ?? 0n) + u.amountMinor);
    }
    for (const [currency, amountMinor] of net) {
      unsettled.push({ bookId: place.bookId, bookName: place.bookName, currency, amountMinor });
    }
  }
  if (unsettled.length > 0) throw new BookRefusal('UNSETTLED_BOOKS', [], 0, unsettled);
  for (const place of staying) await leaveBook(tx, userId, place.bookId);
  // An invitation they never took up ties nothing of anyone else's to them.
  await tx.execute(sql`
    DELETE FROM book_memberships WHERE user_id = ${userId}::uuid AND status = 'INVITED'`);
  // Their number goes too: inviting it again would otherwise take over the former
  // member's row, and the book would lose who paid its old entries.
  await tx.execute(sql`
    UPDATE book_memberships SET phone_number = NULL, notify = false
     WHERE user_id = ${userId}::uuid`);
  const gone = places.filter((p) => !p.shared).map((p) => p.bookId);
  if (gone.length > 0) await deleteBooks(tx, userId, gone);
  const [left] = await tx.rows<{ kept: boolean }>(sql`
    SELECT ${inBooks(sql`${userId}::uuid`)} AS kept`);
  return left?.kept ?? false;
}

/** Whether rows of a book still point at the user `id` names (a column or a value). */
const inBooks = (id: Statement) => sql`(
  EXISTS (SELECT 1 FROM book_memberships WHERE user_id = ${id})
  OR EXISTS (SELECT 1 FROM books WHERE created_by = ${id})
  OR EXISTS (SELECT 1 FROM splits WHERE user_id = ${id})
  OR EXISTS (SELECT 1 FROM settlements WHERE from_user_id = ${id} OR to_user_id = ${id})
  OR EXISTS (SELECT 1 FROM expenses WHERE user_id = ${id} AND book_id IS NOT NULL))`;

/**
 * Deletes books with every entry in them. Former members kept only for those books'
 * sake go too, once nothing else of theirs is left.
 */
async function deleteBooks(tx: Tx, userId: string, bookIds: readonly string[]): Promise<void> {
  const former = await tx.rows<{ id: string }>(sql`
    SELECT DISTINCT u.id::text AS id FROM users u
      JOIN book_memberships m ON m.user_id = u.id
     WHERE m.book_id = ANY(${bookIds}::uuid[]) AND u.deleted_at IS NOT NULL
       AND u.id <> ${userId}::uuid`);
  // Entries hold their book (restrict); shares, settlements and memberships go with it.
  await tx.execute(sql`DELETE FROM expenses WHERE book_id = ANY(${bookIds}::uuid[])`);
  await tx.execute(sql`DELETE FROM books WHERE id = ANY(${bookIds}::uuid[])`);
  const ids = former.map((f) => f.id);
  if (ids.length === 0) return;
  // An emptied account's personal entries are gone already: what is left is the books'.
  await tx.execute(sql`
    DELETE FROM users u WHERE u.id = ANY(${ids}::uuid[]) AND NOT ${inBooks(sql`u.id`)}`);
}
