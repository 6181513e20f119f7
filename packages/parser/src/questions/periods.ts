// Periods a question names: "last month", "this week", "last 7 days", "in november",
// "on 3 dec", "between 1 nov and 15 nov", "pichle mahine". Days come from the parser's
// own date reading (matchDate); spans end today at the latest.

import { civilDate, dayNumber, daysInMonth, isoDate, weekday } from '../calendar.ts';
import type { Prepared } from '../context.ts';
import { matchDate } from '../dates.ts';
import type { Token } from '../tokenize.ts';
import { MONTHS, wordSet } from '../words.ts';
import type { QuestionPeriod } from './types.ts';

const THIS = wordSet(['this', 'current', 'is', 'iss', 'ye', 'yeh', 'इस']);
const PREVIOUS = wordSet([
  'last',
  'prev',
  'previous',
  'past',
  'pichle',
  'pichla',
  'pichhle',
  'पिछले',
  'पिछला',
]);
const PREVIOUS_AFTER = wordSet(['passada', 'passado', 'pasada', 'pasado', 'lalu']);
const WEEK = wordSet([
  'week',
  'wk',
  'hafta',
  'hafte',
  'semana',
  'minggu',
  'pekan',
  'हफ्ता',
  'हफ्ते',
  'सप्ताह',
]);
const MONTH = wordSet(['month', 'mahina', 'mahine', 'mês', 'mes', 'bulan', 'महीना', 'महीने']);
const YEAR = wordSet(['year', 'yr', 'saal', 'sal', 'ano', 'año', 'tahun', 'साल']);
const DAYS = wordSet(['days', 'day', 'din', 'dino', 'dias', 'días', 'hari', 'दिन']);
const WEEKS = wordSet(['weeks', 'week', 'hafte', 'semanas']);
const MONTHS_UNIT = wordSet(['months', 'month', 'mahine', 'meses', 'bulan']);
const RANGE_START = wordSet(['between', 'from']);
const SINCE = wordSet(['since', 'after']);
const RANGE_JOIN = wordSet(['and', 'to', 'till', 'until', 'through', 'thru', '-', 'se', 'tak']);
/** "per day", "a month": a rate, not a period. */
const RATE = wordSet(['per', 'a', 'every', 'each']);
const YEAR_LEAD = wordSet(['in', 'during', 'of']);

