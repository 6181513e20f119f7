// Why the books module refused something, as a reason its callers word for their users
// (the bot's replies, GraphQL's error types); the message is for logs only.

export type BookRefusalReason =
  /** The user is no active member of the book (or it does not exist: the same to them). */
  | 'NOT_A_MEMBER'
  /** A book name that is empty, too long, not plain text or "personal". */
  | 'INVALID_NAME'
  /** The user is already in a book of that name (ignoring case). */
  | 'NAME_TAKEN'
  /** Not a WhatsApp number in international form (+ and digits). */
  | 'INVALID_PHONE'
  /** That number has an open invitation to the book already. */
  | 'ALREADY_INVITED'
  /** The inviter sent as many invitations as a day allows: `retryAfterMs` says when more may go. */
  | 'TOO_MANY_INVITES'
  /** The number's owner is already a member. */
  | 'ALREADY_A_MEMBER'
  /** No open invitation for the user, or the link is unknown or used. */
  | 'NO_INVITATION'
  /** A split naming nobody, a member twice, a weight out of range, an income, or a member outside the book. */
  | 'INVALID_SPLIT'
  /** A settlement of nothing, with oneself, or not involving the one recording it. */
  | 'INVALID_SETTLEMENT'
  /** Leaving with a balance that is not zero: `unsettled` says what to pay or get. */
  | 'UNSETTLED'
  /** Deleting an account with a balance in shared books: `books` says where and how much. */
  | 'UNSETTLED_BOOKS'
  /**
   * A shared entry's amount, currency or kind, its bin or restore, or a settlement's undo,
   * would move the balance of someone no longer in the book (left, or account deleted).
   */
  | 'MEMBER_GONE';

/** What a member leaving must still settle: pay (amount < 0) or get (amount > 0) from `withUserId`. */
export interface Unsettled {
  currency: string;
  amountMinor: bigint;
  withUserId: string;
}

/** A shared book where a member's balance is not zero: owed (above zero) or owing (below). */
export interface UnsettledBook {
  bookId: string;
  bookName: string;
  currency: string;
  amountMinor: bigint;
}

export class BookRefusal extends Error {
  override name = 'BookRefusal';
  readonly reason: BookRefusalReason;
  readonly unsettled: readonly Unsettled[];
  readonly retryAfterMs: number;
  readonly books: readonly UnsettledBook[];
  constructor(
    reason: BookRefusalReason,
    unsettled: readonly Unsettled[] = [],
    retryAfterMs = 0,
    books: readonly UnsettledBook[] = [],
  ) {
    super(`book refused: ${reason}`);
    this.reason = reason;
    this.unsettled = unsettled;
    this.retryAfterMs = retryAfterMs;
    this.books = books;
  }
}
