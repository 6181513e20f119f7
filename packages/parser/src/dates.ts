// Date phrases inside a message: "yesterday", "day before yesterday", "last friday",
// "3 days ago", "12 jan", "jan 12th 2026", "12/01", "2026-01-12". Expenses are in the
// past, so a phrase without a year means the latest such day that is not after today.

import { civilDate, dayNumber, isValidDate, weekday } from './calendar.ts';
import type { Token } from './tokenize.ts';
import { MONTHS, ORDINAL_SUFFIXES, wordMap, wordSet } from './words.ts';

export interface Calendar {
  /** Today's day number in the user's zone. */
  today: number;
  dayFirst: boolean;
}

export interface DateOptions {
  /**
   * Read a four-digit number after "12 jan" as its year. The message step turns this off
   * when the year would leave no amount: "jan 12 2000 lunch" is 2,000 rupees.
   */
  years: boolean;
}

export type DateMatch = { start: number; end: number } & (
  { error: null; day: number } | { error: 'future'; day: number } | { error: 'invalid' }
);

// "kal" and "कल" are tomorrow as well as yesterday; an expense is in the past.
const RELATIVE = wordMap<number>([
  ['today', 0],
  ['aaj', 0],
  ['tonight', 0],
  ['yesterday', -1],
  ['yday', -1],
  ['yest', -1],
  ['ystd', -1],
  ['yesterdy', -1],
  ['yesturday', -1],
  ['kal', -1],
  ['parso', -2],
  ['parson', -2],
  ['tomorrow', 1],
  ['tomorow', 1],
  ['tommorow', 1],
  ['tommorrow', 1],
  ['tmrw', 1],
  ['tmr', 1],
  ['hoje', 0],
  ['ontem', -1],
  ['anteontem', -2],
  ['hoy', 0],
  ['ayer', -1],
  ['anteayer', -2],
  ['antier', -2],
  ['kemarin', -1],
  ['kemaren', -1],
  ['kmrn', -1],
  ['kmarin', -1],
  ['semalam', -1],
  ['आज', 0],
  ['कल', -1],
  ['परसों', -2],
  ['parson', -2],
  ['parsoon', -2],
]);

/** Two-word days: "kemarin lusa" (the day before yesterday), "hari ini" (today). */
const RELATIVE_PAIRS = new Map<string, number>([
  ['kemarin lusa', -2],
  ['kemaren lusa', -2],
  ['hari ini', 0],
  ['antes ontem', -2],
]);
const PAIR_STARTS = new Set([...RELATIVE_PAIRS.keys()].map((pair) => pair.split(' ')[0]));

// Other languages' weekdays count alone, like English full names; "minggu" (Sunday, and
// week) only after "hari" or another lead.
// prettier-ignore
const FOREIGN_WEEKDAYS: [string, number][] = [
  ['domingo', 0], ['segunda', 1], ['terça', 2], ['terca', 2], ['quarta', 3], ['quinta', 4],
  ['sexta', 5], ['sábado', 6], ['sabado', 6],
  ['lunes', 1], ['martes', 2], ['miércoles', 3], ['miercoles', 3], ['jueves', 4],
  ['viernes', 5],
  ['senin', 1], ['selasa', 2], ['rabu', 3], ['kamis', 4], ['jumat', 5], ['sabtu', 6],
  ['रविवार', 0], ['इतवार', 0], ['सोमवार', 1], ['मंगलवार', 2], ['बुधवार', 3], ['गुरुवार', 4],
  ['बृहस्पतिवार', 4], ['शुक्रवार', 5], ['शनिवार', 6],
  ['ravivar', 0], ['itwar', 0], ['itvar', 0], ['somvar', 1], ['mangalvar', 2],
  ['mangalwar', 2], ['budhvar', 3], ['budhwar', 3], ['guruvar', 4], ['guruwar', 4],
  ['shukravar', 5], ['shukrawar', 5], ['shanivar', 6], ['shaniwar', 6],
];

// prettier-ignore
const WEEKDAYS = wordMap<number>([
  ['sunday', 0], ['sun', 0], ['monday', 1], ['mon', 1], ['tuesday', 2], ['tue', 2],
  ['tues', 2], ['wednesday', 3], ['wed', 3], ['weds', 3], ['thursday', 4], ['thu', 4],
  ['thur', 4], ['thurs', 4], ['friday', 5], ['fri', 5], ['saturday', 6], ['sat', 6],
  ['minggu', 0], ...FOREIGN_WEEKDAYS,
]);

// "sat", "sun" and "wed" are words too; abbreviations count only after "last", "on"...
const FULL_WEEKDAYS = wordSet([
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  ...FOREIGN_WEEKDAYS.map(([word]) => word),
]);

/** "segunda-feira", "quarta feira": the Portuguese weekday's tail. */
const WEEKDAY_TAIL = 'feira';

