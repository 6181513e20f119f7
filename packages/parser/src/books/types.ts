// What a chat message says about shared books: a book command ("new book Home", "add
// +919812300000 to home", "balances"), or an entry aimed at a book ("home: 1200
// groceries") and split among its members ("split with rahul and priya"). Names stay as
// typed: the bot matches them against the books and members it knows.

import type { ParseResult } from '../types.ts';

/** A shared book the person belongs to, with the names of its other members. */
export interface BookNames {
  name: string;
  members: readonly string[];
}

export interface BookContext {
  /** The person's shared books: what "home:" or "#goa" may name. */
  books: readonly BookNames[];
  /** The book an entry goes to when the message names none; null for the personal book. */
  defaultBook: string | null;
}

/** Where an entry goes: the default book, the personal book, or a shared book by its name. */
export type BookTarget =
  { kind: 'default' } | { kind: 'personal' } | { kind: 'book'; name: string };

/** One share of a split; `member` null is the sender. Weights are small whole numbers. */
export interface SplitPart {
  member: string | null;
  weight: number;
}

/**
 * equal: "split with rahul and priya" (the sender included); ratio: "split 2:1 with rahul"
 * (the sender's weight first); for: "paid 500 for priya" (all of it is priya's share).
 */
export interface SplitRequest {
  how: 'equal' | 'ratio' | 'for';
  parts: SplitPart[];
}

/** Who handed money over in a settlement; null when the message does not say. */
export type SettleDirection = 'toMember' | 'toMe' | null;

export type BookCommand =
  | { type: 'createBook'; name: string }
  /** `book` null: the default book. `phone` is E.164, "+919812300000". */
  | { type: 'inviteMember'; phone: string; book: string | null }
  | { type: 'joinBook'; book: string }
  /** `book` null: back to the personal book. */
  | { type: 'useBook'; book: string | null }
  | { type: 'balances'; book: string | null }
  /** `amountMinor` null: everything owed between the two. */
  | {
      type: 'settle';
      member: string;
      amountMinor: bigint | null;
      currency: string;
      direction: SettleDirection;
      book: string | null;
    }
  | { type: 'leaveBook'; book: string }
  /** Notices when others add to the book: "notify home", "mute home". */
  | { type: 'notifyBook'; book: string; on: boolean }
  | { type: 'listBooks' };

export type BookCommandType = BookCommand['type'];

export type BookProblem = 'book_name' | 'phone' | 'split' | 'split_ratio' | 'split_many' | 'amount';

export type BookReading =
  | { kind: 'command'; command: BookCommand }
  | {
      kind: 'entry';
      book: BookTarget;
      split: SplitRequest | null;
      /** The ordinary reading of the message without its book prefix and split clause. */
      result: ParseResult;
    }
  /** `detail`: one English sentence for logs; the bot words its own reply. */
  | { kind: 'unknown'; reason: BookProblem; detail: string };
