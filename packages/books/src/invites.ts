import { consume, hashToken, randomToken } from '@spendline/auth';
import { newId, sql, type Membership, type Queries } from '@spendline/db';
import { checkNameFree, lockUser, requireMember } from './books.ts';
import { membershipColumns } from './columns.ts';
import { BookRefusal } from './errors.ts';

type Tx = Queries;

/** E.164 as WhatsApp links keep it: "+", then up to 15 digits, no leading zero. */
const E164 = /^\+[1-9]\d{6,14}$/;

// Each invitation messages someone who never asked for it: a person may send this many a
// day, across all their books, which households and trips never reach and spam would.
export const INVITES_PER_DAY = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Invites a WhatsApp number to the book (any active member may). A number that left or
 * was invited before is invited again; one with an open invitation, or whose owner is a
 * member, is refused.
 */
export async function inviteByPhone(
  tx: Tx,
  inviterId: string,
  bookId: string,
  phoneNumber: string,
): Promise<Membership> {
  await requireMember(tx, inviterId, bookId);
  if (!E164.test(phoneNumber)) throw new BookRefusal('INVALID_PHONE');
  const [member] = await tx.rows<{ status: string }>(sql`
    SELECT m.status::text AS status FROM book_memberships m
      JOIN whatsapp_links l ON l.user_id = m.user_id
     WHERE m.book_id = ${bookId}::uuid AND m.status = 'ACTIVE'
       AND l.phone_number = ${phoneNumber} AND l.active`);
  if (member) throw new BookRefusal('ALREADY_A_MEMBER');
  const [invited] = await tx.rows<Membership>(sql`
    INSERT INTO book_memberships (id, book_id, phone_number, role, status)
    VALUES (${newId()}::uuid, ${bookId}::uuid, ${phoneNumber}, 'MEMBER', 'INVITED')
    ON CONFLICT (book_id, phone_number) DO UPDATE
       SET status = 'INVITED', user_id = NULL, role = 'MEMBER', accepted_at = NULL,
           created_at = now()
     WHERE book_memberships.status = 'LEFT'
    RETURNING ${membershipColumns()}`);
  if (!invited) throw new BookRefusal('ALREADY_INVITED');
  // Counted in the invitation's transaction: a refused invitation counts for nothing.
  const limit = await consume(tx, `book-invites:${inviterId}`, INVITES_PER_DAY, DAY_MS, new Date());
  if (!limit.allowed) throw new BookRefusal('TOO_MANY_INVITES', [], limit.retryAfterMs);
  return invited;
}

/** A link invitation: the token goes in the link; only its hash is kept. */
export interface InviteLink {
  token: string;
  membership: Membership;
}

/** Makes a link invitation to the book, good for one person. */
export async function createInviteLink(
  tx: Tx,
  inviterId: string,
  bookId: string,
): Promise<InviteLink> {
  await requireMember(tx, inviterId, bookId);
  const token = randomToken(20);
  const [membership] = await tx.rows<Membership>(sql`
    INSERT INTO book_memberships (id, book_id, role, status, invite_token_hash)
    VALUES (${newId()}::uuid, ${bookId}::uuid, 'MEMBER', 'INVITED', ${hashToken(token)})
    RETURNING ${membershipColumns()}`);
  return { token, membership: membership! };
}

/** Accepts a link invitation; a member already in the book keeps the link unused. */
export async function acceptInviteLink(tx: Tx, userId: string, token: string): Promise<Membership> {
  const [invitation] = await tx.rows<Membership>(sql`
    SELECT ${membershipColumns('m')} FROM book_memberships m
     WHERE m.invite_token_hash = ${hashToken(token)} AND m.status = 'INVITED'
       AND m.user_id IS NULL
     FOR UPDATE`);
  if (!invitation) throw new BookRefusal('NO_INVITATION');
  return join(tx, userId, invitation);
}

/**
 * Accepts the user's invitation to the book: one made to a WhatsApp number linked to
 * their account. Accepting again is a no-op.
 */
export async function acceptInvite(tx: Tx, userId: string, bookId: string): Promise<Membership> {
  const [invitation] = await tx.rows<Membership>(sql`
    SELECT ${membershipColumns('m')} FROM book_memberships m
     WHERE m.book_id = ${bookId}::uuid AND m.status = 'INVITED' AND m.invite_token_hash IS NULL
       AND m.phone_number IN (
             SELECT phone_number FROM whatsapp_links
              WHERE user_id = ${userId}::uuid AND active AND phone_number IS NOT NULL)
     ORDER BY m.created_at
     LIMIT 1
     FOR UPDATE`);
  if (invitation) return join(tx, userId, invitation);
  const member = await tx.rows<Membership>(sql`
    SELECT ${membershipColumns('m')} FROM book_memberships m
     WHERE m.book_id = ${bookId}::uuid AND m.user_id = ${userId}::uuid AND m.status = 'ACTIVE'`);
  if (member[0]) return member[0];
  throw new BookRefusal('NO_INVITATION');
}

/** The books the user has open invitations to, through their WhatsApp numbers. */
export async function pendingInvitations(
  tx: Tx,
  userId: string,
): Promise<{ bookId: string; bookName: string; membershipId: string }[]> {
  return tx.rows(sql`
    SELECT b.id::text AS "bookId", b.name AS "bookName", m.id::text AS "membershipId"
      FROM book_memberships m JOIN books b ON b.id = m.book_id
     WHERE m.status = 'INVITED' AND m.invite_token_hash IS NULL
       AND m.phone_number IN (
             SELECT phone_number FROM whatsapp_links
              WHERE user_id = ${userId}::uuid AND active AND phone_number IS NOT NULL)
       AND NOT EXISTS (
             SELECT 1 FROM book_memberships a
              WHERE a.book_id = m.book_id AND a.user_id = ${userId}::uuid
                AND a.status = 'ACTIVE')
     ORDER BY m.created_at`);
}

/**
 * Makes the user an active member through `invitation`. A user with a row of their own
 * in the book (they left, and were invited again) gets that row back and the
 * invitation is used up; a current member keeps their membership and the invitation.
 */
async function join(tx: Tx, userId: string, invitation: Membership): Promise<Membership> {
  await lockUser(tx, userId);
  const [own] = await tx.rows<Membership>(sql`
    SELECT ${membershipColumns('m')} FROM book_memberships m
     WHERE m.book_id = ${invitation.bookId}::uuid AND m.user_id = ${userId}::uuid
     FOR UPDATE`);
  if (own?.status === 'ACTIVE') return own;
  const [book] = await tx.rows<{ name: string }>(sql`
    SELECT name FROM books WHERE id = ${invitation.bookId}::uuid`);
  await checkNameFree(tx, userId, book!.name, invitation.bookId);
  if (own && own.id !== invitation.id) {
    await tx.execute(sql`DELETE FROM book_memberships WHERE id = ${invitation.id}::uuid`);
  }
  const [joined] = await tx.rows<Membership>(sql`
    UPDATE book_memberships
       SET user_id = ${userId}::uuid, status = 'ACTIVE', accepted_at = now(),
           invite_token_hash = NULL
     WHERE id = ${(own ?? invitation).id}::uuid
    RETURNING ${membershipColumns()}`);
  return joined!;
}
