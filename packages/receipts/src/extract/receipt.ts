import { amountAtEnd, amountsIn, type Amount } from './amounts.ts';
import type { OcrLine } from './lines.ts';

// Labels of what was paid, strongest first. OCR drops spaces and confuses letters, so
// the patterns allow both.
const PAID_LABELS: readonly RegExp[] = [
  /grand\s*tota[l1I]|tota[l1I]\s*payab[l1I]e|net\s*(?:amount|amt|payab[l1I]e|tota[l1I])|amount\s*(?:payab[l1I]e|due)|ba[l1I]ance\s*due|tota[l1I]\s*(?:to\s*pay|ttc|amount|due)|amount\s*r[s5]|bi[l1I][l1I]\s*amount|invoice\s*tota[l1I]|totaa[l1I]/i,
  /\btota[l1I]\b/i,
];

// Lines that carry money but are not what was paid.
const NOT_PAID =
  /sub\s*-?\s*tota|item\s*tota|tota[l1I]\s*(?:qty|quantity|items?|savings?|tax|gst|discount)|[cs]\s*gst|igst|\bvat\b|\btax\b|cash|change|tender|ba[l1I]ance(?!\s*due)|discount|round|savings|you\s*saved|card\s*x|paid\s*by/i;

const SUBTOTAL = /sub\s*-?\s*tota[l1I]|item\s*tota[l1I]/i;
const TAX = /[cs]\s*gst|igst|utgst|\bvat\b|\btax\b|cess|service\s*charge/i;
const DISCOUNT = /discount|savings|\boff\b/i;
const ROUND_OFF = /round/i;

export interface PaidAmount {
  minor: number;
  line: string;
}

function amountOnOrAfter(lines: readonly OcrLine[], index: number): Amount | null {
  const here = amountAtEnd(lines[index]?.text ?? '');
  if (here) return here;
  // A label alone on its line: OCR sometimes puts the amount on the next one.
  const next = lines[index + 1]?.text ?? '';
  return /^[^a-z]*$/i.test(next) ? amountAtEnd(next) : null;
}

/** Whether the item lines just above the subtotal add up to it. */
function itemsAddUp(lines: readonly OcrLine[], subtotalIndex: number, subtotal: number): boolean {
  let sum = 0;
  for (let i = subtotalIndex - 1; i >= 0; i--) {
    const amount = amountAtEnd(lines[i]?.text ?? '');
    if (!amount) return false;
    sum += amount.minor;
    if (sum === subtotal) return true;
  }
  return false;
}

interface Sums {
  /** Subtotal, less discounts, plus taxes and round-off. */
  total: number;
  /** Whether the item lines add up to the subtotal, so the sum can outvote the total line. */
  confirmed: boolean;
}

function printedSums(lines: readonly OcrLine[]): Sums | null {
  let subtotal: number | null = null;
  let subtotalIndex = -1;
  let adjustments = 0;
  for (const [index, { text }] of lines.entries()) {
    const amount = amountAtEnd(text)?.minor;
    if (amount === undefined) continue;
    if (SUBTOTAL.test(text)) {
      subtotal = amount;
      subtotalIndex = index;
      adjustments = 0;
    } else if (subtotal === null) {
      continue;
    } else if (TAX.test(text)) {
      adjustments += Math.abs(amount);
    } else if (DISCOUNT.test(text)) {
      adjustments -= Math.abs(amount);
    } else if (ROUND_OFF.test(text)) {
      adjustments += amount;
    }
  }
  if (subtotal === null) return null;
  return {
    total: subtotal + adjustments,
    confirmed: itemsAddUp(lines, subtotalIndex, subtotal),
  };
}

/**
 * Whether two readings of a number differ by one digit misread, doubled or dropped,
 * the slips OCR makes most.
 */
function oneDigitApart(a: number, b: number): boolean {
  const [x, y] = [String(a), String(b)];
  if (x.length === y.length) return [...x].filter((c, i) => c !== y[i]).length === 1;
  const [long, short] = x.length > y.length ? [x, y] : [y, x];
  if (long.length !== short.length + 1) return false;
  return [...long].some((_, i) => long.slice(0, i) + long.slice(i + 1) === short);
}

/**
 * A first digit that the sums show to be a misread currency sign (₹4,569.54 read as
 * 34,569.54) is dropped. When the items add up to the subtotal and the total line
 * differs from the sums in one digit, the total line is the misread one.
 */
function reconcile(read: Amount, sums: Sums | null): number {
  if (sums === null || read.minor === sums.total) return read.minor;
  const digits = read.raw.replace(/[^\d]/g, '');
  if (digits.length > 3) {
    const rest = Number(digits.slice(1)) * (/[.,]\d{2}$/.test(read.raw) ? 1 : 100);
    if (Math.abs(rest - sums.total) <= 100) return rest;
  }
  if (sums.confirmed && oneDigitApart(read.minor, sums.total)) return sums.total;
  return read.minor;
}

export function findPaidAmount(lines: readonly OcrLine[]): PaidAmount | null {
  const sums = printedSums(lines);
  for (const [strength, label] of PAID_LABELS.entries()) {
    // The last labelled line wins: bills print running totals before the final one.
    for (let i = lines.length - 1; i >= 0; i--) {
      const text = lines[i]?.text ?? '';
      // A strong label's own words ("Amount Rs.") may look like an excluded one.
      const rest = strength === 0 ? text.replace(label, '') : text;
      if (!label.test(text) || NOT_PAID.test(rest)) continue;
      const amount = amountOnOrAfter(lines, i);
      if (amount && amount.minor > 0) return { minor: reconcile(amount, sums), line: text };
    }
  }
  if (sums !== null && sums.total > 0) return { minor: sums.total, line: 'subtotal and taxes' };
  return null;
}

/** Whether the lines look like a bill: money lines with bill words around them. */
export function receiptScore(lines: readonly OcrLine[]): number {
  let score = 0;
  for (const { text } of lines) {
    if (PAID_LABELS.some((label) => label.test(text)) && amountsIn(text).length > 0) score += 2;
    if (SUBTOTAL.test(text) || TAX.test(text)) score += 1;
    if (/gstin|invoice|bi[l1I][l1I]\s*no|receipt|cashier|qty|thank\s*you/i.test(text)) score += 1;
  }
  return score;
}