export interface PeriodMatch {
  period: QuestionPeriod;
  start: number;
  end: number;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const dayNumberOf = (iso: string) =>
  dayNumber(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

const key = (token: Token | undefined) => (token?.kind === 'word' ? token.key : undefined);
const isIn = (token: Token | undefined, set: ReadonlySet<string>) => {
  const k = key(token);
  return k !== undefined && set.has(k);
};

function dayLabel(day: number): string {
  const { month, day: d } = civilDate(day);
  return `${d} ${MONTH_NAMES[month - 1]!.slice(0, 3)}`;
}

function span(
  from: number,
  to: number,
  today: number,
  label: string,
  unit: QuestionPeriod['unit'],
): QuestionPeriod {
  return { from: isoDate(from), to: isoDate(Math.min(to, today)), label, unit };
}

function monthPeriod(year: number, month: number, today: number, label?: string): QuestionPeriod {
  const first = dayNumber(year, month, 1);
  const last = first + daysInMonth(year, month) - 1;
  return span(first, last, today, label ?? `${MONTH_NAMES[month - 1]} ${year}`, 'month');
}

function yearPeriod(year: number, today: number, label?: string): QuestionPeriod {
  return span(dayNumber(year, 1, 1), dayNumber(year, 12, 31), today, label ?? String(year), 'year');
}

function unitPeriod(
  unit: 'week' | 'month' | 'year',
  previous: boolean,
  prepared: Prepared,
): QuestionPeriod {
  const { today } = prepared.calendar;
  const now = civilDate(today);
  const label = `${previous ? 'last' : 'this'} ${unit}`;
  if (unit === 'week') {
    // weekday() counts Sunday as 0, ISO as 7.
    const start =
      today - ((weekday(today) - (prepared.weekStart % 7) + 7) % 7) - (previous ? 7 : 0);
    return span(start, start + 6, today, label, 'week');
  }
  if (unit === 'month') {
    if (!previous) return monthPeriod(now.year, now.month, today, label);
    return now.month === 1
      ? monthPeriod(now.year - 1, 12, today, label)
      : monthPeriod(now.year, now.month - 1, today, label);
  }
  return yearPeriod(previous ? now.year - 1 : now.year, today, label);
}

function unitOf(token: Token | undefined): 'week' | 'month' | 'year' | null {
  if (isIn(token, WEEK)) return 'week';
  if (isIn(token, MONTH)) return 'month';
  if (isIn(token, YEAR)) return 'year';
  return null;
}

/** "last 7 days", "past 2 weeks", "last 3 months": a rolling span ending today. */
function rolling(tokens: readonly Token[], i: number, prepared: Prepared): PeriodMatch | null {
  const count = tokens[i + 1];
  const unit = tokens[i + 2];
  if (count?.kind !== 'number' || !/^\d{1,3}$/.test(count.text)) return null;
  const n = Number(count.text);
  const { today } = prepared.calendar;
  if (n < 1) return null;
  const label = `last ${n} ${key(unit)}`;
  if (isIn(unit, DAYS))
    return { period: span(today - n + 1, today, today, label, 'span'), start: i, end: i + 3 };
  if (isIn(unit, WEEKS))
    return { period: span(today - 7 * n + 1, today, today, label, 'span'), start: i, end: i + 3 };
  if (isIn(unit, MONTHS_UNIT)) {
    const now = civilDate(today);
    const months = now.year * 12 + now.month - 1 - n;
    const year = Math.floor(months / 12);
    const month = (months % 12) + 1;
    const day = Math.min(now.day, daysInMonth(year, month));
    return {
      period: span(dayNumber(year, month, day) + 1, today, today, label, 'span'),
      start: i,
      end: i + 3,
    };
  }
  return null;
}

function monthName(tokens: readonly Token[], i: number, prepared: Prepared): PeriodMatch | null {
  const k = key(tokens[i]);
  const month = k === undefined ? undefined : MONTHS.get(k);
  if (month === undefined) return null;
  const { today } = prepared.calendar;
  const now = civilDate(today);
  const next = tokens[i + 1];
  if (next?.kind === 'number' && /^(?:19|20)\d\d$/.test(next.text)) {
    return { period: monthPeriod(Number(next.text), month, today), start: i, end: i + 2 };
  }
  // The latest such month that has begun: "december" in November is last December.
  const year = month <= now.month ? now.year : now.year - 1;
  return { period: monthPeriod(year, month, today), start: i, end: i + 1 };
}

function singleDay(tokens: readonly Token[], i: number, prepared: Prepared): PeriodMatch | null {
  const found = matchDate(tokens, i, tokens.length, prepared.calendar);
  if (found === null || found.error === 'invalid') return null;
  const { today } = prepared.calendar;
  const label =
    found.day === today ? 'today' : found.day === today - 1 ? 'yesterday' : dayLabel(found.day);
  return {
    period: span(found.day, found.day, today, label, 'day'),
    start: found.start,
    end: found.end,
  };
}

/** "between 1 nov and 15 nov", "from 1 nov to 15 nov", "1 nov to 15 nov". */
function between(tokens: readonly Token[], i: number, prepared: Prepared): PeriodMatch | null {
  const lead = isIn(tokens[i], RANGE_START) ? 1 : 0;
  const first = singleDay(tokens, i + lead, prepared);
  if (first === null || !isIn(tokens[first.end], RANGE_JOIN)) return null;
  const second = singleDay(tokens, first.end + 1, prepared);
  if (second === null) return null;
  const { today } = prepared.calendar;
  const from = first.period.from <= second.period.from ? first : second;
  const to = from === first ? second : first;
  const period: QuestionPeriod = {
    from: from.period.from,
    to: to.period.to,
    label: `${from.period.label} – ${to.period.label}`,
    unit: 'span',
  };
  return {
    period: period.to > isoDate(today) ? { ...period, to: isoDate(today) } : period,
    start: i,
    end: second.end,
  };
}

/** This month so far: the period of a question that names none. */
export const thisMonth = (prepared: Prepared) => unitPeriod('month', false, prepared);

/** The period starting at token i, if one does. */
export function periodAt(
  tokens: readonly Token[],
  i: number,
  prepared: Prepared,
): PeriodMatch | null {
  const token = tokens[i];
  if (token === undefined) return null;
  const range = between(tokens, i, prepared);
  if (range !== null) return range;
  if (isIn(token, SINCE)) {
    const first = singleDay(tokens, i + 1, prepared);
    if (first !== null) {
      const { today } = prepared.calendar;
      const period = span(
        dayNumberOf(first.period.from),
        today,
        today,
        `since ${first.period.label}`,
        'span',
      );
      return { period, start: i, end: first.end };
    }
  }
  if (isIn(token, PREVIOUS)) {
    const found = rolling(tokens, i, prepared);
    if (found !== null) return found;
    const unit = unitOf(tokens[i + 1]);
    if (unit !== null) return { period: unitPeriod(unit, true, prepared), start: i, end: i + 2 };
    if (isIn(tokens[i + 1], YEAR)) return null;
  }
  if (isIn(token, THIS)) {
    const unit = unitOf(tokens[i + 1]);
    if (unit !== null) return { period: unitPeriod(unit, false, prepared), start: i, end: i + 2 };
  }
  const unit = unitOf(token);
  if (unit !== null && !isIn(tokens[i - 1], RATE)) {
    const previous = isIn(tokens[i + 1], PREVIOUS_AFTER);
    return { period: unitPeriod(unit, previous, prepared), start: i, end: i + (previous ? 2 : 1) };
  }
  if (
    token.kind === 'number' &&
    /^(?:19|20)\d\d$/.test(token.text) &&
    isIn(tokens[i - 1], YEAR_LEAD)
  ) {
    return {
      period: yearPeriod(Number(token.text), prepared.calendar.today),
      start: i,
      end: i + 1,
    };
  }
  return singleDay(tokens, i, prepared) ?? monthName(tokens, i, prepared);
}
