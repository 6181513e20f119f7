// The split clause after an expense: "split with rahul and priya", "split 2:1 with rahul",
// "split between rahul, priya and me", and "paid 500 for priya"; in Portuguese, Spanish
// and Indonesian "dividir com rahul e priya", "dividir con rahul y priya", "bagi dengan
// rahul dan priya", and in Hindi, the verb last, "rahul aur priya ke saath baanto". Names
// are read as typed; which members they are is the bot's question.

import { wordSet } from '../words.ts';
import { personName } from './names.ts';
import type { SplitPart, SplitRequest } from './types.ts';

// prettier-ignore
const FILLERS = new Set([
  'it', 'this', 'that', 'the', 'bill', 'equally', 'evenly', 'equal', 'a', 'conta', 'la',
  'cuenta', 'igualmente', 'rata',
]);
/** "with" shares with the sender; "between" and "among" only name who shares. */
const WITH = new Set(['with', 'w/', 'com', 'con', 'dengan', 'sama']);
const BETWEEN = new Set(['between', 'among', 'amongst', 'btw', 'entre', 'antara']);
const ME = wordSet(['me', 'myself', 'i', 'eu', 'mim', 'yo', 'mí', 'aku', 'saya', 'मैं', 'main']);
const RATIO = /^\d{1,3}(?:[:/]\d{1,3})+$/;
const LIST_BREAK = /\s*(?:,|&|\+|(?<!\S)(?:and|e|y|dan|aur|और)(?!\S))\s*/i;
/** Hindi: "... ke saath baanto", "... के साथ 2:1 बाँटो". */
const SHARE_LAST = wordSet(['बाँटो', 'बांटो', 'बाँटें', 'बांटें', 'baanto', 'banto', 'bato', 'baato']);
const ALONG = wordSet(['के', 'ke']);
const WITH_LAST = wordSet(['साथ', 'saath', 'sath']);
const AND_LAST = wordSet(['और', 'aur']);
const MAX_PARTS = 20;

export type SplitReading =
  | { kind: 'split'; split: SplitRequest }
  | { kind: 'broken'; ratio: boolean; detail: string }
  | null;

const USAGE =
  'A split names who shares, e.g. "split with rahul and priya" or "split 2:1 with rahul".';

/** Who is named in "rahul, priya and me": null for the sender, else the name as typed. */
export function nameList(text: string): (string | null)[] | null {
  const people: (string | null)[] = [];
  for (const piece of text.split(LIST_BREAK)) {
    if (piece === '') continue;
    const words = piece.split(/\s+/);
    if (words.length === 1 && ME.has(words[0]!.toLowerCase())) {
      if (!people.includes(null)) people.push(null);
      continue;
    }
    const name = personName(words);
    if (name === null) return null;
    if (!people.some((p) => p !== null && p.toLowerCase() === name.toLowerCase()))
      people.push(name);
  }
  return people.length > 0 && people.length <= MAX_PARTS ? people : null;
}

/**
 * The clause after the word "split". Null when it is no split at all ("banana split 200"
 * names nobody to share with); broken when it starts like one and then names no one.
 */
export function readSplit(clause: string): SplitReading {
  const words = clause
    .trim()
    .replace(/[.!]+$/, '')
    .split(/\s+/);
  let i = 0;
  while (i < words.length && FILLERS.has(words[i]!.toLowerCase())) i++;
  let ratio = words[i] !== undefined && RATIO.test(words[i]!) ? words[i++]! : null;
  while (i < words.length && FILLERS.has(words[i]!.toLowerCase())) i++;
  const connective = words[i]?.toLowerCase();
  if (connective === undefined || !(WITH.has(connective) || BETWEEN.has(connective))) return null;
  const rest = words.slice(i + 1);
  const last = rest.at(-1);
  if (ratio === null && last !== undefined && RATIO.test(last)) {
    ratio = last;
    rest.pop();
  }
  return shareOut(nameList(rest.join(' ')), WITH.has(connective), ratio);
}

/** The shares of the people named; `withSender` adds the sender when the list leaves them out. */
function shareOut(
  named: (string | null)[] | null,
  withSender: boolean,
  ratio: string | null,
): SplitReading {
  if (named === null) return { kind: 'broken', ratio: false, detail: USAGE };
  const people = withSender && !named.includes(null) ? [null, ...named] : named;
  if (people.length < 2) return { kind: 'broken', ratio: false, detail: USAGE };
  if (ratio === null) {
    const parts: SplitPart[] = people.map((member) => ({ member, weight: 1 }));
    return { kind: 'split', split: { how: 'equal', parts } };
  }
  const weights = ratio.split(/[:/]/).map(Number);
  if (weights.length !== people.length || weights.some((w) => w === 0)) {
    return {
      kind: 'broken',
      ratio: true,
      detail: `The ratio ${ratio} has ${weights.length} parts for ${people.length} people, each above zero.`,
    };
  }
  const parts = people.map((member, k) => ({ member, weight: weights[k]! }));
  return { kind: 'split', split: { how: 'ratio', parts } };
}

/**
 * Hindi's split at the end of a message: "1200 खाना राहुल और प्रिया के साथ बाँटो", "3000
 * hotel rahul ke saath 2:1 baanto". One word a name, as the expense's words come before
 * them; null when the message does not end so, with `rest` the expense before the names.
 */
export function readSplitLast(text: string): { reading: SplitReading; rest: string } | null {
  const words = text
    .trim()
    .replace(/[.!]+$/, '')
    .split(/\s+/);
  const key = (at: number) => words[at]?.toLowerCase() ?? '';
  let end = words.length - 1;
  if (!SHARE_LAST.has(key(end))) return null;
  const ratio = RATIO.test(key(end - 1)) ? words[--end]! : null;
  if (!WITH_LAST.has(key(end - 1)) || !ALONG.has(key(end - 2))) return null;
  let start = end - 3;
  if (start < 0) return { reading: { kind: 'broken', ratio: false, detail: USAGE }, rest: '' };
  while (start > 0) {
    if (start > 1 && AND_LAST.has(key(start - 1))) start -= 2;
    else if (words[start - 1]!.endsWith(',')) start -= 1;
    else break;
  }
  const names = words.slice(start, end - 2).join(' ');
  return {
    reading: shareOut(nameList(names), true, ratio),
    rest: words.slice(0, start).join(' '),
  };
}
