import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contexts, corpusToday } from './corpus/contexts.ts';
import { currencyExponent } from '@spendline/ledger';
import { parse } from './parse.ts';
import type { CommandType, EditChange, ParseContext, ParseResult, UnknownReason } from './types.ts';

// --- Formatting amounts the ways people write them -----------------------------------

function digitsOf(minor: bigint, exponent: number): { whole: string; fraction: string } {
  const digits = minor.toString().padStart(exponent + 1, '0');
  return {
    whole: digits.slice(0, digits.length - exponent),
    fraction: digits.slice(digits.length - exponent),
  };
}

function groupWestern(whole: string, mark: string): string {
  let out = '';
  for (let end = whole.length; end > 0; end -= 3) {
    out = whole.slice(Math.max(0, end - 3), end) + (out === '' ? '' : mark + out);
  }
  return out;
}

function groupIndian(whole: string): string {
  if (whole.length <= 3) return whole;
  const head = whole.slice(0, -3);
  let out = whole.slice(-3);
  for (let end = head.length; end > 0; end -= 2) {
    out = `${head.slice(Math.max(0, end - 2), end)},${out}`;
  }
  return out;
}

/** "1234.50" -> "1234.5", "1200.00" -> "1200". */
function trimmed(whole: string, fraction: string): string {
  const rest = fraction.replace(/0+$/, '');
  return rest === '' ? whole : `${whole}.${rest}`;
}

/** minor / 10^(exponent + power) as a short decimal: the number before "k" or "lakh". */
function scaledDown(minor: bigint, exponent: number, power: number): string {
  const { whole, fraction } = digitsOf(minor, exponent + power);
  return trimmed(whole, fraction);
}

type Style = (minor: bigint, exponent: number) => string;

const withFraction = (grouped: string, mark: string, fraction: string) =>
  fraction === '' ? grouped : `${grouped}${mark}${fraction}`;

const styles: Record<string, Style> = {
  plain: (minor, exponent) => {
    const { whole, fraction } = digitsOf(minor, exponent);
    return trimmed(whole, fraction);
  },
  'plain with all decimals': (minor, exponent) => {
    const { whole, fraction } = digitsOf(minor, exponent);
    return withFraction(whole, '.', fraction);
  },
  'grouped 1,234,567.89': (minor, exponent) => {
    const { whole, fraction } = digitsOf(minor, exponent);
    return withFraction(groupWestern(whole, ','), '.', fraction);
  },
  'grouped Indian 12,34,567.89': (minor, exponent) => {
    const { whole, fraction } = digitsOf(minor, exponent);
    return withFraction(groupIndian(whole), '.', fraction);
  },
  'European 1.234.567,89': (minor, exponent) => {
    const { whole, fraction } = digitsOf(minor, exponent);
    return withFraction(groupWestern(whole, '.'), ',', fraction);
  },
  "Swiss 1'234'567.89": (minor, exponent) => {
    const { whole, fraction } = digitsOf(minor, exponent);
    return withFraction(groupWestern(whole, "'"), '.', fraction);
  },
  'thousands shorthand 1.5k': (minor, exponent) => `${scaledDown(minor, exponent, 3)}k`,
  'lakh shorthand 2.5 lakh': (minor, exponent) => `${scaledDown(minor, exponent, 5)} lakh`,
  'lakh shorthand 2.5L': (minor, exponent) => `${scaledDown(minor, exponent, 5)}L`,
};

interface Marker {
  currency: string;
  write: (amount: string) => string;
  /** Writes a word straight after the number: "1.5krs" is not something people type. */
  gluesWord?: boolean;
}

