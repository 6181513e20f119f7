// The parser's public vocabulary. Amounts are bigint minor units everywhere, like the
// ledger and the database (amount_minor BIGINT), so no float ever touches money.

import type { Weekday } from '@spendline/ledger';
import type { ChatLanguage } from './language.ts';

export interface Category {
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface ParseContext {
  /**
   * The user's categories. The lookup index is cached per array identity: pass the
   * same (unmutated) array again and no index is rebuilt.
   */
  categories: readonly Category[];
  /** ISO-4217 code used when the message names no currency. */
  currency: string;
  /** BCP 47 tag: decides 12/01 (day first or month first), ties of 1.200 and week starts. */
  locale: string;
  /**
   * The day "week" and "last week" start on, ISO 1 Monday ... 7 Sunday: the person's
   * setting. Absent or null: the locale's (CLDR, Monday for a locale without a region).
   */
  weekStartsOn?: Weekday | null;
  /** IANA zone: "today" and "yesterday" are calendar days there. */
  timeZone: string;
  now: Date;
  /** Largest accepted amount in major units (rupees, dollars) of any currency; 10^9 if absent. */
  maxAmountMajor?: bigint;
}

export type MatchVia = 'name' | 'alias' | 'hashtag' | 'fuzzy';

export interface CategoryCandidate {
  categoryId: string;
  name: string;
  via: MatchVia;
  /** The word (or phrase) of the message that matched, lower-cased. */
  word: string;
  /** Edit distance between word and the category's name or alias; 0 unless fuzzy. */
  distance: number;
}

export type CategoryResolution =
  | ({ status: 'matched' } & CategoryCandidate)
  | { status: 'ambiguous'; candidates: CategoryCandidate[]; words: string[] }
  | { status: 'none'; words: string[] };

export interface ParsedExpense {
  /** INCOME for money coming in: "received 50000 salary", "+5000 freelance". */
  kind: 'EXPENSE' | 'INCOME';
  amountMinor: bigint;
  currency: string;
  category: CategoryResolution;
  /** What the user wrote besides amount, date and filler words, in their own case. */
  note: string;
  /** Calendar date in the user's time zone, YYYY-MM-DD. */
  occurredOn: string;
  /** False when the message named no date and occurredOn is today. */
  dateExplicit: boolean;
  /** The part of the message this expense came from. */
  text: string;
  /**
   * Another number in `text` read as a price too ("tea 10 samosa 20" when samosa names no
   * category): only amountMinor was taken, and the user should hear so.
   */
  morePrices?: true;
}

export interface DateRange {
  from: string;
  to: string;
}

/** What "edit last" changes on the last expense: its amount, its category or its note. */
export type EditChange =
  | { field: 'amount'; amountMinor: bigint; currency: string }
  | { field: 'category'; category: CategoryResolution; words: string[] }
  | { field: 'note'; note: string };

/** A repeating expense: how often, on which day, and the expense itself. */
export interface Recurring {
  frequency: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval: number;
  /** 1-31 when the message named a day of the month. */
  dayOfMonth: number | null;
  /** ISO weekday (Monday 1) when the message named one. */
  dayOfWeek: number | null;
  expense: ParsedExpense;
}

export type Command =
  | { type: 'today'; range: DateRange }
  | { type: 'yesterday'; range: DateRange }
  | { type: 'week'; which: 'this' | 'last'; range: DateRange }
  | { type: 'month'; year: number; month: number; range: DateRange }
  /** The month's statement as a PDF document: "statement", "statement november". */
  | { type: 'statement'; year: number; month: number; range: DateRange }
  | { type: 'summary' }
  | { type: 'category'; words: string[]; category: CategoryResolution }
  | { type: 'categories' }
  | { type: 'help' }
  /** "thanks", "ok": answered in kind. */
  | { type: 'smallTalk'; kind: 'thanks' | 'ok' }
  | { type: 'undo' }
  | { type: 'editLast'; change: EditChange }
  | { type: 'deleteLast' }
  | { type: 'last'; count: number }
  | ({ type: 'recurring' } & Recurring)
  | { type: 'stopDigests' }
  /** The language the chat speaks: "idioma português", "language english". */
  | { type: 'language'; language: ChatLanguage }
  | {
      type: 'budget';
      category: CategoryResolution | null;
      amountMinor: bigint | null;
      currency: string;
    };

export type CommandType = Command['type'];

interface UnknownBase {
  kind: 'unknown';
  /** One English sentence for logs and as a fallback reply. */
  detail: string;
}

export type UnknownResult = UnknownBase &
  (
    | { reason: 'empty' }
    | { reason: 'too_long'; length: number; limit: number }
    | { reason: 'no_amount'; words: string[]; category: CategoryResolution }
    | { reason: 'non_positive_amount'; text: string }
    | { reason: 'amount_too_large'; text: string; currency: string; limitMinor: bigint }
    | { reason: 'invalid_amount'; text: string; currency: string }
    | { reason: 'future_date'; text: string; date: string; today: string }
    | { reason: 'invalid_date'; text: string }
    | { reason: 'unrecognized_command'; command: CommandType }
    | { reason: 'invalid_recurrence' }
  );

export type UnknownReason = UnknownResult['reason'];

export type ParseResult =
  | { kind: 'expenses'; expenses: ParsedExpense[] }
  | { kind: 'command'; command: Command }
  | UnknownResult;