// "na sexta", "no sábado", "el lunes", "hari senin", "em 5 de novembro", "pada 3 mei".
const LEADS = new Set(['on', 'dated', 'dt', 'this', 'no', 'na', 'em', 'el', 'hari', 'pada']);
/** "dia 3", "el día 3", "tanggal 3", "tgl 3": a day of this month or the one before. */
const DAY_OF_MONTH = new Set(['dia', 'día', 'tanggal', 'tgl', 'tarikh', 'tareekh']);
/** "3 तारीख", "3 tarikh": the same, after the number. */
const DAY_OF_MONTH_AFTER = wordSet(['तारीख', 'तारीख़', 'tarikh', 'tareekh', 'tarik', 'tarikh']);
/** "3 of january", "3 de novembro". */
const OF = new Set(['of', 'de', 'del']);
const BEFORE = new Set(['last', 'prev', 'previous', 'past']);
const AGO = new Set(['ago', 'back', 'before', 'pehle', 'pahle', 'earlier']);
const DAY_WORDS = new Set(['day', 'days', 'din']);
const WEEK_WORDS = new Set(['week', 'weeks', 'hafte', 'hafta']);

function wordAt(tokens: readonly Token[], i: number, end: number): string | undefined {
  const token = i < end ? tokens[i] : undefined;
  return token?.kind === 'word' ? token.key : undefined;
}

/** A small whole number written as plain digits, or -1. */
function plainInteger(token: Token | undefined, max: number): number {
  if (token?.kind !== 'number' || token.text.length > 4) return -1;
  for (let i = 0; i < token.text.length; i++) {
    const c = token.text.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
  }
  const value = Number(token.text);
  return value >= 1 && value <= max ? value : -1;
}

function relative(cal: Calendar, start: number, end: number, offset: number): DateMatch {
  const day = cal.today + offset;
  return { start, end, day, error: day > cal.today ? 'future' : null };
}

function resolveDayMonth(
  cal: Calendar,
  start: number,
  end: number,
  day: number,
  month: number,
  year: number | null,
): DateMatch {
  if (year !== null) {
    if (year < 1900 || !isValidDate(year, month, day)) return { start, end, error: 'invalid' };
    const found = dayNumber(year, month, day);
    return { start, end, day: found, error: found > cal.today ? 'future' : null };
  }
  const thisYear = civilDate(cal.today).year;
  // Eight years back finds the last 29 February.
  for (let back = 0; back <= 8; back++) {
    if (!isValidDate(thisYear - back, month, day)) continue;
    const found = dayNumber(thisYear - back, month, day);
    if (found <= cal.today) return { start, end, day: found, error: null };
  }
  return { start, end, error: 'invalid' };
}

function resolveDayOfMonth(cal: Calendar, start: number, end: number, day: number): DateMatch {
  const now = civilDate(cal.today);
  for (let back = 0; back <= 12; back++) {
    const index = now.year * 12 + now.month - 1 - back;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    if (!isValidDate(year, month, day)) continue;
    const found = dayNumber(year, month, day);
    if (found <= cal.today) return { start, end, day: found, error: null };
  }
  return { start, end, error: 'invalid' };
}

