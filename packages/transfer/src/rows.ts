// Rows of a spreadsheet as entries: which column holds what, and each row read into an
// entry or a reason it cannot be. Pure (no database), so the dashboard can preview a
// file with the same rules the import applies.
// The ledger's pure modules only: its index also brings the database client along.
import { isLocalDate, type LocalDate } from '@spendline/ledger/local-dates';
import { currencyExponent, decimalToMinor } from '@spendline/ledger/money';

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

/**
 * A cell as a positive amount in minor units: "1,234.50", "₹ 1,234", "1.234,50",
 * "-45" (the sign is dropped: the Type column says which way money went). Null when it
 * is no amount, or has more decimals than the currency.
 */
export function readAmount(text: string, currency: string): bigint | null {
  let cell = text.replace(/[^\d.,()-]/g, '').replace(/[()-]/g, '');
  if (!/\d/.test(cell)) return null;
  const lastComma = cell.lastIndexOf(',');
  const lastDot = cell.lastIndexOf('.');
  const decimals = currencyExponent(currency);
  // The later separator is the decimal one when both appear; a lone comma is decimal
  // only when it has the currency's number of digits after it ("12,50" but "1,234").
  const commaIsDecimal =
    lastComma > lastDot &&
    (lastDot >= 0 || (decimals > 0 && cell.length - lastComma - 1 === decimals));
  cell = commaIsDecimal ? cell.replaceAll('.', '').replace(',', '.') : cell.replaceAll(',', '');
  if (!/^\d+(\.\d+)?$/.test(cell)) return null;
  try {
    const minor = decimalToMinor(cell, currency);
    return minor > 0n ? minor : null;
  } catch {
    return null;
  }
}

const INCOME = /^(income|credit|cr|in|deposit|received|refund)$/i;
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
  const amountMinor = readAmount(cell('amount'), currency);
  if (amountMinor === null)
    return { problem: `"${cell('amount')}" is not an amount in ${currency}` };
  return {
    row: {
      date,
      kind: INCOME.test(cell('kind')) ? 'INCOME' : 'EXPENSE',
      amountMinor,
      currency,
      category: undefused(cell('category')).slice(0, 50) || null,
      note: undefused(cell('note')).slice(0, 500) || null,
    },
  };
}
