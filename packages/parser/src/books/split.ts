// The split clause after an expense: "split with rahul and priya", "split 2:1 with rahul",
// "split between rahul, priya and me", and "paid 500 for priya". Names are read as typed;
// which members they are is the bot's question.

import { personName } from './names.ts';
import type { SplitPart, SplitRequest } from './types.ts';

const FILLERS = new Set(['it', 'this', 'that', 'the', 'bill', 'equally', 'evenly', 'equal']);
/** "with" shares with the sender; "between" and "among" only name who shares. */
const WITH = new Set(['with', 'w/']);
const BETWEEN = new Set(['between', 'among', 'amongst', 'btw']);
const ME = new Set(['me', 'myself', 'i']);
const RATIO = /^\d{1,3}(?:[:/]\d{1,3})+$/;
const LIST_BREAK = /\s*(?:,|&|\+|\band\b)\s*/i;
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
  const named = nameList(rest.join(' '));
  if (named === null) return { kind: 'broken', ratio: false, detail: USAGE };
  const people = WITH.has(connective) && !named.includes(null) ? [null, ...named] : named;
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
