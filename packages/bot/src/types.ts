// The conversation's vocabulary. Everything in the context is plain JSON (amounts as
// decimal strings) because the snapshot is persisted as JSON between messages.
import type { BookCommand, BookProblem, NotEntryReason } from '@spendline/parser';
import type { MediaReading } from '@spendline/media/reading';
import type { MediaContent } from '@spendline/whatsapp';
import type {
  Command,
  EditChange,
  Question as SpendingQuestion,
  ResolvedQuestion,
} from '@spendline/parser';

export interface CategoryRef {
  id: string;
  name: string;
}

/** review: a forwarded bank alert, saved only on Save; amount: the amount is still wanted. */
export type Concern = 'large' | 'duplicate' | 'review' | 'amount';

/** An expense read from a message, not yet saved. */
export interface DraftExpense {
  /** Chosen before saving, so the machine can remember what it saved without I/O. */
  id: string;
  /** The inbound message it came from: undo acts on exactly what a message created. */
  messageId: string;
  /** Absent (older snapshots) means an expense. */
  kind?: 'INCOME';
  amountMinor: string;
  currency: string;
  occurredOn: string;
  dateExplicit: boolean;
  note: string;
  /** The part of the message it came from, quoted back in questions. */
  text: string;
  /** Its text held another price as well: the reply says which one was saved. */
  morePrices?: true;
  category: CategoryRef | null;
  /** True when category is a new one the user asked for and it must be created. */
  createCategory?: boolean;
  /** The word that named no known category, learned as an alias once answered. */
  word: string | null;
  /** Ranked categories to offer when category is null. */
  candidates: CategoryRef[];
  /** Id for a new category named after `word`, should the user pick that. */
  newCategoryId: string;
  /** The catch-all category offered last ("Other"); no alias is learned for it. */
  other: CategoryRef | null;
  concerns: Concern[];
  /** The user's usual (median) amount in this currency, when the large check read it. */
  usualMinor?: string | null;
  /**
   * Read from a forwarded bank alert, a receipt photo or a payment screenshot: who was
   * paid (or paid), the payment's reference, and the photo kept as its evidence.
   */
  alert?: {
    payee: string | null;
    reference: string | null;
    /** Absent for a bank alert. */
    from?: 'receipt' | 'payment';
    attachmentId?: string;
  };
  /** The shared book it goes to; absent for the personal book. */
  book?: DraftBook;
}

/** A member's part of a split, resolved from the name typed to the member's account. */
export interface DraftShare {
  userId: string;
  name: string;
  weight: number;
}

/** A shared book an expense goes to, and how it is split (null: equally among all members). */
export interface DraftBook {
  id: string;
  name: string;
  split: { how: 'equal' | 'ratio' | 'for'; shares: DraftShare[] } | null;
}

/** Why a message about books did nothing, found before any effect runs. */
export type BookProblemReply =
  | { kind: 'parse'; reason: BookProblem }
  | { kind: 'noSuchBook'; name: string; books: string[] }
  | { kind: 'unknownMembers'; book: string; names: string[]; members: string[] }
  /** A split with no shared book to split in. */
  | { kind: 'splitNeedsBook' };

/** What a message asks of the shared books: a typed command, an Accept tap, or a problem. */
export type BookRequest =
  | BookCommand
  | { type: 'acceptInvite'; bookId: string }
  /** Undo under a settlement's confirmation. */
  | { type: 'undoSettlement'; settlementId: string }
  | { type: 'problem'; problem: BookProblemReply };

export type Question = {
  kind: 'category' | 'confirm' | 'review' | 'amount';
  askedAt: string;
};

/** A photo's or voice note's reading that records nothing. */
export type MediaNotSaved =
  | Extract<MediaReading, { kind: 'failed' | 'not-a-receipt' | 'payment-not-done' }>
  /** The same photo already shows a saved entry. */
  | { kind: 'same-photo' };

/** An answer to an alert's questions: Save, Change, Cancel, or keep the amount read. */
export type ReviewAnswer = 'save' | 'change' | 'keep' | 'cancel';

/** Why a forwarded message records nothing: the alert's own reason, or seen before. */
export type NothingSaved = NotEntryReason | 'duplicate';

export interface BotContext {
  question: Question | null;
  /** Expenses waiting for an answer; the head is the one asked about. */
  queue: DraftExpense[];
  /** What the last saving message created: the record undo and edit act on. */
  lastSaved: { messageId: string; expenseIds: string[] } | null;
  questionTtlMs: number;
  /** The last question about spending answered, and the page shown: follow-ups build on it. */
  asked?: { question: ResolvedQuestion; page: number } | null;
}

/**
 * A row of the list under an answer with a breakdown: the same question narrowed to one
 * category or one day. The category's name is read from the account when it is tapped.
 */
export type Drill =
  { kind: 'category'; categoryId: string; name?: string } | { kind: 'day'; day: string };

