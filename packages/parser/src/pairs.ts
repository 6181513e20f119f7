// Several priced items written one after another with nothing between them: "lunch 250
// dinner 400", "250 lunch 400 dinner", "uber 120 ola 90 auto 40". Without this the first
// price wins and the others end up in its note, so money the user wrote down is lost.

import type { Prepared } from './context.ts';
import { currencyOf } from './currency.ts';
import { USED, type Analysis } from './expense.ts';
import type { Segment } from './split.ts';
import type { Token } from './tokenize.ts';
import { FILLERS } from './words.ts';

/** Whether tokens [from, to) hold a word that can name what was bought. */
function hasItemWord(
  tokens: readonly Token[],
  from: number,
  to: number,
  marks: Uint8Array,
  prepared: Prepared,
): boolean {
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (marks[i] === USED || (token.kind !== 'word' && token.kind !== 'hashtag')) continue;
    if (FILLERS.has(token.key) || currencyOf(token, prepared.currency) !== null) continue;
    return true;
  }
  return false;
}

/**
 * The pieces of an analysed segment that holds more than one price, each with words of
 * its own on the same side of its price (all before, or all after): the segments to read
 * as separate expenses, or null. `marks` must still be the segment's analysis.
 */
export function pricedPieces(
  tokens: readonly Token[],
  analysis: Analysis,
  marks: Uint8Array,
  prepared: Prepared,
): Segment[] | null {
  const { segment, amount } = analysis;
  if (amount === null || analysis.rivals.length === 0) return null;
  const prices = [amount, ...analysis.rivals].sort((a, b) => a.start - b.start);
  const edges = [segment.start, ...prices.flatMap((p) => [p.start, p.end]), segment.end];
  // gaps[k]: the words before price k; gaps[prices.length]: those after the last.
  const gaps = prices
    .map((_, k) => hasItemWord(tokens, edges[2 * k]!, edges[2 * k + 1]!, marks, prepared))
    .concat(hasItemWord(tokens, edges.at(-2)!, edges.at(-1)!, marks, prepared));
  if (!gaps.slice(1, -1).every(Boolean)) return null;
  const [before, after] = [gaps[0], gaps.at(-1)];
  // "lunch 250 dinner 400" ends each piece after its price, "250 lunch 400 dinner" before it.
  let cuts: number[];
  if (before && !after) cuts = prices.slice(0, -1).map((p) => p.end);
  else if (!before && after) cuts = prices.slice(1).map((p) => p.start);
  else return null;
  const bounds = [segment.start, ...cuts, segment.end];
  return bounds.slice(1).map((end, k) => ({ start: bounds[k]!, end }));
}
