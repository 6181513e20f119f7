// When a recurring expense falls due: calendar dates in the user's own calendar, and
// the instant of the hour it is recorded at on each of them.
import { chatTranslator } from '@spendline/i18n';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  isoWeekday,
  localDateOf,
  localTime,
  type LocalDate,
} from './local-dates.ts';

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

export interface Recurrence {
  frequency: Frequency;
  /** Every `interval` days, weeks, months or years. */
  interval: number;
  /** 1-31 for MONTHLY and YEARLY; a month without that day uses its last day. */
  dayOfMonth?: number | null;
  /** ISO weekday (Monday 1 ... Sunday 7) for WEEKLY. */
  dayOfWeek?: number | null;
  /** 1-12 for YEARLY. */
  monthOfYear?: number | null;
  startsOn: LocalDate;
  /** Inclusive; null: for good. */
  endsOn?: LocalDate | null;
}

/** The local hour a recurring expense is recorded at on its day. */
export const RECURRING_HOUR = 9;

export class RecurrenceError extends RangeError {
  override name = 'RecurrenceError';
}

/** The rule with its defaults filled in from its first day, checked. */
export function normalizeRecurrence(rule: Recurrence): Required<Recurrence> {
  const { frequency, interval, startsOn } = rule;
  if (!Number.isInteger(interval) || interval < 1 || interval > 366)
    throw new RecurrenceError('the interval must be a whole number from 1 to 366');
  const dayOfMonth =
    frequency === 'MONTHLY' || frequency === 'YEARLY'
      ? (rule.dayOfMonth ?? Number(startsOn.slice(8, 10)))
      : null;
  const dayOfWeek = frequency === 'WEEKLY' ? (rule.dayOfWeek ?? isoWeekday(startsOn)) : null;
  const monthOfYear =
    frequency === 'YEARLY' ? (rule.monthOfYear ?? Number(startsOn.slice(5, 7))) : null;
  if (dayOfMonth !== null && (!Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 31))
    throw new RecurrenceError('the day of the month must be from 1 to 31');
  if (dayOfWeek !== null && (!Number.isInteger(dayOfWeek) || dayOfWeek < 1 || dayOfWeek > 7))
    throw new RecurrenceError('the day of the week must be from 1 (Monday) to 7 (Sunday)');
  if (
    monthOfYear !== null &&
    (!Number.isInteger(monthOfYear) || monthOfYear < 1 || monthOfYear > 12)
  )
    throw new RecurrenceError('the month must be from 1 to 12');
  const endsOn = rule.endsOn ?? null;
  if (endsOn !== null && endsOn < startsOn)
    throw new RecurrenceError('it cannot end before it starts');
  return { frequency, interval, dayOfMonth, dayOfWeek, monthOfYear, startsOn, endsOn };
}