/** A row of the category question: a listed category, a new one named after the word, or Other. */
export type CategoryChoice =
  { kind: 'category'; categoryId: string } | { kind: 'new' } | { kind: 'other' };

/**
 * Every event carries the message's WhatsApp timestamp: expiry is measured on it. With
 * expenses waiting, it also says, per waiting expense id, whether an equal entry is stored
 * as the message arrives (in the category it gets from this very answer, if any): the
 * duplicate question is about an entry that exists, not one that did when it was read.
 */
export type BotEvent = (
  | { type: 'EXPENSES'; at: string; expenses: DraftExpense[] }
  /** text: as typed, so a long answer's More button can ask again; page: 1 unless More. */
  | { type: 'COMMAND'; at: string; command: Command; text?: string; page?: number }
  /** A tap (or its typed equivalent), decoded by `choiceEvent`. */
  | { type: 'UNDO_TAPPED'; at: string; messageId: string }
  | { type: 'UNDO_RUN_TAPPED'; at: string; expenseId: string }
  | { type: 'CATEGORY_CHOSEN'; at: string; choice: CategoryChoice }
  | { type: 'CONFIRM_ANSWERED'; at: string; yes: boolean }
  /** "no" or "cancel" typed under a category question: the expense is not saved. */
  | { type: 'CATEGORY_DECLINED'; at: string }
  /** A reply id the bot never sends (or no longer understands). */
  | { type: 'UNKNOWN_CHOICE'; at: string }
  | { type: 'UNCLEAR'; at: string; text: string; detail: string }
  | { type: 'UNSUPPORTED'; at: string; kind: string }
  /** A photo or voice note to read (it comes back later as a reading). */
  | { type: 'MEDIA'; at: string; media: MediaContent }
  /** A reading that gives no expense: why, in words the user gets. */
  | { type: 'MEDIA_NOT_SAVED'; at: string; media: 'image' | 'audio'; why: MediaNotSaved }
  | { type: 'STRANGER'; at: string; text: string }
  | { type: 'LINK'; at: string; code: string }
  | { type: 'REVIEW_ANSWERED'; at: string; answer: ReviewAnswer }
  | { type: 'AMOUNT_GIVEN'; at: string; amountMinor: string; currency: string }
  | { type: 'NOT_AN_ENTRY'; at: string; reason: NothingSaved; reference?: string }
  /** A question about spending, as read; the machine fills a follow-up from the last one. */
  | { type: 'QUESTION'; at: string; question: SpendingQuestion }
  /** "more", or the More button under an answer: its next page. */
  | { type: 'MORE'; at: string }
  /** A row of the list under an answer: the last question, narrowed. */
  | { type: 'DRILL_TAPPED'; at: string; drill: Drill }
  /** Reads as a question that cannot be answered: `example` is one that can. */
  | { type: 'QUESTION_UNCLEAR'; at: string; text: string; example: string }
  /** A book command, an invitation's Accept, or what was wrong with a book message. */
  | { type: 'BOOK'; at: string; request: BookRequest }
) & { twins?: Record<string, boolean> };

/** What the runtime does (writes, replies) after each event, in order. */
export type Effect =
  | { type: 'save'; expenses: DraftExpense[] }
  | { type: 'learnAlias'; word: string; category: CategoryRef }
  | { type: 'askCategory'; expense: DraftExpense; reminder: boolean }
  | { type: 'askConfirm'; expense: DraftExpense; reminder: boolean }
  | { type: 'askReview'; expense: DraftExpense; reminder: boolean }
  | { type: 'askAmount'; expense: DraftExpense; reminder: boolean }
  | { type: 'notAnEntry'; reason: NothingSaved; reference?: string }
  | { type: 'discarded'; expense: DraftExpense }
  | { type: 'expired'; expenses: DraftExpense[] }
  /** Waiting only for a category when its question expired: saved in the catch-all one. */
  | { type: 'saveUnanswered'; expenses: DraftExpense[] }
  /** Queued behind the question being asked: the reply says they will be asked about. */
  | { type: 'queued'; expenses: DraftExpense[] }
  /** null: no record in the snapshot (e.g. after a reset); the runtime finds the last one. */
  | { type: 'undo'; expenseIds: string[] | null }
  | { type: 'undoMessage'; messageId: string }
  | { type: 'undoRun'; expenseId: string }
  | { type: 'deleteLast'; expenseId: string | null }
  | { type: 'editLast'; expenseId: string | null; change: EditChange }
  | { type: 'command'; command: Command; text?: string; page?: number }
  | { type: 'notUnderstood'; text: string; detail: string }
  | { type: 'staleChoice' }
  | { type: 'unsupported'; kind: string }
  | { type: 'readMedia'; media: MediaContent }
  | { type: 'mediaNotSaved'; media: 'image' | 'audio'; why: MediaNotSaved }
  | { type: 'linkHelp'; text: string }
  | { type: 'link'; code: string }
  | { type: 'answer'; question: ResolvedQuestion; page: number }
  | { type: 'questionHelp'; text: string; example: string }
  | { type: 'book'; request: BookRequest };