/** "12/01", "12/1/26", "2026-01-12", "12-01-2026", "12.01.2026"; null if not a date at all. */
function numericDate(cal: Calendar, token: Token, start: number): DateMatch | null {
  const mark = token.text.search(/[/.-]/);
  const separator = token.text[mark] ?? '/';
  const parts = token.text.split(separator).map(Number);
  let day: number;
  let month: number;
  let year: number | null = null;
  if (token.text.indexOf(separator) === 4) {
    [year = 0, month = 0, day = 0] = parts;
  } else {
    const [a = 0, b = 0, c] = parts;
    const dayFirst = separator === '.' || cal.dayFirst;
    day = dayFirst ? a : b;
    month = dayFirst ? b : a;
    // 24/11 can only be a day first, whatever the locale.
    if (month > 12 && day <= 12) [day, month] = [month, day];
    if (c !== undefined) year = c < 100 ? 2000 + c : c;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return resolveDayMonth(cal, start, start + 1, day, month, year);
}

/** A month name at j, after an optional "of" or "de": its number and where it ends. */
function monthAfter(
  tokens: readonly Token[],
  j: number,
  end: number,
): { month: number; end: number } | null {
  let k = j;
  const of = wordAt(tokens, k, end);
  if (of !== undefined && OF.has(of)) k++;
  const word = wordAt(tokens, k, end);
  const month = word === undefined ? undefined : MONTHS.get(word);
  return month === undefined ? null : { month, end: k + 1 };
}

function yearAt(
  tokens: readonly Token[],
  i: number,
  end: number,
  cal: Calendar,
  options: DateOptions,
): [number | null, number] {
  if (!options.years) return [null, i];
  let j = i;
  if (j < end && tokens[j]?.kind === 'break' && tokens[j]?.text === ',') j++;
  const token = j < end ? tokens[j] : undefined;
  if (token?.kind === 'number' && token.text.length === 4) {
    // "Sept 3 2500 clothes": 2500 is no year anyone means.
    const year = plainInteger(token, civilDate(cal.today).year + 1);
    if (year >= 1900) return [year, j + 1];
  }
  return [null, i];
}

function matchCore(
  tokens: readonly Token[],
  i: number,
  end: number,
  cal: Calendar,
  options: DateOptions,
  lead: string | null,
): DateMatch | null {
  const token = tokens[i];
  if (token === undefined || i >= end) return null;

  if (token.kind === 'date') return numericDate(cal, token, i);

  if (token.kind === 'word') {
    const key = token.key;
    const next = wordAt(tokens, i + 1, end);
    const after = wordAt(tokens, i + 2, end);
    const pair =
      next === undefined || !PAIR_STARTS.has(key)
        ? undefined
        : RELATIVE_PAIRS.get(`${key} ${next}`);
    if (pair !== undefined) return relative(cal, i, i + 2, pair);
    const offset = RELATIVE.get(key);
    if (offset !== undefined) return relative(cal, i, i + 1, offset);
    if (DAY_OF_MONTH.has(key)) {
      const day = plainInteger(tokens[i + 1], 31);
      const stuck = tokens[i + 2];
      // "dia 20rb" is not a date ("dia" is also "he" in Indonesian).
      if (day > 0 && i + 1 < end && !(stuck?.glued === true && stuck.kind === 'word')) {
        const month = monthAfter(tokens, i + 2, end);
        if (month !== null) {
          const [year, last] = yearAt(tokens, month.end, end, cal, options);
          return resolveDayMonth(cal, i, last, day, month.month, year);
        }
        return resolveDayOfMonth(cal, i, i + 2, day);
      }
    }
    if (key === 'day' && next === 'before' && (after === 'yesterday' || after === 'yday')) {
      return relative(cal, i, i + 3, -2);
    }
    if (key === 'last' && next === 'night') return relative(cal, i, i + 2, -1);
    if (BEFORE.has(key) && next !== undefined) {
      const target = WEEKDAYS.get(next);
      if (target !== undefined) {
        const back = (weekday(cal.today) - target + 7) % 7 || 7;
        return relative(cal, i, i + 2, -back);
      }
    }
    const target = WEEKDAYS.get(key);
    if (target !== undefined && (lead !== null || FULL_WEEKDAYS.has(key))) {
      let last = i + 1;
      if (next === WEEKDAY_TAIL) last = i + 2;
      else if (tokens[i + 1]?.key === '-' && after === WEEKDAY_TAIL) last = i + 3;
      return relative(cal, i, last, -((weekday(cal.today) - target + 7) % 7));
    }
    if (key === 'a' && next !== undefined && after !== undefined && AGO.has(after)) {
      if (DAY_WORDS.has(next)) return relative(cal, i, i + 3, -1);
      if (WEEK_WORDS.has(next)) return relative(cal, i, i + 3, -7);
    }
    const month = MONTHS.get(key);
    if (month !== undefined) {
      const day = plainInteger(tokens[i + 1], 31);
      if (day < 0 || i + 1 >= end) return null;
      let j = i + 2;
      const suffix = wordAt(tokens, j, end);
      if (suffix !== undefined && ORDINAL_SUFFIXES.has(suffix) && tokens[j]?.glued) j++;
      const [year, last] = yearAt(tokens, j, end, cal, options);
      return resolveDayMonth(cal, i, last, day, month, year);
    }
    return null;
  }

  if (token.kind === 'number') {
    const n = plainInteger(token, 3660);
    if (n < 0) return null;
    const next = wordAt(tokens, i + 1, end);
    const after = wordAt(tokens, i + 2, end);
    // "cab 180 day before yesterday": the number is the amount, the rest a phrase of its own.
    const yesterday = wordAt(tokens, i + 3, end);
    const dayBeforeYesterday =
      next === 'day' && after === 'before' && (yesterday === 'yesterday' || yesterday === 'yday');
    if (next !== undefined && after !== undefined && AGO.has(after) && !dayBeforeYesterday) {
      if (DAY_WORDS.has(next)) return relative(cal, i, i + 3, -n);
      if (WEEK_WORDS.has(next) && n <= 520) return relative(cal, i, i + 3, -7 * n);
    }
    if (n > 31) return null;
    let j = i + 1;
    let ordinal = false;
    if (next !== undefined && ORDINAL_SUFFIXES.has(next) && tokens[j]?.glued) {
      ordinal = true;
      j++;
    }
    const month = monthAfter(tokens, j, end);
    if (month !== null) {
      const [year, last] = yearAt(tokens, month.end, end, cal, options);
      return resolveDayMonth(cal, i, last, n, month.month, year);
    }
    if (ordinal) return resolveDayOfMonth(cal, i, i + 2, n);
    if (next !== undefined && DAY_OF_MONTH_AFTER.has(next)) {
      return resolveDayOfMonth(cal, i, i + 2, n);
    }
  }
  return null;
}

/** The date phrase starting at token i (before `end`), if one does. */
export function matchDate(
  tokens: readonly Token[],
  i: number,
  end: number,
  cal: Calendar,
  options: DateOptions = { years: true },
): DateMatch | null {
  const first = tokens[i];
  if (first?.kind === 'word' && LEADS.has(first.key)) {
    const found = matchCore(tokens, i + 1, end, cal, options, first.key);
    if (found !== null) return { ...found, start: i };
  }
  return matchCore(tokens, i, end, cal, options, null);
}
