// Book commands, each a whole short message: "new book Home", "add +919812300000 to
// home", "join home", "use home", "use personal", "balances", "who owes", "settled 400
// with rahul", "rahul paid me 400", "leave home", "notify home", "mute home", "books".
// Creating, using, balances and settling also in Portuguese, Spanish, Indonesian and Hindi:
// "novo livro Casa", "usar casa", "saldos", "acertei 400 com rahul", "buku baru Rumah",
// "pakai rumah", "lunas 400 dengan rahul", "नई बही घर", "घर चुनो", "बकाया", "rahul ko 400
// chukaye". Inviting, joining and notices too: "adicionar +5511... em casa", "entrar no
// casa", "unirme a casa", "gabung rumah", "+91... को घर में जोड़ो", "घर में शामिल", "avisar casa",
// "silenciar casa", "घर की सूचना बंद".

import { parse } from '../parse.ts';
import type { ParseContext } from '../types.ts';
import { wordMap, wordSet } from '../words.ts';
import { personName } from './names.ts';
import { looksLikePhone, phoneNumber } from './phone.ts';
import type { BookCommand, BookReading, SettleDirection } from './types.ts';

const MAX_WORDS = 16;
const MAX_BOOK_NAME = 40;
const NUMBER = /\p{N}/u;
// prettier-ignore
const BOOK = wordSet([
  'book', 'books', 'livro', 'livros', 'libro', 'libros', 'buku', 'बही', 'बहियाँ', 'किताब',
  'किताबें', 'bahi', 'kitab', 'kitaab',
]);
const NEW_ENGLISH = ['new', 'create', 'start', 'make'];
// prettier-ignore
const NEW = wordSet([
  ...NEW_ENGLISH, 'novo', 'nova', 'criar', 'crie', 'nuevo', 'nueva', 'crear', 'crea', 'buat',
  'bikin', 'नई', 'नया', 'nayi', 'nai', 'naya',
]);
/** Said after the book word: "buku baru Rumah". */
const NEW_AFTER = new Set(['baru']);
/** Said last in Hindi: "नई बही घर बनाओ". */
const MAKE_LAST = wordSet(['बनाओ', 'बनाएँ', 'banao']);
/** The verb, then the word before the book: "adicionar +5511... em casa". */
const INVITE = new Map<string, ReadonlySet<string>>([
  ...['add', 'invite'].map((verb) => [verb, new Set(['to'])] as const),
  ...['adicionar', 'adicione', 'adiciona', 'convidar', 'convide', 'convida'].map(
    (verb) => [verb, new Set(['em', 'no', 'na', 'ao', 'à'])] as const,
  ),
  ...['agregar', 'agrega', 'añadir', 'añade', 'invitar', 'invita'].map(
    (verb) => [verb, new Set(['a', 'al', 'en'])] as const,
  ),
  ...['tambah', 'tambahkan', 'undang'].map((verb) => [verb, new Set(['ke'])] as const),
]);
/** Hindi puts the verb last: "+91... को घर में जोड़ो". */
const INVITE_LAST = wordSet(['जोड़ो', 'जोड़ें', 'jodo', 'joro']);
const INTO = wordSet(['में', 'mein', 'me']);
/** "join home", "entrar no casa", "unirme a casa", "gabung ke rumah". */
// prettier-ignore
const JOIN = new Set([
  'join', 'entrar', 'unirme', 'unirse', 'gabung', 'bergabung',
]);
/** Between the join verb and the book, said or not: "entrar no casa". */
const JOIN_INTO = new Set(['no', 'na', 'em', 'a', 'al', 'en', 'ke']);
/** Hindi: "घर में शामिल", "ghar mein shamil ho". */
const JOIN_LAST = wordSet(['शामिल', 'shamil', 'shaamil']);
const JOIN_TAIL = wordSet(['हो', 'हूँ', 'होना', 'ho', 'hoon', 'hona']);
// "saldo" is a balance in all three languages; an amount after it ("saldo 500") makes it
// an expense. Hindi "हिसाब" already asks for the summary.
// prettier-ignore
const BALANCES = wordSet([
  'balances', 'balance', 'saldos', 'saldo', 'बकाया', 'bakaya', 'baaki', 'baki', 'बाकी',
]);
/** The verb, then the word before the other person: "acertei 400 com rahul". */
const SETTLE = new Map<string, ReadonlySet<string>>([
  ['settled', new Set(['with'])],
  ['settle', new Set(['with'])],
  ['acertei', new Set(['com'])],
  ['acertamos', new Set(['com'])],
  ['saldé', new Set(['con'])],
  ['salde', new Set(['con'])],
  ['saldamos', new Set(['con'])],
  ['lunas', new Set(['dengan', 'sama'])],
  ['melunasi', new Set(['dengan', 'sama'])],
]);
/** Hindi puts the verb last: "rahul ko 400 chukaye", "राहुल के साथ हिसाब चुकता". */
// prettier-ignore
const SETTLE_LAST = wordSet([
  'चुकाए', 'चुकाये', 'चुकाया', 'चुकता', 'chukaye', 'chukaya', 'chukaaye', 'chukta',
]);
const TO_MEMBER = wordSet(['को', 'ko', 'से', 'se']);
const ALONG = wordSet(['के', 'ke']);
const WITH_MEMBER = wordSet(['साथ', 'saath', 'sath']);
/** Instead of an amount: everything owed. */
const WHOLE = wordSet(['हिसाब', 'hisab', 'hisaab', 'सब', 'sab', 'पूरा', 'pura', 'poora']);
const USE = new Set(['use', 'usar', 'pakai', 'pake', 'gunakan']);
/** Said last in Hindi: "घर चुनो". */
const USE_LAST = wordSet(['चुनो', 'चुनें', 'chuno']);
const NOTIFY_ENGLISH = ['notify', 'unmute', 'follow'];
const MUTE_ENGLISH = ['mute', 'unfollow', 'silence'];
const NOTIFY = new Set([...NOTIFY_ENGLISH, 'avisar', 'avise', 'avisa', 'kabari', 'kabarin']);
// prettier-ignore
const MUTE = new Set([
  ...MUTE_ENGLISH, 'silenciar', 'silencie', 'silencia', 'senyap', 'senyapkan', 'bisukan',
]);
/** Hindi, last: "घर की सूचना चालू", "घर की सूचना बंद". */
const NOTICE = wordSet(['सूचना', 'suchna', 'soochna']);
const NOTICE_SWITCH = wordMap([
  ['चालू', true],
  ['chalu', true],
  ['बंद', false],
  ['band', false],
]);
const OF = wordSet(['की', 'ki']);
/** "settled 400 with rahul in home", "acertei 400 com rahul em casa". */
const IN = new Set(['in', 'em', 'en', 'di']);
/** "notify home off", "notify home on": a last word that says which. */
const SWITCH = new Map([
  ['on', true],
  ['off', false],
]);
// prettier-ignore
const PERSONAL = wordSet([
  'personal', 'mine', 'my own', 'own', 'pessoal', 'pribadi', 'sendiri', 'निजी', 'niji',
  'अपनी', 'apni', 'अपना', 'apna',
]);

