// Rows of a spreadsheet as entries: which column holds what, and each row read into an
// entry or a reason it cannot be. Pure (no database), so the dashboard can preview a
// file with the same rules the import applies.
import { currencyExponent, decimalToMinor, isLocalDate, type LocalDate } from '@spendline/ledger';

export const FIELDS = ['date', 'amount', 'currency', 'category', 'note', 'kind'] as const;
export type Field = (typeof FIELDS)[number];

/** Column index per field; date and amount are required. */
export type Mapping = Partial<Record<Field, number>>;

// Header words per field, lower-case; this product's export comes first.
const HEADERS: Record<Field, string[]> = {
  date: ['date', 'day', 'when', 'transaction date', 'txn date', 'value date', 'posted'],
  amount: ['amount', 'value', 'sum', 'price', 'cost', 'total', 'debit', 'spent'],
  currency: ['currency', 'ccy', 'currency code'],
  category: ['category', 'cat', 'group', 'tag'],
  note: ['note', 'notes', 'description', 'memo', 'details', 'narration', 'remarks', 'payee'],
  kind: ['type', 'kind', 'direction', 'income/expense'],
};

/** The mapping the headers suggest; fields it cannot find are left out. */
export function guessMapping(headers: readonly string[]): Mapping {
  const mapping: Mapping = {};
  const keys = headers.map((h) => h.trim().toLowerCase());
  for (const field of FIELDS) {
    const index = HEADERS[field]
      .map((word) => keys.indexOf(word))
      .find((i) => i >= 0 && !Object.values(mapping).includes(i));
    if (index !== undefined) mapping[field] = index;
  }
  return mapping;
}

/** What is missing from a mapping for an import to run; empty when it is complete. */
export function mappingProblems(mapping: Mapping): string[] {
  return (['date', 'amount'] as const)
    .filter((field) => mapping[field] === undefined)
    .map((field) => `Choose the column that holds the ${field}.`);
}

export interface ImportRow {
  date: LocalDate;
  kind: 'EXPENSE' | 'INCOME';
  amountMinor: bigint;
  currency: string;
  category: string | null;
  note: string | null;
}