/** Reply ids of the interactive messages the bot sends. */
export const CHOICE = {
  category: (id: string) => `cat:${id}`,
  newCategory: 'cat:new',
  other: 'cat:other',
  yes: 'confirm:yes',
  no: 'confirm:no',
  undo: (messageId: string) => `undo:${messageId}`,
  /** Undo of what one run of a recurring expense recorded, named by its first expense. */
  undoRun: (expenseId: string) => `undorun:${expenseId}`,
  /** The next page of a long answer: the page and the command as typed. */
  more: (page: number, text: string) => `more:${page}:${text}`,
  review: (answer: ReviewAnswer) => `review:${answer}`,
  drillCategory: (categoryId: string) => `drill:cat:${categoryId}`,
  drillDay: (day: string) => `drill:day:${day}`,
  /** Accept under an invitation to a shared book. */
  joinBook: (bookId: string) => `book:join:${bookId}`,
  /** Undo under a settlement's confirmation. */
  undoSettlement: (settlementId: string) => `book:unsettle:${settlementId}`,
} as const;

const REVIEW_ANSWERS: readonly string[] = ['save', 'change', 'keep', 'cancel'];

type TapEvent = Extract<
  BotEvent,
  {
    type:
      | 'UNDO_TAPPED'
      | 'UNDO_RUN_TAPPED'
      | 'CATEGORY_CHOSEN'
      | 'CONFIRM_ANSWERED'
      | 'REVIEW_ANSWERED'
      | 'DRILL_TAPPED'
      | 'BOOK'
      | 'UNKNOWN_CHOICE';
  }
>;

/** The event a reply id stands for: the one place that reads the ids CHOICE writes. */
export function choiceEvent(id: string, at: string): TapEvent {
  if (id === CHOICE.yes || id === CHOICE.no)
    return { type: 'CONFIRM_ANSWERED', at, yes: id === CHOICE.yes };
  if (id === CHOICE.other) return { type: 'CATEGORY_CHOSEN', at, choice: { kind: 'other' } };
  if (id === CHOICE.newCategory) return { type: 'CATEGORY_CHOSEN', at, choice: { kind: 'new' } };
  const [prefix, rest] = splitId(id);
  if (rest) {
    if (prefix === CHOICE.category('')) {
      return { type: 'CATEGORY_CHOSEN', at, choice: { kind: 'category', categoryId: rest } };
    }
    if (prefix === CHOICE.undo('')) return { type: 'UNDO_TAPPED', at, messageId: rest };
    if (prefix === CHOICE.undoRun('')) return { type: 'UNDO_RUN_TAPPED', at, expenseId: rest };
    if (prefix === CHOICE.review('' as ReviewAnswer) && REVIEW_ANSWERS.includes(rest))
      return { type: 'REVIEW_ANSWERED', at, answer: rest as ReviewAnswer };
    if (prefix === 'drill:') return drillEvent(rest, at);
    if (prefix === 'book:') return bookEvent(rest, at);
  }
  return { type: 'UNKNOWN_CHOICE', at };
}

/** "cat:<id>" or "day:2026-12-03", as CHOICE.drillCategory and drillDay write them. */
function drillEvent(rest: string, at: string): TapEvent {
  const [kind, value] = splitId(rest);
  if (kind === 'cat:' && value)
    return { type: 'DRILL_TAPPED', at, drill: { kind: 'category', categoryId: value } };
  if (kind === 'day:' && /^\d{4}-\d\d-\d\d$/.test(value))
    return { type: 'DRILL_TAPPED', at, drill: { kind: 'day', day: value } };
  return { type: 'UNKNOWN_CHOICE', at };
}

/** "join:<book id>" and "unsettle:<settlement id>", as CHOICE writes them. */
function bookEvent(rest: string, at: string): TapEvent {
  const [kind, id] = splitId(rest);
  if (!/^[0-9a-f-]{36}$/.test(id)) return { type: 'UNKNOWN_CHOICE', at };
  if (kind === 'join:') return { type: 'BOOK', at, request: { type: 'acceptInvite', bookId: id } };
  if (kind === 'unsettle:')
    return { type: 'BOOK', at, request: { type: 'undoSettlement', settlementId: id } };
  return { type: 'UNKNOWN_CHOICE', at };
}

/** "undo:abc" -> ["undo:", "abc"]. */
function splitId(id: string): [string, string] {
  const colon = id.indexOf(':');
  return colon < 0 ? [id, ''] : [id.slice(0, colon + 1), id.slice(colon + 1)];
}

/** A More button's page and command text, or null for any other reply id. */
export function moreOf(id: string): { page: number; text: string } | null {
  const match = /^more:(\d{1,4}):(.+)$/s.exec(id);
  return match ? { page: Number(match[1]), text: match[2]! } : null;
}