/**
 * Whether "use <name>" means the personal book in some language ("usar pessoal"): such a
 * name could never be chosen, so no shared book may take it.
 */
export function namesPersonalBook(name: string): boolean {
  return PERSONAL.has(name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase());
}
/** Words that decorate a command without changing it: "show my balances", "who owes what". */
const DECOR = new Set(['show', 'my', 'the', 'list', 'all', 'please', 'pls', 'what', 'whom']);

interface Word {
  typed: string;
  key: string;
}

function command(value: BookCommand): BookReading {
  return { kind: 'command', command: value };
}

function problem(reason: 'book_name' | 'phone' | 'amount', detail: string): BookReading {
  return { kind: 'unknown', reason, detail };
}

const typed = (words: readonly Word[]) => words.map((w) => w.typed).join(' ');
const keys = (words: readonly Word[]) => words.map((w) => w.key);

/**
 * The book a command names after its verb: "home", "the home book", "book Goa trip". A
 * name that starts with a number ("use 500 coupon") is no book's.
 */
function bookName(words: readonly Word[]): string | null {
  let start = 0;
  let end = words.length;
  while (start < end && (words[start]!.key === 'the' || BOOK.has(words[start]!.key))) start++;
  if (end - start > 1 && BOOK.has(words[end - 1]!.key)) end--;
  const name = typed(words.slice(start, end));
  return name === '' || /^\p{N}/u.test(name) ? null : name;
}

