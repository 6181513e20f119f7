// Amounts inside a run of tokens: "₹120", "Rs.120/-", "12 usd", "1.5k", "1 lakh",
// "120+80", "2x50", "-50". Every number that could be the price becomes a candidate
// with a strength; the message step picks the strongest, the earliest among equals.

import { currencyOf } from './currency.ts';
import { add, multiply, negate, parseNumeral, shift, type Decimal } from './numeral.ts';
import { readNumberWords, SMALLEST_ALONE, type NumberWords } from './number-words.ts';
import type { Token } from './tokenize.ts';
import {
  ATTACHED_MULTIPLIERS,
  MULTIPLIERS,
  ORDINAL_SUFFIXES,
  TIME_SUFFIXES,
  UNITS,
} from './words.ts';

export interface AmountOptions {
  defaultCurrency: string;
  /** The locale's decimal mark when a currency has three decimals, else null. */
  threeDecimalMark: (currency: string) => string | null;
  /** Multipliers of the user's language only ("mil"). */
  multipliers?: ReadonlyMap<string, number>;
  /** Amounts written as words in the user's language ("cinquenta", "सौ"). */
  numberWords?: NumberWords | null;
}

/** How sure we are this number is the price: named currency > plain > quantity. */
export type Strength = 0 | 1 | 2;

export interface AmountCandidate {
  start: number;
  end: number;
  value: Decimal | 'invalid' | 'huge';
  /** Named next to the number; null means the default (or one named elsewhere). */
  currency: string | null;
  strength: Strength;
  /** Worked out from several numbers ("2x50", "120+80"), not written as one. */
  expression: boolean;
}

type Value = Decimal | 'invalid' | 'huge';

interface Operand {
  value: Value;
  end: number;
  quantity: boolean;
}

const MAX_OPERANDS = 16;

function isMarker(token: Token | undefined, options: AmountOptions): boolean {
  return token !== undefined && currencyOf(token, options.defaultCurrency) !== null;
}

function isShorthandWithTail(word: Token, options: AmountOptions): boolean {
  for (const prefix of [...MULTIPLIERS.keys(), ...ATTACHED_MULTIPLIERS.keys()]) {
    if (word.key.length <= prefix.length || !word.key.startsWith(prefix)) continue;
    const rest = word.key.slice(prefix.length);
    if (MULTIPLIERS.has(rest) || ATTACHED_MULTIPLIERS.has(rest)) return true;
    if (currencyOf({ ...word, key: rest, text: rest }, options.defaultCurrency) !== null)
      return true;
  }
  return false;
}

function readOperand(
  tokens: readonly Token[],
  i: number,
  end: number,
  taken: Uint8Array,
  options: AmountOptions,
  currency: string | null,
): Operand | null {
  const token = tokens[i];
  if (i >= end || taken[i] === 1) return null;
  if (token?.kind === 'word') return readWords(tokens, i, end, taken, options, currency);
  if (token?.kind !== 'number') return null;
  const before = tokens[i - 1];
  // "mp3", "iphone15": a number stuck to a word is part of a name, unless the word is a
  // currency ("rs120") or a times sign ("2x50").
  if (token.glued && before?.kind === 'word' && before.key !== 'x' && !isMarker(before, options)) {
    return null;
  }
  let j = i + 1;
  let quantity = false;
  let power: number | undefined;
  const next = j < end ? tokens[j] : undefined;
  if (next?.kind === 'word' && taken[j] !== 1) {
    if (ORDINAL_SUFFIXES.has(next.key) && next.glued) return null;
    if (TIME_SUFFIXES.has(next.key)) return null;
    power = next.glued
      ? (ATTACHED_MULTIPLIERS.get(next.key) ?? multiplierOf(next.key, options))
      : multiplierOf(next.key, options);
  }
  const mark = options.threeDecimalMark(currency ?? options.defaultCurrency);
  let value = parseNumeral(token.text, mark, power !== undefined);
  if (power === undefined && next?.kind === 'word' && next.glued && taken[j] !== 1) {
    // "1.5krs", "2kk": a shorthand glued to more letters; reading the digits alone would
    // record 1.50 or 2 for what was meant as thousands.
    if (isShorthandWithTail(next, options)) value = 'invalid';
    // "1080p monitor 9000", "50tea": a number stuck to an unknown word may be part of a
    // name, so it yields to any clean number; alone it is still the price.
    else if (!UNITS.has(next.key) && next.key !== 'x' && !isMarker(next, options)) quantity = true;
  }
  if (power !== undefined) {
    if (typeof value !== 'string') value = shift(value, power);
    // "5l petrol 500": a bare "l" may be litres, so it yields to any other amount.
    if (next?.key === 'l') quantity = true;
    j++;
  }
  const unit = j < end ? tokens[j] : undefined;
  if (unit?.kind === 'word' && UNITS.has(unit.key) && taken[j] !== 1) {
    const timesNumber = unit.key === 'x' && tokens[j + 1]?.kind === 'number';
    if (!timesNumber) quantity = true;
  }
  return { value, end: j, quantity };
}

