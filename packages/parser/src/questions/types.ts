// What a question about one's own spending asks, as read from a chat message. Pure data:
// answering it (SQL over the user's entries) is the spending package's work.

/** Calendar days in the user's zone, both ends included, never after today. */
export interface QuestionPeriod {
  from: string;
  to: string;
  /** How it was said, for the answer: "last month", "November 2026", "3 Dec". */
  label: string;
  /** A calendar month or year compares with the one before; any other span with as many days. */
  unit: 'day' | 'week' | 'month' | 'year' | 'span';
}

export type QuestionFilter =
  | { kind: 'category'; categoryId: string; name: string }
  /** A merchant or a word of the entries' notes: "uber", "dmart", "swiggy". */
  | { kind: 'word'; word: string };

export type QuestionMeasure =
  'total' | 'count' | 'average' | 'biggest' | 'top' | 'list' | 'any' | 'above' | 'below';

export interface Question {
  /** null: not said; a follow-up keeps the last one, a new question means the total. */
  measure: QuestionMeasure | null;
  filter: QuestionFilter | null;
  period: QuestionPeriod | null;
  /** The other side of "A vs B", "compare october and november". */
  compare: QuestionPeriod | null;
  /** "top 3 categories": how many. */
  top: number | null;
  /** "more than 1000": the amount, in minor units of `currency`. */
  thresholdMinor: bigint | null;
  currency: string;
  /** "and transport?", "what about last month?", "show them": the rest comes from the last question. */
  followUp: boolean;
  /** This month so far, as of the message: the period of a new question that names none. */
  defaultPeriod: QuestionPeriod;
}

/** A question with everything it leaves out filled in: what an answer is computed for. */
export interface ResolvedQuestion {
  measure: QuestionMeasure;
  filter: QuestionFilter | null;
  period: QuestionPeriod;
  compare: QuestionPeriod | null;
  top: number | null;
  /** Minor units as a decimal string: a resolved question is kept in the chat's JSON snapshot. */
  thresholdMinor: string | null;
  currency: string;
}

export type QuestionResult =
  | { kind: 'question'; question: Question }
  /** "more": the next page of the last answer. */
  | { kind: 'more' }
  /** Reads as a question, but not one that can be answered: a question that would work. */
  | { kind: 'unclear'; example: string };
