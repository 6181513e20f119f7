// One expense's worth of tokens: find its date, its amount, the words that name a
// category, and what is left as the note.

import { findAmounts, pickAmount, type AmountCandidate } from './amount.ts';
import { resolveCategory, type CategoryWord, type Resolved } from './categories.ts';
import type { Prepared } from './context.ts';
import { currencyOf } from './currency.ts';
import { matchDate, type DateMatch } from './dates.ts';
import type { Segment } from './split.ts';
import type { Token } from './tokenize.ts';
import { CONJUNCTIONS, FILLERS, UNITS } from './words.ts';

export interface Analysis {
  segment: Segment;
  date: DateMatch | null;
  amount: AmountCandidate | null;
  /** The other numbers that read as prices as well as `amount` ("lunch 250 dinner 400"). */
  rivals: AmountCandidate[];
  /** The currency the amount is in: named next to it, elsewhere in the item, or default. */
  currency: string;
  words: CategoryWord[];
  category: Resolved;
  note: string;
  text: string;
}

// Beyond this many words an item is prose, not an expense; the rest still goes to the note.
const CATEGORY_WORD_LIMIT = 32;

/** Marks: a token read as the date or the amount. */
export const USED = 1;
const DROPPED = 2;

function isNoiseAtEdge(token: Token): boolean {
  if (token.kind === 'word') return FILLERS.has(token.key);
  return token.kind === 'break' || token.kind === 'op' || token.kind === 'symbol';
}

function buildNote(source: string, tokens: readonly Token[], kept: number[]): string {
  let first = 0;
  let last = kept.length - 1;
  while (first <= last && isNoiseAtEdge(tokens[kept[first] ?? 0] as Token)) first++;
  while (last >= first && isNoiseAtEdge(tokens[kept[last] ?? 0] as Token)) last--;
  if (first > last) return '';
  let note = '';
  for (let k = first; k <= last; k++) {
    const index = kept[k] ?? 0;
    const token = tokens[index] as Token;
    const previous = kept[k - 1];
    if (k === first) {
      note = token.text;
    } else if (previous === index - 1) {
      // Neighbours in the message: keep what the user put between them ("chai-nashta").
      note += source.slice((tokens[previous] as Token).end, token.end);
    } else {
      note += ` ${token.text}`;
    }
  }
  return note.replace(/\s+/g, ' ').trim();
}

/** Dates first (so "12 jan" is not an amount of 12), then the amount among the rest. */
function scan(
  tokens: readonly Token[],
  start: number,
  end: number,
  prepared: Prepared,
  marks: Uint8Array,
  years: boolean,
): { date: DateMatch | null; amount: AmountCandidate | null; rivals: AmountCandidate[] } {
  marks.fill(0, start, end);
  let date: DateMatch | null = null;
  for (let i = start; i < end;) {
    const found = matchDate(tokens, i, end, prepared.calendar, { years });
    if (found === null) {
      i++;
      continue;
    }
    date ??= found;
    marks.fill(USED, found.start, found.end);
    i = Math.max(found.end, i + 1);
  }
  const candidates = findAmounts(tokens, start, end, marks, prepared.amounts);
  const amount = pickAmount(candidates);
  if (amount !== null) marks.fill(USED, amount.start, amount.end);
  const rivals = candidates.filter((c) => c !== amount && c.strength > 0 && !c.expression);
  return { date, amount, rivals };
}

/**
 * `marks` is scratch space for the whole message, indexed like `tokens`; only this
 * segment's slots are touched.
 */
export function analyze(
  source: string,
  tokens: readonly Token[],
  segment: Segment,
  prepared: Prepared,
  marks: Uint8Array,
): Analysis {
  const { start, end } = segment;

  let { date, amount, rivals } = scan(tokens, start, end, prepared, marks, true);
  if (amount === null && date !== null) {
    const again = scan(tokens, start, end, prepared, marks, false);
    if (again.amount !== null) ({ date, amount, rivals } = again);
    else scan(tokens, start, end, prepared, marks, true);
  }

  let currency = amount?.currency ?? null;
  const words: CategoryWord[] = [];
  const wordTokens: number[] = [];
  let conjunction = false;
  for (let i = start; i < end; i++) {
    if (marks[i] !== 0) continue;
    const token = tokens[i] as Token;
    const named = currencyOf(token, prepared.currency);
    if (named !== null) {
      currency ??= named;
      marks[i] = DROPPED;
      continue;
    }
    if (token.kind === 'break' && token.text === '&') conjunction = true;
    if (token.kind === 'word' && CONJUNCTIONS.has(token.key)) conjunction = true;
    if (token.kind !== 'word' && token.kind !== 'hashtag') continue;
    if (token.kind === 'word') {
      if (FILLERS.has(token.key) || UNITS.has(token.key)) continue;
      // Leftovers stuck to a number: "2nd", "4g".
      if (token.glued && token.key.length <= 2 && tokens[i - 1]?.kind === 'number') continue;
    }
    if (words.length < CATEGORY_WORD_LIMIT) {
      words.push({
        key: token.key,
        hashtag: token.kind === 'hashtag',
        afterConjunction: conjunction,
      });
      wordTokens.push(i);
    }
    conjunction = false;
  }

  const category = resolveCategory(prepared.index, words, prepared.translations);
  const resolution = category.resolution;
  // A word that only names the category adds nothing to the note; an alias ("lunch",
  // "uber") says more than the category and stays.
  if (
    resolution.status === 'matched' &&
    (resolution.via === 'name' || resolution.via === 'hashtag')
  ) {
    for (let w = category.first; w < category.first + category.count; w++) {
      const index = wordTokens[w];
      if (index !== undefined) marks[index] = DROPPED;
    }
  }

  const kept: number[] = [];
  for (let i = start; i < end; i++) if (marks[i] === 0) kept.push(i);
  const first = tokens[start] as Token;
  const last = tokens[end - 1] as Token;
  return {
    segment,
    date,
    amount,
    rivals,
    currency: currency ?? prepared.currency,
    words,
    category,
    note: buildNote(source, tokens, kept),
    text: source.slice(first.start, last.end).replace(/\s+/g, ' ').trim(),
  };
}
