// Shared books: members, invitations, split entries, balances and settlements. The
// arithmetic is in ./pure (no database); this entry point adds what reads and writes.
export * from './pure/index.ts';
export { leaveBooksForDeletion } from './account-exit.ts';
export { bookBalances } from './balances.ts';
export {
  activeMembership,
  bookMembers,
  bookName,
  createBook,
  findMemberBook,
  listBooks,
  MAX_BOOK_NAME,
  membersToNotify,
  requireMember,
  setBookNotify,
  setDefaultBook,
  type BookMember,
  type MemberBook,
} from './books.ts';
export {
  BookRefusal,
  type BookRefusalReason,
  type Unsettled,
  type UnsettledBook,
} from './errors.ts';
export {
  acceptInvite,
  acceptInviteLink,
  createInviteLink,
  inviteByPhone,
  pendingInvitations,
  type InviteLink,
} from './invites.ts';
export { guardSharedEntries } from './gone.ts';
export { leaveBook } from './leave.ts';
export {
  recordBookEntry,
  type RecordedBookEntry,
  type RecordedShare,
  type SplitInput,
} from './record.ts';
export { deleteSettlement, settle, type SettlementInput } from './settlements.ts';