const markers: Marker[] = [
  { currency: 'INR', write: (x) => x },
  { currency: 'INR', write: (x) => `₹${x}` },
  { currency: 'INR', write: (x) => `₹ ${x}` },
  { currency: 'INR', write: (x) => `Rs.${x}` },
  { currency: 'INR', write: (x) => `Rs. ${x}` },
  { currency: 'INR', write: (x) => `rs ${x}` },
  { currency: 'INR', write: (x) => `${x}rs`, gluesWord: true },
  { currency: 'INR', write: (x) => `${x} rupees` },
  { currency: 'INR', write: (x) => `INR ${x}` },
  { currency: 'INR', write: (x) => `${x} inr` },
  { currency: 'INR', write: (x) => `${x}/-` },
  { currency: 'USD', write: (x) => `$${x}` },
  { currency: 'USD', write: (x) => `${x} usd` },
  { currency: 'EUR', write: (x) => `€${x}` },
  { currency: 'EUR', write: (x) => `${x} €` },
  { currency: 'GBP', write: (x) => `£${x}` },
  { currency: 'JPY', write: (x) => `¥${x}` },
  { currency: 'JPY', write: (x) => `${x} JPY` },
  { currency: 'AED', write: (x) => `AED ${x}` },
];

function amountOf(maxMajor: bigint, exponent: number) {
  return fc.bigInt({ min: 1n, max: maxMajor * 10n ** BigInt(exponent) });
}

function readBack(
  text: string,
  context: ParseContext,
): { minor: bigint; currency: string } | string {
  const result = parse(text, context);
  if (result.kind !== 'expenses' || result.expenses.length !== 1)
    return JSON.stringify(result.kind);
  const [expense] = result.expenses;
  return expense === undefined
    ? 'none'
    : { minor: expense.amountMinor, currency: expense.currency };
}

