import {
  addDays,
  addMonths,
  daysBetween,
  isLocalDate,
  localDateOf,
  startOfLocalDay,
  type LocalDate,
} from './local-dates.ts';
import { startOfWeek, type Weekday } from './week.ts';

export const PERIODS = ['TODAY', 'WEEK', 'MONTH', 'YEAR', 'CUSTOM'] as const;
export type Period = (typeof PERIODS)[number];

/** A span of whole local days: [start, end) as instants, and its first and last dates. */
export interface DateSpan {
  /** First instant of firstDay in the zone. */
  start: Date;
  /** First instant of the day after lastDay: the span excludes it. */
  end: Date;
  firstDay: LocalDate;
  lastDay: LocalDate;
}

export interface PeriodRange extends DateSpan {
  period: Period;
  timeZone: string;
  /** The span of equal calendar length just before: yesterday, last week, last month... */
  previous: DateSpan;
}

// A custom range is capped so a per-day breakdown stays a bounded number of rows.
export const MAX_CUSTOM_DAYS = 3 * 366;

export class PeriodError extends RangeError {
  override name = 'PeriodError';
}

function span(firstDay: LocalDate, nextDay: LocalDate, timeZone: string): DateSpan {
  return {
    start: startOfLocalDay(firstDay, timeZone),
    end: startOfLocalDay(nextDay, timeZone),
    firstDay,
    lastDay: addDays(nextDay, -1),
  };
}

/** The instants of the local days firstDay..lastDay (inclusive) in `timeZone`. */
export function daysSpan(firstDay: LocalDate, lastDay: LocalDate, timeZone: string): DateSpan {
  return span(firstDay, addDays(lastDay, 1), timeZone);
}

export interface PeriodOptions {
  /** CUSTOM: the first and last dates, inclusive. */
  from?: LocalDate | null;
  to?: LocalDate | null;
  /** WEEK: the day the person's weeks start on (weekStartOf(user)). */
  weekStartsOn?: Weekday;
}

/**
 * The instants a period covers for someone in `timeZone` at `now`: today, this week
 * (from the person's first day of the week), this month, this year, or the custom dates
 * from..to inclusive; and the period before it. Boundaries are local midnights, so a
 * day across a DST change is 23 or 25 hours long, as the person lived it. A week has no
 * default start, so no caller can quietly fall back to one the person did not choose.
 */
export function periodRange(
  period: Exclude<Period, 'WEEK'>,
  now: Date,
  timeZone: string,
  options?: PeriodOptions,
): PeriodRange;
export function periodRange(
  period: Period,
  now: Date,
  timeZone: string,
  options: PeriodOptions & { weekStartsOn: Weekday },
): PeriodRange;
export function periodRange(
  period: Period,
  now: Date,
  timeZone: string,
  options: PeriodOptions = {},
): PeriodRange {
  const today = localDateOf(now, timeZone);
  let first: LocalDate;
  let next: LocalDate;
  let previousFirst: LocalDate;
  switch (period) {
    case 'TODAY':
      first = today;
      next = addDays(today, 1);
      previousFirst = addDays(today, -1);
      break;
    case 'WEEK':
      if (options.weekStartsOn === undefined) throw new PeriodError('a week needs its first day');
      first = startOfWeek(today, options.weekStartsOn);
      next = addDays(first, 7);
      previousFirst = addDays(first, -7);
      break;
    case 'MONTH':
      first = `${today.slice(0, 7)}-01`;
      next = addMonths(first, 1);
      previousFirst = addMonths(first, -1);
      break;
    case 'YEAR':
      first = `${today.slice(0, 4)}-01-01`;
      next = addMonths(first, 12);
      previousFirst = addMonths(first, -12);
      break;
    case 'CUSTOM': {
      const { from, to } = options;
      if (!from || !to) throw new PeriodError('a custom period needs both from and to');
      if (!isLocalDate(from) || !isLocalDate(to)) {
        throw new PeriodError('from and to must be dates as YYYY-MM-DD');
      }
      const length = daysBetween(from, to) + 1;
      if (length < 1) throw new PeriodError('from must not be after to');
      if (length > MAX_CUSTOM_DAYS) {
        throw new PeriodError(`a custom period spans at most ${MAX_CUSTOM_DAYS} days`);
      }
      first = from;
      next = addDays(to, 1);
      previousFirst = addDays(from, -length);
      break;
    }
  }
  return {
    period,
    timeZone,
    ...span(first, next, timeZone),
    previous: span(previousFirst, first, timeZone),
  };
}
