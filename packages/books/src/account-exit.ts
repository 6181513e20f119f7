import { sql, type Queries } from '@spendline/db';
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
  // Locked first, so an entry split with them meanwhile lands before the check or waits.
  await tx.rows(sql`SELECT 1 FROM book_memberships WHERE user_id = ${userId}::uuid FOR UPDATE`);
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
  if (gone.length > 0) {
    // Entries hold their book (restrict); shares, settlements and memberships go with it.
    await tx.execute(sql`DELETE FROM expenses WHERE book_id = ANY(${gone}::uuid[])`);
    await tx.execute(sql`DELETE FROM books WHERE id = ANY(${gone}::uuid[])`);
  }
  const [left] = await tx.rows<{ kept: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM book_memberships WHERE user_id = ${userId}::uuid)
        OR EXISTS (SELECT 1 FROM books WHERE created_by = ${userId}::uuid)
        OR EXISTS (SELECT 1 FROM splits WHERE user_id = ${userId}::uuid)
        OR EXISTS (SELECT 1 FROM settlements
                    WHERE from_user_id = ${userId}::uuid OR to_user_id = ${userId}::uuid)
        OR EXISTS (SELECT 1 FROM expenses
                    WHERE user_id = ${userId}::uuid AND book_id IS NOT NULL) AS kept`);
  return left?.kept ?? false;
}