describe('number formats', () => {
  for (const [name, style] of Object.entries(styles)) {
    const endsInLetter = /[a-z]$/i.test(style(123456n, 2));
    const usable = markers.filter((marker) => !(endsInLetter && marker.gluesWord === true));
    it(`read back any amount written in the ${name} style, with any currency marker`, () => {
      fc.assert(
        fc.property(
          fc
            .constantFrom(...usable)
            .chain((marker) =>
              fc.tuple(
                fc.constant(marker),
                amountOf(1_000_000_000n, currencyExponent(marker.currency)),
              ),
            ),
          fc.constantFrom('', 'spent ', 'paid '),
          fc.constantFrom(' tea', ' on petrol', ' for groceries', ''),
          ([marker, minor], before, after) => {
            const exponent = currencyExponent(marker.currency);
            const text = `${before}${marker.write(style(minor, exponent))}${after}`;
            expect(readBack(text, contexts.india), text).toEqual({
              minor,
              currency: marker.currency,
            });
          },
        ),
        { numRuns: 400 },
      );
    });
  }

  it('read back amounts grouped with spaces where the locale does so', () => {
    const french: ParseContext = { ...contexts.de, locale: 'fr-FR' };
    fc.assert(
      fc.property(
        amountOf(1_000_000_000n, 2),
        fc.constantFrom(' ', '\u00a0', '\u202f'),
        (minor, space) => {
          const { whole, fraction } = digitsOf(minor, 2);
          const text = `${withFraction(groupWestern(whole, space), ',', fraction)} € café`;
          expect(readBack(text, french), text).toEqual({ minor, currency: 'EUR' });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('read back a total typed as a sum', () => {
    fc.assert(
      fc.property(amountOf(500_000_000n, 2), amountOf(500_000_000n, 2), (a, b) => {
        const text = `${styles.plain?.(a, 2)}+${styles.plain?.(b, 2)} groceries`;
        expect(readBack(text, contexts.india), text).toEqual({ minor: a + b, currency: 'INR' });
      }),
      { numRuns: 400 },
    );
  });
});

describe('numbers that cannot be read whole', () => {
  it('are refused, never recorded as the digits before the tangle', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{0,11}(?:\.\d{1,2})?$/),
        fc.constantFrom('e', 'E', 'e-', 'e+', '_', '..', ',,', '.,', "'_", 'abc', 'ee', '^'),
        fc.stringMatching(/^\d{1,6}$/),
        fc.constantFrom(
          ['', ''],
          ['', ' food'],
          ['₹', ' on lunch'],
          ['rs ', ''],
          ['spent ', ' for groceries'],
          ['edit last ', ''],
          ['budget food ', ''],
        ),
        (digits, tangle, more, [before, after]) => {
          const text = `${before}${digits}${tangle}${more}${after}`;
          const result = parse(text, contexts.india);
          expect(result.kind === 'unknown' && result.reason, text).toBe('invalid_amount');
        },
      ),
      { numRuns: 400 },
    );
  });
});

// --- Anything at all ------------------------------------------------------------------

const commandTypes = new Set<CommandType>([
  'today', 'yesterday', 'week', 'month', 'summary', 'category', 'categories', 'help',
  'undo', 'editLast', 'deleteLast', 'last', 'budget', 'smallTalk',
]); // prettier-ignore

const reasons = new Set<UnknownReason>([
  'empty', 'too_long', 'no_amount', 'non_positive_amount', 'amount_too_large',
  'invalid_amount', 'future_date', 'invalid_date', 'unrecognized_command',
]); // prettier-ignore

const statuses = new Set(['matched', 'ambiguous', 'none']);

function wellFormedEdit(change: EditChange): boolean {
  switch (change.field) {
    case 'amount':
      return change.amountMinor > 0n && /^[A-Z]{3}$/.test(change.currency);
    case 'category':
      return statuses.has(change.category.status) && change.words.length > 0;
    case 'note':
      return change.note !== '' && change.note === change.note.trim();
  }
}

function wellFormed(result: ParseResult): boolean {
  switch (result.kind) {
    case 'expenses':
      return (
        result.expenses.length > 0 &&
        result.expenses.every(
          (expense) =>
            typeof expense.amountMinor === 'bigint' &&
            expense.amountMinor > 0n &&
            /^[A-Z]{3}$/.test(expense.currency) &&
            /^\d{4}-\d{2}-\d{2}$/.test(expense.occurredOn) &&
            expense.occurredOn <= corpusToday &&
            statuses.has(expense.category.status) &&
            typeof expense.note === 'string' &&
            typeof expense.text === 'string',
        )
      );
    case 'command':
      return (
        commandTypes.has(result.command.type) &&
        (result.command.type !== 'editLast' || wellFormedEdit(result.command.change))
      );
    case 'unknown':
      return reasons.has(result.reason) && result.detail.length > 0;
  }
}

// Words, numbers and marks the parser treats specially, to reach its corners faster than
// random text would.
const pieces = [
  '1', '0', '12', '120', '1,200', '1.200,50', '1,20,000', '9999999999', '.', ',', ' ', '\n',
  '+', '-', '*', 'x', '=', '/', '/-', ':', '#', '&', 'k', 'L', 'lakh', 'crore', 'rs', '₹',
  '$', '€', 'usd', 'PEN', 'jan', '12th', 'yesterday', 'day before', 'last', 'friday', 'on',
  'ago', 'days', 'tomorrow', '31/02', '2026-01-12', '5:30', 'pm', 'kg', 'and', 'food',
  'petrl', 'budget', 'edit', 'delete', 'undo', 'category', 'note', 'today', 'week', '🙂',
  '👨‍👩‍👧', 'é', '\u0301', '१२०', '\u00a0', '\ud800', "'s",
]; // prettier-ignore

// Speed lives in the benchmark (npm run bench); here only the result's shape is checked,
// so a busy machine cannot fail the test.
function wellFormedFor(text: string): void {
  expect(wellFormed(parse(text, contexts.india)), JSON.stringify(text.slice(0, 200))).toBe(true);
}

describe('any input', () => {
  it('gets a well-formed result for short random Unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 4096 }), wellFormedFor), {
      numRuns: 500,
    });
  });

  it('gets a well-formed result for random Unicode text up to 4,096 graphemes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 4096, size: 'max' }), wellFormedFor),
      { numRuns: 60 },
    );
  });

  it('gets a well-formed result for any code points, unpaired surrogates included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 4096, size: 'max' }),
          fc.string({
            unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
            maxLength: 4096,
            size: 'max',
          }),
        ),
        wellFormedFor,
      ),
      { numRuns: 60 },
    );
  });

  it('gets a well-formed result for messages made of the parser’s own vocabulary', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 1200 }).map((parts) => parts.join(' ')),
        wellFormedFor,
      ),
      { numRuns: 600 },
    );
  });
});