/**
 * "new book Goa trip"; null for "new book 450" or "new book for 300 rs", which name no
 * book but an amount alone: a book bought, read as an expense.
 */
function createBook(
  words: readonly Word[],
  context: ParseContext,
  english: boolean,
): BookReading | null {
  const name = typed(words);
  const bought = name === '' ? null : parse(name, context);
  // Only in English are names with amounts books ("new book Flat 302"): "buat buku tulis
  // 5000" is notebooks bought.
  if (bought?.kind === 'expenses' && (!english || bought.expenses.every((e) => e.note === '')))
    return null;
  if (!/[\p{L}\p{N}]/u.test(name) || name.length > MAX_BOOK_NAME) {
    return problem(
      'book_name',
      `A book's name has letters and at most ${MAX_BOOK_NAME} characters.`,
    );
  }
  return command({ type: 'createBook', name });
}

/**
 * "add +91 98123 00000 to home", "tambah +62... ke rumah": null when what is added is no
 * phone number ("add 500 to rent").
 */
function invite(words: readonly Word[], into: ReadonlySet<string>): BookReading | null {
  const k = keys(words);
  const to = k.findLastIndex((key) => into.has(key));
  return invited(
    words.slice(0, to === -1 ? words.length : to),
    to === -1 ? null : words.slice(to + 1),
  );
}

function invited(
  phoneWords: readonly Word[],
  bookWords: readonly Word[] | null,
): BookReading | null {
  const number = typed(phoneWords);
  if (!looksLikePhone(number)) return null;
  const phone = phoneNumber(number);
  if (phone === null) {
    return problem('phone', `"${number}" is not a WhatsApp number; write it as +919812300000.`);
  }
  return command({
    type: 'inviteMember',
    phone,
    book: bookWords === null ? null : bookName(bookWords),
  });
}

/** "+91 98123 00000 को घर में जोड़ो", "+91... ko jodo": the verb already taken off. */
function inviteLast(words: readonly Word[]): BookReading | null {
  const to = keys(words).findIndex((key) => TO_MEMBER.has(key));
  if (to < 1) return null;
  const rest = INTO.has(words.at(-1)!.key) ? words.slice(to + 1, -1) : words.slice(to + 1);
  return invited(words.slice(0, to), rest.length === 0 ? null : rest);
}

/** "join home", "entrar no casa", "घर में शामिल": the book, never one named by a number. */
function join(words: readonly Word[], english: boolean): BookReading | null {
  const book = bookName(words);
  if (book === null || (!english && words.some((w) => NUMBER.test(w.key)))) return null;
  return command({ type: 'joinBook', book });
}

/** An amount alone, "400", "₹400", "50 usd": its minor units and currency, or null. */
function amountOf(text: string, context: ParseContext) {
  const result = parse(text, context);
  if (result.kind !== 'expenses' || result.expenses.length !== 1) return null;
  const [expense] = result.expenses;
  return expense!.note === '' ? expense! : null;
}

/** "... with rahul in home": the member and the book. */
function memberAndBook(words: readonly Word[]): { member: string; book: string | null } | null {
  const split = keys(words).findLastIndex((key) => IN.has(key));
  const who = split === -1 ? words : words.slice(0, split);
  const member = personName(who.map((w) => w.typed));
  if (member === null) return null;
  return { member, book: split === -1 ? null : bookName(words.slice(split + 1)) };
}