/** `day` in the month of `firstOfMonth`, or the month's last day when it is shorter. */
function clampedDay(firstOfMonth: LocalDate, day: number): LocalDate {
  const last = daysInMonth(firstOfMonth);
  return `${firstOfMonth.slice(0, 8)}${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** The k-th period's occurrence (k = 0 is the period startsOn falls in). */
function occurrence(rule: Required<Recurrence>, k: number): LocalDate {
  const { frequency, interval, startsOn } = rule;
  switch (frequency) {
    case 'DAILY':
      return addDays(startsOn, k * interval);
    case 'WEEKLY': {
      const monday = addDays(startsOn, 1 - isoWeekday(startsOn));
      return addDays(monday, k * interval * 7 + rule.dayOfWeek! - 1);
    }
    case 'MONTHLY':
      return clampedDay(addMonths(`${startsOn.slice(0, 8)}01`, k * interval), rule.dayOfMonth!);
    case 'YEARLY': {
      const year = Number(startsOn.slice(0, 4)) + k * interval;
      const month = String(rule.monthOfYear!).padStart(2, '0');
      return clampedDay(`${String(year).padStart(4, '0')}-${month}-01`, rule.dayOfMonth!);
    }
  }
}

/** Periods between startsOn and `date`, a lower bound of the k whose occurrence passes it. */
function periodsBefore(rule: Required<Recurrence>, date: LocalDate): number {
  const { frequency, interval, startsOn } = rule;
  const days = daysBetween(startsOn, date);
  if (days <= 0) return 0;
  // The longest a period can be, so the estimate never passes an occurrence; one period
  // back for the weekday or day-of-month offset within a period.
  const span =
    frequency === 'DAILY' ? 1 : frequency === 'WEEKLY' ? 7 : frequency === 'MONTHLY' ? 31 : 366;
  return Math.max(0, Math.floor(days / (span * interval)) - 1);
}

/**
 * The first day the rule falls on after `after` (or on startsOn or later when `after`
 * is null), or null once it has ended.
 */
export function nextOccurrence(rule: Recurrence, after: LocalDate | null): LocalDate | null {
  const checked = normalizeRecurrence(rule);
  const from = after === null || after < checked.startsOn ? addDays(checked.startsOn, -1) : after;
  for (let k = periodsBefore(checked, from); ; k++) {
    const date = occurrence(checked, k);
    if (checked.endsOn !== null && date > checked.endsOn) return null;
    if (date > from && date >= checked.startsOn) return date;
  }
}

/**
 * The days a rule fell due from `first` (itself due) up to `now` in the zone, at most
 * `limit` of them, and when the one after them is due (null once the rule has ended).
 * This is the catch-up after downtime: every missed day is returned, none twice.
 */
export function dueOccurrences(
  rule: Recurrence,
  first: LocalDate,
  now: Date,
  timeZone: string,
  limit = 400,
): { dates: LocalDate[]; next: { date: LocalDate; at: Date } | null } {
  const dates: LocalDate[] = [];
  let date: LocalDate | null = first;
  while (date !== null && dates.length < limit && runAt(date, timeZone) <= now) {
    dates.push(date);
    date = nextOccurrence(rule, date);
  }
  return { dates, next: date === null ? null : { date, at: runAt(date, timeZone) } };
}

/** When the occurrence on `date` is recorded: RECURRING_HOUR local time. */
export const runAt = (date: LocalDate, timeZone: string): Date =>
  localTime(date, RECURRING_HOUR, timeZone);

/** The first due day of a new rule created at `now`, and its instant. */
export function firstRun(
  rule: Recurrence,
  now: Date,
  timeZone: string,
): { date: LocalDate; at: Date } | null {
  const today = localDateOf(now, timeZone);
  const date = nextOccurrence(rule, addDays(today < rule.startsOn ? rule.startsOn : today, -1));
  return date === null ? null : { date, at: runAt(date, timeZone) };
}

// A calendar day, so formatted in UTC.
const calendarDay = (month: number, day: number) => new Date(Date.UTC(2024, month - 1, day));

/**
 * The rule in the words of `locale` (a full tag, users.locale): "every month on the 1st",
 * "a cada 2 semanas, segunda-feira", "हर हफ़्ते सोमवार को".
 */
export function describeRecurrence(rule: Recurrence, locale: string): string {
  const checked = normalizeRecurrence(rule);
  const t = chatTranslator(locale);
  const { interval } = checked;
  switch (checked.frequency) {
    case 'DAILY':
      return t('recurrenceDaily', { interval });
    case 'WEEKLY': {
      // 2024-01-01 was a Monday.
      const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
        calendarDay(1, checked.dayOfWeek!),
      );
      return t('recurrenceWeekly', { interval, weekday });
    }
    case 'MONTHLY':
      return t('recurrenceMonthly', { interval, day: checked.dayOfMonth! });
    case 'YEARLY': {
      const date = new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      }).format(calendarDay(checked.monthOfYear!, checked.dayOfMonth!));
      return t('recurrenceYearly', { interval, date });
    }
  }
}
