// What an entry is before it is stored, and the rules every source's entries meet. The
// sources check their own input first and word its problems for their users (GraphQL's
// validators, the import's row reader, the parser's bounds); these checks are the floor
// under all of them, so no source can store what another would refuse.

export type EntryKind = 'EXPENSE' | 'INCOME';

/** Where an entry came from, as stored (the ExpenseSource enum). */
export type EntrySource = 'WHATSAPP' | 'WEB' | 'API' | 'RECURRING' | 'IMPORT';

/** An entry to record. */
export interface EntryDraft {
  /** Chosen by the caller when it must know it before saving (the bot's snapshot). */
  id?: string;
  kind: EntryKind;
  /** Positive; an income is a positive amount of kind INCOME. */
  amountMinor: bigint | string;
  currency: string;
  occurredAt: Date | string;
  note: string | null;
  categoryId: string | null;
  /** The WhatsApp message it came from: undo acts on what one message created. */
  inboundMessageId?: string | null;
  /** The recurring rule that recorded it. */
  recurringExpenseId?: string | null;
  /**
   * The bank's reference for the payment (UPI ref, UTR): a live entry with the same one
   * is the same payment, and the draft is skipped.
   */
  reference?: string | null;
  /** A photo or voice note of the user's (kept, not yet shown with any entry) that shows it. */
  attachmentId?: string | null;
  /** The shared book it belongs to (its splits written by the books module); absent = personal. */
  bookId?: string | null;
  /** The local day it falls on, as instants: needed when recording skips entries made before. */
  day?: { start: string; end: string };
}

/** Whose entries: the time zone and locale say which month a budget counts and in what words. */
export interface EntryUser {
  id: string;
  timeZone: string;
  locale: string;
}

/** The largest amount one entry may hold, in minor units. */
export const MAX_AMOUNT_MINOR = 10n ** 15n;
/** The longest note an entry keeps. */
export const MAX_NOTE = 500;
/** The longest payment reference stored. */
export const MAX_REFERENCE = 64;

const CURRENCY = /^[A-Z]{3}$/;
// C0 controls but tab, line feed and carriage return, DEL and the C1 controls: never
// typed on purpose, and PostgreSQL refuses NUL in text outright.
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Text a person could have typed: well-formed Unicode without control characters. */
export function isPlainText(text: string): boolean {
  return text.isWellFormed() && !CONTROL.test(text);
}

/** Refused entries, in words a person can read (the sources check first, so this is rare). */
export class EntryValidationError extends Error {
  override name = 'EntryValidationError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join(' '));
    this.problems = problems;
  }
}

export interface EntryFields {
  amountMinor?: bigint | string | null;
  currency?: string | null;
  occurredAt?: Date | string | null;
  note?: string | null;
  reference?: string | null;
}

/** What is wrong with the fields given (absent ones are not checked). */
export function fieldProblems(fields: EntryFields): string[] {
  const problems: string[] = [];
  if (fields.amountMinor != null) {
    const minor = BigInt(fields.amountMinor);
    if (minor <= 0n) problems.push('The amount must be more than zero.');
    else if (minor > MAX_AMOUNT_MINOR) problems.push('The amount is too large.');
  }
  if (fields.currency != null && !CURRENCY.test(fields.currency))
    problems.push('The currency must be a three-letter code such as INR or USD.');
  if (fields.occurredAt != null) {
    const at = fields.occurredAt;
    if (Number.isNaN(typeof at === 'string' ? Date.parse(at) : at.getTime()))
      problems.push('The date is not a date.');
  }
  if (fields.note != null) {
    if (!isPlainText(fields.note)) problems.push('The note contains control characters.');
    if (fields.note.length > MAX_NOTE)
      problems.push(`The note is longer than ${MAX_NOTE} characters.`);
  }
  if (fields.reference != null && !/^[A-Za-z0-9/_-]{1,64}$/.test(fields.reference))
    problems.push(
      `The payment reference must be up to ${MAX_REFERENCE} letters, digits, dashes or slashes.`,
    );
  return problems;
}

/** Throws EntryValidationError unless every draft keeps the rules. */
export function checkDrafts(drafts: readonly EntryDraft[]): void {
  for (const draft of drafts) {
    const problems = fieldProblems(draft);
    if (problems.length > 0) throw new EntryValidationError(problems);
  }
}

/** A chat message's note as an entry keeps it: controls dropped, cut to MAX_NOTE. */
export function keptNote(text: string): string {
  const plain = text.toWellFormed().replace(new RegExp(CONTROL.source, 'g'), '');
  return plain.length <= MAX_NOTE ? plain : plain.slice(0, MAX_NOTE).toWellFormed();
}