function settle(
  amountWords: readonly Word[],
  memberWords: readonly Word[],
  direction: SettleDirection,
  context: ParseContext,
): BookReading | null {
  const who = memberAndBook(memberWords);
  if (who === null) return null;
  if (amountWords.length === 0) {
    return command({
      type: 'settle',
      ...who,
      amountMinor: null,
      currency: context.currency,
      direction,
    });
  }
  const amount = amountOf(typed(amountWords), context);
  if (amount === null || amount.kind !== 'EXPENSE') {
    return problem('amount', 'Say how much was settled, e.g. "settled 400 with rahul".');
  }
  return command({
    type: 'settle',
    ...who,
    amountMinor: amount.amountMinor,
    currency: amount.currency,
    direction,
  });
}

/** "rahul ko 400 chukaye", "राहुल के साथ हिसाब चुकता": the member first, the verb last. */
function settlementLast(words: readonly Word[], context: ParseContext): BookReading | null {
  const k = keys(words);
  const to = k.findIndex((key) => TO_MEMBER.has(key));
  const along = k.findIndex((key, i) => ALONG.has(key) && WITH_MEMBER.has(k[i + 1] ?? ''));
  const at = to === -1 || (along !== -1 && along < to) ? along : to;
  if (at < 1) return null;
  const amount = words.slice(at === along ? at + 2 : at + 1, -1).filter((w) => !WHOLE.has(w.key));
  // "घर में राहुल को 400 चुकाए": the book first.
  const into = keys(words.slice(0, at)).findIndex((key) => INTO.has(key));
  const member =
    into < 1
      ? words.slice(0, at)
      : [...words.slice(into + 1, at), { typed: 'in', key: 'in' }, ...words.slice(0, into)];
  return settle(amount, member, null, context);
}

/** "settled 400 with rahul", "settled up with rahul", "rahul paid me 400 in goa trip". */
function settlement(words: readonly Word[], context: ParseContext): BookReading | null {
  const k = keys(words);
  const withWords = SETTLE.get(k[0]!);
  if (withWords !== undefined) {
    const start = k[1] === 'up' ? 2 : 1;
    const withAt = k.findIndex((key, i) => i >= start && withWords.has(key));
    if (withAt === -1) return null;
    return settle(words.slice(start, withAt), words.slice(withAt + 1), null, context);
  }
  if (SETTLE_LAST.has(k.at(-1)!)) return settlementLast(words, context);
  const paid = k.indexOf('paid');
  if (paid < 1 || k[paid + 1] !== 'me') return null;
  // The amount comes last ("rahul paid me 400", "rahul paid me 400 in home").
  const tail = words.slice(paid + 2);
  const inAt = keys(tail).lastIndexOf('in');
  const amount = inAt === -1 ? tail : tail.slice(0, inAt);
  if (amount.length === 0) return null;
  const member =
    inAt === -1 ? words.slice(0, paid) : [...words.slice(0, paid), ...tail.slice(inAt)];
  return settle(amount, member, 'toMe', context);
}

function balances(words: readonly Word[]): BookReading | null {
  const k = keys(words);
  let rest: readonly Word[];
  if (BALANCES.has(k[0]!)) rest = words.slice(1);
  else if (k[0] === 'who' && (k[1] === 'owes' || k[1] === 'owe')) rest = words.slice(2);
  else return null;
  rest = rest.filter((w) => !DECOR.has(w.key) && w.key !== 'in' && w.key !== 'me');
  if (rest.some((w) => /^\d/.test(w.key))) return null;
  return command({ type: 'balances', book: bookName(rest) });
}

/**
 * "use home", "use personal", "usar casa", "घर चुनो". Only in English may the name hold a
 * number ("use flat 302"): "pakai gopay 50000" is an expense paid with GoPay.
 */
function useBook(words: readonly Word[], english: boolean): BookReading | null {
  const book = bookName(words);
  if (book === null || (!english && words.some((w) => NUMBER.test(w.key)))) return null;
  return command({ type: 'useBook', book: PERSONAL.has(book.toLowerCase()) ? null : book });
}