export interface ReadOptions {
  /** Used when the file names none. */
  currency: string;
  /** Decides 03/04/2026: month first for en-US, day first elsewhere. */
  locale: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const fullYear = (y: number) => (y < 100 ? 2000 + y : y);

// Date layouts, tried in order: ISO (with or without a time), numeric with / . or -
// (day or month first by locale), "2 Dec 2026", "Dec 2, 2026".
const DATE_LAYOUTS: ((cell: string, monthFirst: boolean) => [number, number, number] | null)[] = [
  (cell) => {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(cell);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
  },
  (cell, monthFirst) => {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(cell);
    if (!m) return null;
    const [a, b] = [Number(m[1]), Number(m[2])];
    return monthFirst ? [fullYear(Number(m[3])), a, b] : [fullYear(Number(m[3])), b, a];
  },
  (cell) => {
    const m = /^(\d{1,2})[\s-]([A-Za-z]{3})[A-Za-z]*[\s,-]+(\d{2}|\d{4})$/.exec(cell);
    return m ? [fullYear(Number(m[3])), monthNumber(m[2]!), Number(m[1])] : null;
  },
  (cell) => {
    const m = /^([A-Za-z]{3})[A-Za-z]*\s+(\d{1,2}),?\s+(\d{4})$/.exec(cell);
    return m ? [Number(m[3]), monthNumber(m[1]!), Number(m[2])] : null;
  },
];

const monthNumber = (name: string) => MONTHS.indexOf(name.toLowerCase()) + 1;

/** A cell as a calendar date, or null. */
export function readDate(text: string, locale: string): LocalDate | null {
  const cell = text.trim();
  const monthFirst = /-US$/i.test(locale);
  for (const layout of DATE_LAYOUTS) {
    const parts = layout(cell, monthFirst);
    if (!parts) continue;
    const date = iso(...parts);
    return isLocalDate(date) ? date : null;
  }
  return null;
}

/** The largest amount one entry may hold, in minor units: the API's bound too. */
export const MAX_AMOUNT_MINOR = 10n ** 15n;

/** An amount cell read: its size, and whether it was written negative. */
export type AmountReading = { minor: bigint; negative: boolean } | { problem: string };

// What may stand around the number: a currency sign or code ("₹", "Rs.", "USD"), a sign,
// accounting brackets, the "/-" of Indian receipts. Letters between digits never: "1e9"
// is not 19.
const EDGE_MARK = /[\p{Sc}\s+)]/u;
const NEGATIVE_MARK = /[-\u2212(]/;
const LETTER = /[A-Za-z]/;
// Spaces and apostrophes group thousands ("1 234", "1'234") only between digits.
const GROUPING = /(?<=\d)[\s'\u2019](?=\d)/gu;

/** The number inside a cell without what stands around it, and whether it was negative. */
function core(text: string): { number: string; negative: boolean } {
  let start = 0;
  let end = text.length;
  let negative = false;
  const isLetter = (i: number) => LETTER.test(text[i] ?? '');
  for (;;) {
    const ch = text[start] ?? '';
    if (start >= end) break;
    if (EDGE_MARK.test(ch) || NEGATIVE_MARK.test(ch)) {
      negative ||= NEGATIVE_MARK.test(ch);
      start += 1;
    } else if (isLetter(start)) {
      let k = start;
      while (k < end && isLetter(k)) k++;
      if (text[k] === '.') k++;
      start = k;
    } else break;
  }
  for (;;) {
    const ch = text[end - 1] ?? '';
    if (end <= start) break;
    if (text.slice(end - 2, end) === '/-') end -= 2;
    else if (EDGE_MARK.test(ch) || NEGATIVE_MARK.test(ch)) {
      negative ||= NEGATIVE_MARK.test(ch) && ch !== '(';
      end -= 1;
    } else if (isLetter(end - 1) || (ch === '.' && isLetter(end - 2))) {
      let k = ch === '.' ? end - 1 : end;
      while (k > start && isLetter(k - 1)) k--;
      // "12abc": letters stuck to the digits are no currency code.
      if (/[\d.,]/.test(text[k - 1] ?? '')) break;
      end = k;
    } else break;
  }
  return { number: text.slice(start, end), negative };
}

const quoted = (text: string) => `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;

/**
 * A cell as an amount in minor units: "1,234.50", "₹ 1,234", "1.234,50", "-45" and
 * "(45.00)" (negative: the row's kind decides what that means). A problem when it is no
 * number, has more decimals than the currency, is zero or is beyond MAX_AMOUNT_MINOR.
 */
export function readAmount(text: string, currency: string): AmountReading {
  const unreadable = { problem: `${quoted(text)} is not an amount in ${currency}` };
  const { number, negative } = core(text.trim());
  let cell = number.replace(GROUPING, '');
  if (!/^\d[\d.,]*$/.test(cell)) return unreadable;
  const lastComma = cell.lastIndexOf(',');
  const lastDot = cell.lastIndexOf('.');
  const decimals = currencyExponent(currency);
  // The later separator is the decimal one when both appear; a lone comma is decimal
  // only when it has the currency's number of digits after it ("12,50" but "1,234").
  const commaIsDecimal =
    lastComma > lastDot &&
    (lastDot >= 0 || (decimals > 0 && cell.length - lastComma - 1 === decimals));
  cell = commaIsDecimal ? cell.replaceAll('.', '').replace(',', '.') : cell.replaceAll(',', '');
  if (!/^\d+(\.\d+)?$/.test(cell)) return unreadable;
  let minor: bigint;
  try {
    minor = decimalToMinor(cell, currency);
  } catch {
    return { problem: `${quoted(text)} has more decimals than ${currency} amounts have` };
  }
  if (minor === 0n) return { problem: 'the amount is zero' };
  if (minor > MAX_AMOUNT_MINOR) return { problem: `amount too large: ${quoted(text)}` };
  return { minor, negative };
}

/** Longest note and category name an entry keeps, as everywhere else in the product. */
export const MAX_NOTE = 500;
export const MAX_CATEGORY = 50;

// C0 controls but tab, line feed and carriage return, DEL and the C1 controls: never
// typed on purpose, and PostgreSQL refuses NUL in text outright.
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Why a note or category cell cannot be kept as it is, or null. */
function textProblem(what: string, text: string, max: number): string | null {
  if (!text.isWellFormed() || CONTROL.test(text))
    return `the ${what} contains invisible control characters (such as NUL)`;
  if (text.length > max) return `the ${what} is longer than ${max} characters`;
  return null;
}

const INCOME = /^(income|credit|cr|in|deposit|received|refund)$/i;
const EXPENSE = /^(expense|spending|spent|debit|dr|out|withdrawal|payment|purchase)$/i;
const CURRENCY = /^[A-Za-z]{3}$/;

/** Undoes the apostrophe an export puts before text a spreadsheet would run as a formula. */
const undefused = (text: string) => (/^'[=+\-@]/.test(text) ? text.slice(1) : text);

/** One row read with the mapping: an entry, or what is wrong with it. */
export function readRow(
  cells: readonly string[],
  mapping: Mapping,
  options: ReadOptions,
): { row: ImportRow } | { problem: string } {
  const cell = (field: Field) => {
    const index = mapping[field];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const date = readDate(cell('date'), options.locale);
  if (!date) return { problem: `"${cell('date')}" is not a date` };
  const currencyCell = cell('currency').toUpperCase();
  if (currencyCell && !CURRENCY.test(currencyCell))
    return { problem: `"${cell('currency')}" is not a currency code` };
  const currency = currencyCell || options.currency;
  const amount = readAmount(cell('amount'), currency);
  if ('problem' in amount) return amount;
  const category = undefused(cell('category'));
  const note = undefused(cell('note'));
  const problem =
    textProblem('category', category, MAX_CATEGORY) ?? textProblem('note', note, MAX_NOTE);
  if (problem) return { problem };
  // A Type column that names a direction decides; without one, a negative amount is
  // money back (a refund or credit), never spending.
  const kindCell = cell('kind');
  const income = INCOME.test(kindCell) || (!EXPENSE.test(kindCell) && amount.negative);
  return {
    row: {
      date,
      kind: income ? 'INCOME' : 'EXPENSE',
      amountMinor: amount.minor,
      currency,
      category: category || null,
      note: note || null,
    },
  };
}
