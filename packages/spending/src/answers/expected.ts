// What each corpus question should answer, worked out from the seeded rows in plain
// JavaScript: no parser, no SQL. Periods are named in the corpus as a person means them.
import type { SeededRow } from './seed.ts';

export interface CorpusItem {
  t: string;
  m: 'total' | 'count' | 'average' | 'biggest' | 'top' | 'list' | 'any' | 'above' | 'below';
  c?: string;
  w?: string;
  p: string;
  vs?: string;
  n?: number;
  gt?: number;
  lt?: number;
}

export interface Span {
  from: string;
  to: string;
  unit: 'day' | 'week' | 'month' | 'year' | 'span';
}

const TODAY = '2026-12-07';
const DAY_MS = 86_400_000;

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const shift = (date: string, days: number) => iso(day(date) + days * DAY_MS);
const lastOfMonth = (year: number, month: number) => iso(Date.UTC(year, month, 0));
const clip = (date: string) => (date > TODAY ? TODAY : date);

function month(year: number, m: number): Span {
  return { from: iso(Date.UTC(year, m - 1, 1)), to: clip(lastOfMonth(year, m)), unit: 'month' };
}

/** en-IN weeks start on Sunday; 7 December 2026 is a Monday. */
const WEEK_START = '2026-12-06';

export function spanOf(spec: string): Span {
  const named: Record<string, Span> = {
    today: { from: TODAY, to: TODAY, unit: 'day' },
    yesterday: { from: shift(TODAY, -1), to: shift(TODAY, -1), unit: 'day' },
    this_week: { from: WEEK_START, to: TODAY, unit: 'week' },
    last_week: { from: shift(WEEK_START, -7), to: shift(WEEK_START, -1), unit: 'week' },
    this_month: month(2026, 12),
    last_month: month(2026, 11),
    this_year: { from: '2026-01-01', to: TODAY, unit: 'year' },
    last_year: { from: '2025-01-01', to: '2025-12-31', unit: 'year' },
    last_3_months: { from: '2026-09-08', to: TODAY, unit: 'span' },
  };
  if (named[spec]) return named[spec];
  const days = /^last_(\d+)_days$/.exec(spec);
  if (days) return { from: shift(TODAY, 1 - Number(days[1])), to: TODAY, unit: 'span' };
  if (/^\d{4}$/.test(spec))
    return { from: `${spec}-01-01`, to: clip(`${spec}-12-31`), unit: 'year' };
  if (/^\d{4}-\d\d$/.test(spec)) return month(Number(spec.slice(0, 4)), Number(spec.slice(5)));
  if (/^\d{4}-\d\d-\d\d$/.test(spec)) return { from: spec, to: spec, unit: 'day' };
  const [from, to] = spec.split('..');
  return { from: from!, to: to!, unit: 'span' };
}

export function previousOf(span: Span): Span {
  if (span.unit === 'month' || span.unit === 'year') {
    const [y, m] = span.from.split('-').map(Number) as [number, number];
    if (span.unit === 'year') return { from: `${y - 1}-01-01`, to: `${y - 1}-12-31`, unit: 'year' };
    const start = Date.UTC(y, m - 2, 1);
    const d = new Date(start);
    return {
      from: iso(start),
      to: lastOfMonth(d.getUTCFullYear(), d.getUTCMonth() + 1),
      unit: 'month',
    };
  }
  const length = span.unit === 'week' ? 7 : (day(span.to) - day(span.from)) / DAY_MS + 1;
  return { from: shift(span.from, -length), to: shift(span.from, -1), unit: span.unit };
}

/** The rows an item's question covers over `span`. */
export function rowsFor(item: CorpusItem, span: Span, rows: readonly SeededRow[]): SeededRow[] {
  const word = item.w === undefined ? null : new RegExp(`\\b${item.w}\\b`, 'i');
  return rows.filter(
    (r) =>
      r.kind === 'EXPENSE' &&
      !r.deleted &&
      r.day >= span.from &&
      r.day <= span.to &&
      (item.c === undefined || r.category === item.c) &&
      (word === null || (r.note !== null && word.test(r.note))) &&
      (item.gt === undefined || r.amountMinor > BigInt(item.gt * 100)) &&
      (item.lt === undefined || r.amountMinor < BigInt(item.lt * 100)),
  );
}

export const sum = (rows: readonly SeededRow[]) => rows.reduce((s, r) => s + r.amountMinor, 0n);

export const daysIn = (span: Span) => (day(span.to) - day(span.from)) / DAY_MS + 1;

/** Categories by total, biggest first: [name, total]. */
export function topCategories(rows: readonly SeededRow[], n: number): [string | null, bigint][] {
  const totals = new Map<string | null, bigint>();
  for (const r of rows) totals.set(r.category, (totals.get(r.category) ?? 0n) + r.amountMinor);
  return [...totals].sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0)).slice(0, n);
}