/** "notify home", "notify home off", "mute goa trip", "avisar casa". */
function notify(words: readonly Word[], mute: boolean): BookReading | null {
  const english = NOTIFY_ENGLISH.includes(words[0]!.key) || MUTE_ENGLISH.includes(words[0]!.key);
  const last = english ? SWITCH.get(words.at(-1)!.key) : undefined;
  const named = words.slice(1, last === undefined ? words.length : -1);
  const book = bookName(named);
  if (book === null || (!english && named.some((w) => NUMBER.test(w.key)))) return null;
  return command({ type: 'notifyBook', book, on: mute ? last === false : (last ?? true) });
}

/** "घर की सूचना चालू", "ghar ki suchna band". */
function noticeLast(words: readonly Word[]): BookReading | null {
  const on = NOTICE_SWITCH.get(words.at(-1)!.key);
  if (on === undefined || words.length < 3 || !NOTICE.has(words.at(-2)!.key)) return null;
  const named = OF.has(words.at(-3)!.key) ? words.slice(0, -3) : words.slice(0, -2);
  const book = bookName(named);
  if (book === null || named.some((w) => NUMBER.test(w.key))) return null;
  return command({ type: 'notifyBook', book, on });
}

/** Hindi's inviting, joining and notices, the verb last. */
function verbLast(words: readonly Word[]): BookReading | null {
  const last = words.at(-1)!.key;
  if (words.length > 2 && INVITE_LAST.has(last)) return inviteLast(words.slice(0, -1));
  if (NOTICE_SWITCH.has(last)) return noticeLast(words);
  const joining = JOIN_TAIL.has(last) ? words.slice(0, -1) : words;
  if (joining.length > 2 && JOIN_LAST.has(joining.at(-1)!.key) && INTO.has(joining.at(-2)!.key))
    return join(joining.slice(0, -2), false);
  return null;
}

/** The book command this whole message is, a problem with one, or null when it is none. */
export function bookCommand(source: string, context: ParseContext): BookReading | null {
  const all = source
    .trim()
    .replace(/[.!?]+$/, '')
    .split(/\s+/)
    .map((text) => ({ typed: text, key: text.toLowerCase() }));
  if (all.length > MAX_WORDS || all[0]!.key === '') return null;
  let start = 0;
  while (start < all.length - 1 && DECOR.has(all[start]!.key)) start++;
  const words = all.slice(start);
  const [first, second] = keys(words);
  const rest = words.slice(1);

  if (words.length === 1 && BOOK.has(first!)) return command({ type: 'listBooks' });
  const named = MAKE_LAST.has(words.at(-1)!.key) ? words.slice(0, -1) : words;
  if (NEW.has(first!)) {
    const at = second === 'shared' ? 2 : 1;
    if (!BOOK.has(keys(words)[at] ?? '')) return null;
    return createBook(named.slice(at + 1), context, NEW_ENGLISH.includes(first!));
  }
  if (BOOK.has(first!) && NEW_AFTER.has(second!)) return createBook(named.slice(2), context, false);
  const into = INVITE.get(first!);
  if (into !== undefined && rest.length > 0) return invite(rest, into);
  if (JOIN.has(first!))
    return join(JOIN_INTO.has(second ?? '') ? words.slice(2) : rest, first === 'join');
  if (first === 'leave') {
    const book = bookName(rest);
    return book === null ? null : command({ type: 'leaveBook', book });
  }
  if (NOTIFY.has(first!) || MUTE.has(first!)) return notify(words, MUTE.has(first!));
  if (first === 'use' || (first === 'switch' && second === 'to')) {
    return useBook(words.slice(first === 'use' ? 1 : 2), true);
  }
  if (USE.has(first!)) return useBook(rest, false);
  if (words.length > 1 && USE_LAST.has(words.at(-1)!.key))
    return useBook(words.slice(0, -1), false);
  return verbLast(words) ?? balances(words) ?? settlement(words, context);
}
