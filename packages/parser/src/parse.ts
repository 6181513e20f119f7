// parse(text, context): a WhatsApp message to an intent. Pure: no I/O, no clock (the
// context carries "now"), no server time zone. Never throws for any text.

import type { DateMatch } from './dates.ts';
import { matchCommand } from './commands.ts';
import { matchRecurrence, recurrenceProblem } from './recurrence.ts';
import { prepare, type Prepared } from './context.ts';
import { analyze, type Analysis } from './expense.ts';
import { isoDate } from './calendar.ts';
import { checkAmount } from './limits.ts';
import { pricedPieces } from './pairs.ts';
import { splitSegments, type Segment } from './split.ts';
import { normalize, tokenize, type Token } from './tokenize.ts';
import { INCOME_WORDS } from './words.ts';
import type { ParseContext, ParsedExpense, ParseResult } from './types.ts';

/**
 * WhatsApp caps a message at 4,096 characters; in UTF-16 units an emoji-rich one can be
 * up to four times that. Anything longer cannot have come from WhatsApp.
 */
export const MAX_MESSAGE_LENGTH = 16_384;

interface Item {
  analysis: Analysis;
  /** A date given on its own line or segment, for items that name none. */
  header: DateMatch | null;
}

function merge(a: Segment, b: Segment): Segment {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** Income when the item says so in words, or starts with a plus: "+5000 freelance". */
function kindOf(tokens: readonly Token[], { segment, amount }: Analysis): ParsedExpense['kind'] {
  for (let i = segment.start; i < segment.end; i++) {
    const token = tokens[i]!;
    if (token.kind === 'word' && INCOME_WORDS.has(token.key)) return 'INCOME';
  }
  const plus = amount === null ? undefined : tokens[amount.start - 1];
  return plus?.kind === 'op' && plus.text === '+' && amount!.start - 1 <= segment.start
    ? 'INCOME'
    : 'EXPENSE';
}

function parseExpenses(source: string, tokens: readonly Token[], prepared: Prepared): ParseResult {
  const marks = new Uint8Array(tokens.length);
  const run = (segment: Segment) => analyze(source, tokens, segment, prepared, marks);

  // Pieces without an amount join the expense before them ("450 groceries, weekly
  // shopping") or, at the start, the one after ("lunch with team, 450"). A piece that is
  // only a date is a heading for the expenses after it, or, at the end, for all of them.
  const items: Item[] = [];
  let pending: Segment | null = null;
  let header: DateMatch | null = null;
  let headerSinceItem = false;
  for (const segment of splitSegments(tokens, prepared.amounts.numberWords ?? null)) {
    let analysis = run(segment);
    const pieces = pending === null ? pricedPieces(tokens, analysis, marks, prepared) : null;
    if (pieces !== null) {
      const priced = pieces.map(run);
      // Only when each piece names a category of its own: "room 101 rent 5000" stays one.
      if (priced.every((a) => a.amount !== null && a.category.resolution.status === 'matched')) {
        for (const piece of priced) items.push({ analysis: piece, header });
        headerSinceItem = false;
        continue;
      }
      analysis = run(segment);
    }
    if (analysis.amount !== null) {
      items.push({
        analysis: pending === null ? analysis : run(merge(pending, segment)),
        header,
      });
      pending = null;
      headerSinceItem = false;
    } else if (analysis.date !== null && analysis.words.length === 0) {
      header = analysis.date;
      headerSinceItem = true;
    } else {
      const last = items[items.length - 1];
      if (last !== undefined && !headerSinceItem) {
        last.analysis = run(merge(last.analysis.segment, segment));
      } else {
        pending = pending === null ? segment : merge(pending, segment);
      }
    }
  }
  const last = items[items.length - 1];
  if (pending !== null && last !== undefined) {
    last.analysis = run(merge(last.analysis.segment, pending));
  }
  if (headerSinceItem && header !== null) {
    for (const item of items) item.header ??= header;
  }

  if (last === undefined) {
    const whole = run({ start: 0, end: tokens.length });
    return {
      kind: 'unknown',
      reason: 'no_amount',
      words: whole.words.map((word) => word.key),
      category: whole.category.resolution,
      detail: 'No amount found; an expense looks like "120 petrol".',
    };
  }

  const expenses: ParsedExpense[] = [];
  for (const { analysis, header: heading } of items) {
    if (analysis.amount === null) continue;
    const checked = checkAmount(analysis.amount, analysis.text, prepared, analysis.currency);
    if (checked.kind === 'unknown') return checked;
    const date = analysis.date ?? heading;
    if (date?.error === 'invalid') {
      return {
        kind: 'unknown',
        reason: 'invalid_date',
        text: analysis.text,
        detail: `"${analysis.text}" names a day that does not exist.`,
      };
    }
    if (date?.error === 'future') {
      const when = isoDate(date.day);
      return {
        kind: 'unknown',
        reason: 'future_date',
        text: analysis.text,
        date: when,
        today: prepared.todayIso,
        detail: `${when} is after today (${prepared.todayIso}); expenses are recorded once spent.`,
      };
    }
    expenses.push({
      kind: kindOf(tokens, analysis),
      amountMinor: checked.amountMinor,
      currency: checked.currency,
      category: analysis.category.resolution,
      note: analysis.note,
      occurredOn: date === null ? prepared.todayIso : isoDate(date.day),
      dateExplicit: date !== null,
      text: analysis.text,
      ...(analysis.rivals.length > 0 ? { morePrices: true as const } : {}),
    });
  }
  return { kind: 'expenses', expenses };
}

const THANKS_EMOJI = /\u{1F64F}/u;
// Skin tones and joiners ride on the emoji they follow (normalize drops the selectors).
const EMOJI_MODIFIERS = /[\u{1F3FB}-\u{1F3FF}\u{200D}\s]/gu;
const OK_EMOJI =
  /^[\u{1F44D}\u{1F44C}\u{2705}\u{1F642}\u{1F60A}\u{1F600}\u{1F604}\u{1F44F}\u{1F4AF}\u{2764}\u{1F91D}\u{1F64F}]+$/u;

/** A message of only a thumbs-up, a folded-hands or a smile: thanks or an ok, or null. */
function reactionOf(source: string): 'thanks' | 'ok' | null {
  if (!OK_EMOJI.test(source.replace(EMOJI_MODIFIERS, ''))) return null;
  return THANKS_EMOJI.test(source) ? 'thanks' : 'ok';
}

export function parse(text: string, context: ParseContext): ParseResult {
  if (text.length > MAX_MESSAGE_LENGTH) {
    return {
      kind: 'unknown',
      reason: 'too_long',
      length: text.length,
      limit: MAX_MESSAGE_LENGTH,
      detail: 'The message is longer than WhatsApp allows.',
    };
  }
  const prepared = prepare(context);
  const source = normalize(text);
  const tokens = tokenize(source, prepared.locale.spaceGroups);
  if (!tokens.some((token) => token.kind !== 'break')) {
    if (tokens.some((token) => token.text === '?')) {
      return { kind: 'command', command: { type: 'help' } };
    }
    const reaction = reactionOf(source);
    if (reaction !== null)
      return { kind: 'command', command: { type: 'smallTalk', kind: reaction } };
    return { kind: 'unknown', reason: 'empty', detail: 'The message has no words or numbers.' };
  }
  return (
    matchCommand(source, tokens, prepared) ??
    parseRecurring(source, prepared) ??
    parseExpenses(source, tokens, prepared)
  );
}

/** A repeating expense, or null when the message names no repetition. */
function parseRecurring(source: string, prepared: Prepared): ParseResult | null {
  const match = matchRecurrence(source);
  if (!match) return null;
  const tokens = tokenize(match.rest, prepared.locale.spaceGroups);
  const result = parseExpenses(match.rest, tokens, prepared);
  if (result.kind !== 'expenses') return result;
  const problem = recurrenceProblem(match, result.expenses);
  if (problem) return problem;
  const expense = { ...result.expenses[0]!, text: source.trim() };
  return { kind: 'command', command: { type: 'recurring', ...match.rule, expense } };
}
