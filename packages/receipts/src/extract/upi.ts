import type { UpiApp, UpiDetails, UpiStatus } from '../reading.ts';
import { amountsIn, parseNumber, withoutSign } from './amounts.ts';
import type { OcrLine } from './lines.ts';

const APPS: readonly [UpiApp, RegExp][] = [
  ['Google Pay', /google\s*(?:pay|transaction)|\bg\s*pay\b/i],
  ['PhonePe', /phone\s*pe|^T\d{20,}/im],
  ['Paytm', /paytm|paid\s*successfully/i],
  ['BHIM', /\bbhim\b|upi\s*ref\s*id/i],
];

const UPI_SIGNS =
  /upi\s*(?:transaction|ref|id)|\butr\b|paid\s*to|transaction\s*(?:id|successful|failed|declined|pending)|payment\s*(?:successful|failed|pending|processing)|paid\s*successfully|debited\s*from|google\s*transaction/i;

// Failure words first: a failed screen may still say "Paid to".
const STATUS_WORDS: readonly [UpiStatus, RegExp][] = [
  ['failed', /fail|declined|unsuccessful|not\s*(?:been\s*)?debited|rejected|cancel/i],
  ['pending', /pending|processing|in\s*progress|awaiting|will\s*update/i],
  ['success', /succe[s5]{2}|completed|\bsent\b/i],
];

// A payment app's status heading alone says what the screen is.
const HEADING = /(?:payment|transaction)\s*(?:succe|fail|declin|pend|process)|paid\s*successfully/i;

export function upiScore(lines: readonly OcrLine[]): number {
  return lines.reduce(
    (score, { text }) => score + (HEADING.test(text) ? 2 : UPI_SIGNS.test(text) ? 1 : 0),
    0,
  );
}

/**
 * The payment's status as the screen says it. A screen whose status could not be read
 * counts as pending: only a payment that says it went through becomes an expense.
 */
function statusOf(lines: readonly OcrLine[]): UpiStatus {
  const text = lines.map((line) => line.text).join('\n');
  return STATUS_WORDS.find(([, words]) => words.test(text))?.[0] ?? 'pending';
}

function referenceOf(lines: readonly OcrLine[]): string | null {
  for (const [i, { text }] of lines.entries()) {
    // The UTR is the 12-digit number after its label, on the same line or the next.
    if (
      !/utr|upi\s*(?:transaction|ref)|ref(?:erence)?\s*(?:no|id)|transaction\s*[i1l]d/i.test(text)
    )
      continue;
    for (const candidate of [text, lines[i + 1]?.text ?? '']) {
      const digits = /(?<![\dA-Z])(\d{12})(?!\d)/.exec(candidate.replace(/[Oo]/g, '0'));
      if (digits?.[1]) return digits[1];
    }
  }
  return null;
}

function cleanName(name: string): string | null {
  const cleaned = name
    .replace(/\S+@\S+/g, '')
    .replace(/^[^A-Za-z]+|[^A-Za-z.)]+$/g, '')
    .trim();
  return /[A-Za-z]{2}/.test(cleaned) ? cleaned : null;
}

function payeeOf(lines: readonly OcrLine[]): string | null {
  for (const [i, { text }] of lines.entries()) {
    const paidTo =
      /(?:paid|sent)\s*(?:successfully\s*)?to[:\s]*(.*)$/i.exec(text) ??
      /^to[:\s]+(.+)$/i.exec(text);
    if (!paidTo) continue;
    const name = cleanName(paidTo[1] ?? '') ?? cleanName(lines[i + 1]?.text ?? '');
    if (name) return name;
  }
  return null;
}

/**
 * A currency sign printed against the amount is often read as a digit (₹6591 as 36591);
 * such a first character is read with less confidence than the digits after it.
 */
function dropGhostDigit(line: OcrLine, raw: string): string {
  const word = line.words.find((w) => w.text.includes(raw.slice(0, 3)));
  const [first, ...rest] = word?.symbols ?? [];
  if (!first || rest.length < 2 || !/^[237]$/.test(first.text)) return raw;
  const others = Math.min(...rest.filter((s) => /\d/.test(s.text)).map((s) => s.confidence));
  return first.confidence + 15 < others ? raw.slice(1) : raw;
}

function amountOf(lines: readonly OcrLine[]): number | null {
  // BHIM and some bank apps print "Amount: ₹ 500.00".
  for (const { text } of lines) {
    const labelled = /amount[:\s]+(.*)$/i.exec(text);
    const amount = labelled ? amountsIn(withoutSign(labelled[1] ?? '')).at(0) : undefined;
    if (amount && amount.minor > 0) return amount.minor;
  }
  // Otherwise the amount is the biggest text on the screen, alone on its line.
  const alone = lines
    .map((line) => ({
      line,
      // A sign read as one to three stray characters ("g %7,641") may lead the number.
      value: /^[^\d]{0,3}(\d[\d,.]*)$/.exec(line.text.replace(/\s+/g, ''))?.[1] ?? '',
    }))
    .filter(({ value }) => value !== '' && !/^\d{9,}$/.test(value))
    .sort((a, b) => b.line.height - a.line.height);
  for (const { line, value } of alone) {
    const minor = parseNumber(dropGhostDigit(line, value));
    if (minor !== null && minor > 0) return minor;
  }
  return null;
}

export interface UpiFields {
  details: UpiDetails;
  amountMinor: number | null;
  payee: string | null;
}

export function readUpi(lines: readonly OcrLine[]): UpiFields {
  const text = lines.map((line) => line.text).join('\n');
  return {
    details: {
      status: statusOf(lines),
      app: APPS.find(([, pattern]) => pattern.test(text))?.[0] ?? null,
      reference: referenceOf(lines),
    },
    amountMinor: amountOf(lines),
    payee: payeeOf(lines),
  };
}