function multiplierOf(key: string, options: AmountOptions): number | undefined {
  return MULTIPLIERS.get(key) ?? options.multipliers?.get(key);
}

/** An amount in words: "cinquenta", "dua puluh ribu", "दो सौ". */
function readWords(
  tokens: readonly Token[],
  i: number,
  end: number,
  taken: Uint8Array,
  options: AmountOptions,
  currency: string | null,
): Operand | null {
  const words = options.numberWords;
  if (!words) return null;
  // Only as far as the run of number words goes, and not into a date.
  let stop = i;
  while (stop < end && taken[stop] !== 1 && words.has(tokens[stop]?.key ?? '')) stop++;
  const read = stop === i ? null : readNumberWords(tokens, i, stop, words);
  if (read === null) return null;
  if (read.value < SMALLEST_ALONE && currency === null) {
    const after = tokens[read.end];
    if (after === undefined || currencyOf(after, options.defaultCurrency) === null) return null;
  }
  // Quarters at most ("sava", "dedh"): exact in hundredths.
  const value = Number.isInteger(read.value)
    ? { units: BigInt(read.value), scale: 0 }
    : { units: BigInt(Math.round(read.value * 100)), scale: 2 };
  return { value, end: read.end, quantity: false };
}

function combine(left: Value, right: Value, op: (a: Decimal, b: Decimal) => Decimal): Value {
  if (left === 'invalid' || right === 'invalid') return 'invalid';
  if (left === 'huge' || right === 'huge') return 'huge';
  return op(left, right);
}

function negated(value: Value): Value {
  return typeof value === 'string' ? value : negate(value);
}

function operatorAt(tokens: readonly Token[], j: number, end: number): string | null {
  const token = j < end ? tokens[j] : undefined;
  if (token?.kind === 'op' && token.key !== '=') return token.key;
  if (token?.kind === 'word' && (token.key === 'x' || token.key === 'plus')) {
    return token.key === 'x' ? '*' : '+';
  }
  return null;
}

