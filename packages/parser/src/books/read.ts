// readBook(text, context, books): what a message says about shared books, or null when it
// says nothing about them and parse() alone reads it. looksLikeBook is the cheap gate the
// bot checks before it loads the person's books at all.

import { MAX_MESSAGE_LENGTH, parse } from '../parse.ts';
import { normalize } from '../tokenize.ts';
import type { ParseContext } from '../types.ts';
import { bookCommand } from './commands.ts';
import { findBook, namesMember } from './names.ts';
import { nameList, readSplit, readSplitLast } from './split.ts';
import type { BookContext, BookReading, BookTarget, SplitRequest } from './types.ts';

// Devanagari has no word boundaries in a plain regex, so its words go without them; "sald"
// stands for "saldo", "saldos" and "saldé".
const SIGNS =
  /[:#]|\b(?:split|paid|books?|balances?|owes?|settled?|join|use|switch|leave|add|invite|new|create|start|make|notify|unmute|follow|mute|unfollow|silence|livros?|libros?|buku|bahi|kitaa?b|novo|nova|criar?|crie|nuev[oa]|crea|crear|buat|bikin|na[iy]a?|nayi|usar|pakai|pake|gunakan|chuno|bakaya|baa?ki|acert(?:ei|amos)|lunas|melunasi|chuk(?:aa?ye|aya|ta)|adicion[ae]r?|convid[ae]r?|agrega|agregar|añad[ei]r?|invit[ae]r?|tambah(?:kan)?|undang|jodo|joro|entrar|unir(?:me|se)|(?:ber)?gabung|shaa?mil|avis[ae]r?|silenci[ae]r?|kabari?n?|senyap(?:kan)?|bisukan|soo?chna|divid(?:ir|ido|ida|e)|bagi|baa?n?to|bayar)\b|\bsald|\bpagu[eé]|बही|किताब|बहियाँ|नई|नया|बकाया|बाकी|चुनो|चुनें|चुका|चुकता|जोड|जोड़|शामिल|सूचना|बाँट|बांट|(?:के|ke)\s+(?:लिए|liye)/i;
/** "home: 1200 groceries", "goa trip: 3000 hotel"; never "12:30 lunch 200". */
const PREFIX = /^\s*([\p{L}\p{M}][\p{L}\p{M}\p{N}' -]{0,39}?)\s*:(?!\d)/u;
const HASHTAG = /^#([\p{L}\p{M}\p{Nd}_]+)$/u;
const SPLIT_WORD = /(?:^|\s)(?:split|dividir|divide|dividido|dividida|bagi)(?=\s|$)/i;
// prettier-ignore
const PAID_FOR =
  /^\s*(?:(?:i|eu|yo|aku|saya)\s+)?(?:paid|paguei|pagu[eé]|bayar|bayarin)\s+(.+?)\s+(?:for|para|pra|por|untuk|buat)\s+(.+?)[.!]*\s*$/i;
/** Hindi, the names first: "priya ke liye 500 diye", "प्रिया के लिए 500 दिए". */
const PAID_FOR_LAST = /^\s*(.+?)\s+(?:के|ke)\s+(?:लिए|liye)\s+(.+?)\s+(?:दिए|दिये|diye)[.!]*\s*$/i;
const PERSONAL = 'personal';

/** Whether a message may be about books; false for nearly every ordinary expense. */
export function looksLikeBook(text: string): boolean {
  return SIGNS.test(text.length > MAX_MESSAGE_LENGTH ? text.slice(0, MAX_MESSAGE_LENGTH) : text);
}

function targetOf(typed: string, books: BookContext): BookTarget | null {
  if (typed.trim().toLowerCase() === PERSONAL) return { kind: 'personal' };
  const name = findBook(typed, books.books);
  return name === null ? null : { kind: 'book', name };
}

/** The book named at the start ("home:", "#goa") or end ("#goa") and the rest of the text. */
function aimed(source: string, books: BookContext): { book: BookTarget; rest: string } | null {
  const prefix = PREFIX.exec(source);
  if (prefix) {
    const book = targetOf(prefix[1]!, books);
    if (book) return { book, rest: source.slice(prefix[0].length) };
  }
  const words = source.trim().split(/\s+/);
  for (const at of [0, words.length - 1]) {
    const tag = HASHTAG.exec(words[at]!);
    const book = tag && targetOf(tag[1]!, books);
    if (book) return { book, rest: words.filter((_, k) => k !== at).join(' ') };
  }
  return null;
}

function membersOf(book: BookTarget, books: BookContext): readonly string[] {
  const name =
    book.kind === 'book' ? book.name : book.kind === 'default' ? books.defaultBook : null;
  return books.books.find((b) => b.name === name)?.members ?? [];
}

/** The amount and who it was for in "paid 500 for priya" or "priya ke liye 500 diye". */
function paidWhat(text: string): { amount: string; names: string } | null {
  const first = PAID_FOR.exec(text);
  if (first) return { amount: first[1]!, names: first[2]! };
  const last = PAID_FOR_LAST.exec(text);
  return last ? { amount: last[2]!, names: last[1]! } : null;
}

/**
 * "paid 500 for priya": a split only when everyone after "for" is a member of the book,
 * so "paid 500 for lunch" stays an ordinary expense.
 */
function paidFor(
  text: string,
  book: BookTarget,
  books: BookContext,
): { split: SplitRequest; rest: string } | null {
  const paid = paidWhat(text);
  if (paid === null) return null;
  const { amount, names } = paid;
  const listed = nameList(names);
  // "for priya and me" is no one else's share alone.
  if (listed === null || listed.includes(null)) return null;
  const named = listed.filter((name) => name !== null);
  const members = membersOf(book, books);
  if (!named.every((name) => members.some((m) => namesMember(name, m)))) return null;
  const parts = named.map((member) => ({ member, weight: 1 }));
  return { split: { how: 'for', parts }, rest: amount };
}

type Clause =
  { split: SplitRequest | null; rest: string } | Extract<BookReading, { kind: 'unknown' }>;

function splitClause(text: string, book: BookTarget, books: BookContext): Clause {
  const at = SPLIT_WORD.exec(text);
  const last = at ? null : readSplitLast(text);
  const found = at
    ? { reading: readSplit(text.slice(at.index + at[0].length)), rest: text.slice(0, at.index) }
    : last;
  const reading = found?.reading;
  if (reading?.kind === 'broken') {
    return {
      kind: 'unknown',
      reason: reading.ratio ? 'split_ratio' : 'split',
      detail: reading.detail,
    };
  }
  if (reading) return { split: reading.split, rest: found.rest };
  return paidFor(text, book, books) ?? { split: null, rest: text };
}

export function readBook(
  text: string,
  context: ParseContext,
  books: BookContext,
): BookReading | null {
  if (text.length > MAX_MESSAGE_LENGTH || !looksLikeBook(text)) return null;
  const source = normalize(text);
  const command = bookCommand(source, context);
  if (command) return command;
  const target = aimed(source, books);
  const book = target?.book ?? { kind: 'default' };
  const clause = splitClause(target?.rest ?? source, book, books);
  if ('kind' in clause) return clause;
  if (target === null && clause.split === null) return null;
  const result = parse(clause.rest, context);
  if (clause.split && result.kind === 'expenses' && result.expenses.length > 1) {
    return {
      kind: 'unknown',
      reason: 'split_many',
      detail: 'A split shares one expense; send each expense to split on its own.',
    };
  }
  return { kind: 'entry', book, split: clause.split, result };
}
