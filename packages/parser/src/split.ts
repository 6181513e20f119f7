// Where one expense ends and the next begins: new lines, commas, semicolons, full stops,
// "and", "&", and a "+" that is not arithmetic ("50 tea + 30 biscuit" vs "120+80").
// Pieces without an amount are glued back by the message step, so splitting too eagerly
// never loses words: "bread and butter 120" becomes one expense again.

import { currencyOf } from './currency.ts';
import type { NumberWords } from './number-words.ts';
import type { Token } from './tokenize.ts';
import { ATTACHED_MULTIPLIERS, CONJUNCTIONS, MONTHS, MULTIPLIERS } from './words.ts';

export interface Segment {
  start: number;
  end: number;
}

function isYear(token: Token | undefined): boolean {
  return token?.kind === 'number' && /^(?:19|20)\d\d$/.test(token.text);
}

/** "jan 12, 2026": the comma belongs to the date. */
function commaInDate(tokens: readonly Token[], k: number): boolean {
  const day = tokens[k - 1];
  const month = tokens[k - 2];
  return (
    day?.kind === 'number' &&
    day.text.length <= 2 &&
    month?.kind === 'word' &&
    MONTHS.has(month.key) &&
    isYear(tokens[k + 1])
  );
}

function startsNumber(tokens: readonly Token[], k: number): boolean {
  const next = tokens[k];
  if (next === undefined) return false;
  if (next.kind === 'number') return true;
  // "Rs 50 + Rs 30": which currency does not matter here, only that it is one.
  return currencyOf(next, 'XXX') !== null && tokens[k + 1]?.kind === 'number';
}

function endsNumber(tokens: readonly Token[], k: number): boolean {
  const previous = tokens[k];
  if (previous === undefined) return false;
  if (previous.kind === 'number') return true;
  // "1.5k+200", "120rs + 80", "1 lakh + 20k".
  const suffix =
    currencyOf(previous, 'XXX') !== null ||
    (previous.kind === 'word' &&
      (MULTIPLIERS.has(previous.key) || ATTACHED_MULTIPLIERS.has(previous.key)));
  return suffix && tokens[k - 1]?.kind === 'number';
}

/** "cento e vinte", "treinta y cinco": the "and" inside a number written in words. */
function inNumberWords(tokens: readonly Token[], k: number, words: NumberWords | null): boolean {
  if (words === null) return false;
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  const isNumberWord = (token: Token | undefined) =>
    token?.kind === 'word' && typeof words.get(token.key) === 'object';
  return isNumberWord(before) && isNumberWord(after);
}

function isSeparator(tokens: readonly Token[], k: number, words: NumberWords | null): boolean {
  const token = tokens[k];
  if (token === undefined) return false;
  if (token.kind === 'break') return !(token.text === ',' && commaInDate(tokens, k));
  if (token.kind === 'word') return CONJUNCTIONS.has(token.key) && !inNumberWords(tokens, k, words);
  if (token.kind === 'op' && token.key === '+') {
    return !(endsNumber(tokens, k - 1) && startsNumber(tokens, k + 1));
  }
  return false;
}

/** `words`: the user's number words, whose "and" joins rather than splits. */
export function splitSegments(
  tokens: readonly Token[],
  words: NumberWords | null = null,
): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (let k = 0; k <= tokens.length; k++) {
    if (k === tokens.length || isSeparator(tokens, k, words)) {
      if (k > start) segments.push({ start, end: k });
      start = k + 1;
    }
  }
  return segments;
}