/** The amount expression starting at token i, if one does. */
export function readAmount(
  tokens: readonly Token[],
  i: number,
  end: number,
  taken: Uint8Array,
  options: AmountOptions,
): AmountCandidate | null {
  let j = i;
  let currency: string | null = null;
  const first = tokens[j];
  if (first !== undefined && taken[j] !== 1) {
    const named = currencyOf(first, options.defaultCurrency);
    if (named !== null) {
      currency = named;
      j++;
    }
  }
  let negative = false;
  const sign = j < end ? tokens[j] : undefined;
  const signed = tokens[j + 1];
  if (sign?.kind === 'op' && sign.key === '-' && signed?.kind === 'number' && signed.glued) {
    // "-50" is negative; "tea-50" is a dash; "100-20" never gets here (it starts at 100).
    if (!sign.glued || currency !== null) {
      negative = true;
      j++;
    }
  }
  const head = readOperand(tokens, j, end, taken, options, currency);
  if (head === null) return null;
  let quantity = head.quantity;
  let operands = 1;
  let sum: Value = { units: 0n, scale: 0 };
  let product = negative ? negated(head.value) : head.value;
  j = head.end;

  for (; operands < MAX_OPERANDS; operands++) {
    // "120rs + 80rs": a currency after an operand, before the next operator.
    const after = j < end ? tokens[j] : undefined;
    let at = j;
    if (after !== undefined && taken[j] !== 1 && operatorAt(tokens, j + 1, end) !== null) {
      const named = currencyOf(after, options.defaultCurrency);
      if (named !== null && (currency === null || named === currency)) {
        currency = named;
        at = j + 1;
      }
    }
    const op = operatorAt(tokens, at, end);
    if (op === null) break;
    let k = at + 1;
    const marker = k < end ? tokens[k] : undefined;
    if (marker !== undefined && taken[k] !== 1) {
      const named = currencyOf(marker, options.defaultCurrency);
      if (named !== null) {
        if (currency !== null && named !== currency) break;
        currency = named;
        k++;
      }
    }
    const operand = readOperand(tokens, k, end, taken, options, currency);
    if (operand === null) break;
    if (op === '*') {
      product = combine(product, operand.value, multiply);
    } else {
      sum = combine(sum, product, add);
      product = op === '-' ? negated(operand.value) : operand.value;
    }
    quantity = false;
    j = operand.end;
  }
  const value = combine(sum, product, add);

  // "120+80=200": the stated total is the user's own arithmetic; ours is exact.
  const equals = j < end ? tokens[j] : undefined;
  if (equals?.kind === 'op' && equals.key === '=') {
    const total = readOperand(tokens, j + 1, end, taken, options, currency);
    if (total !== null) j = total.end;
  }

  const suffix = j < end ? tokens[j] : undefined;
  if (suffix !== undefined && taken[j] !== 1) {
    const named = currencyOf(suffix, options.defaultCurrency);
    if (named !== null && (currency === null || currency === named)) {
      currency = named;
      j++;
    }
  }
  // "120/-" is how Indian receipts close an amount.
  const dash = j < end ? tokens[j] : undefined;
  if (dash?.kind === 'op' && dash.key === '-' && dash.glued && tokens[j + 1]?.kind !== 'number') {
    j++;
  }

  // An unreadable numeral ("1,2,3") is reported only when nothing else could be the price.
  const strength: Strength = value === 'invalid' ? 0 : currency !== null ? 2 : quantity ? 0 : 1;
  return { start: i, end: j, value, currency, strength, expression: operands > 1 };
}

/**
 * Every amount candidate between start and end, skipping tokens already taken by dates.
 * A single-digit whole number loses to any other plain number ("2 samosa 30" is 30).
 */
export function findAmounts(
  tokens: readonly Token[],
  start: number,
  end: number,
  taken: Uint8Array,
  options: AmountOptions,
): AmountCandidate[] {
  const found: AmountCandidate[] = [];
  const smallOnes: boolean[] = [];
  for (let i = start; i < end;) {
    const candidate = taken[i] === 1 ? null : readAmount(tokens, i, end, taken, options);
    if (candidate === null) {
      i++;
      continue;
    }
    found.push(candidate);
    const value = candidate.value;
    smallOnes.push(
      candidate.strength === 1 &&
        typeof value !== 'string' &&
        value.scale === 0 &&
        value.units >= 0n &&
        value.units < 10n &&
        candidate.end - candidate.start === 1,
    );
    i = candidate.end;
  }
  const plain = found.filter((c, k) => c.strength === 1 && smallOnes[k] !== true).length;
  if (plain > 0) {
    found.forEach((c, k) => {
      if (smallOnes[k] === true) c.strength = 0;
    });
  }
  return found;
}

function sameValue(a: Value, b: Value): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  const [x, y] = a.scale >= b.scale ? [a, b] : [b, a];
  return x.units === y.units * 10n ** BigInt(x.scale - y.scale);
}

/**
 * The one to record: strongest first, then earliest. A sum or product beside a plain
 * number just as strong and of another value ("24x7 gym 1500") leaves the price in doubt:
 * the pick is then unreadable rather than a guess.
 */
export function pickAmount(candidates: readonly AmountCandidate[]): AmountCandidate | null {
  let best: AmountCandidate | null = null;
  for (const candidate of candidates) {
    if (best === null || candidate.strength > best.strength) best = candidate;
  }
  const rival = candidates.find(
    (c) =>
      c !== best &&
      best !== null &&
      c.strength === best.strength &&
      (c.expression || best.expression) &&
      !sameValue(c.value, best.value),
  );
  return best && rival ? { ...best, value: 'invalid' } : best;
}
