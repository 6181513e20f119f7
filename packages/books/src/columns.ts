import { modelColumns, type Book, type Membership, type Settlement } from '@spendline/db';
import type { Statement } from '@spendline/db';

const book: Record<keyof Book, string> = {
  id: 'id',
  name: 'name',
  createdById: 'created_by',
  createdAt: 'created_at',
};

const membership: Record<keyof Membership, string> = {
  id: 'id',
  bookId: 'book_id',
  userId: 'user_id',
  phoneNumber: 'phone_number',
  role: 'role',
  status: 'status',
  notify: 'notify',
  inviteTokenHash: 'invite_token_hash',
  createdAt: 'created_at',
  acceptedAt: 'accepted_at',
};

const settlement: Record<keyof Settlement, string> = {
  id: 'id',
  bookId: 'book_id',
  fromUserId: 'from_user_id',
  toUserId: 'to_user_id',
  amountMinor: 'amount_minor',
  currency: 'currency',
  occurredAt: 'occurred_at',
  createdAt: 'created_at',
  deletedAt: 'deleted_at',
};

/** `SELECT ${bookColumns('b')} FROM books b` gives Book rows. */
export const bookColumns = (table: string): Statement => modelColumns(book, { table });

/** Membership rows, from a table or a RETURNING list (no table). */
export const membershipColumns = (table?: string): Statement =>
  modelColumns(membership, { ...(table ? { table } : {}), asText: ['role', 'status'] });

/** Settlement rows, from a table or a RETURNING list (no table). */
export const settlementColumns = (table?: string): Statement =>
  modelColumns(settlement, table ? { table } : {});
