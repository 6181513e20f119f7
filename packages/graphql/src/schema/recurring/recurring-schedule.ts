// When a recurring expense runs next after the API changed it. The scheduler only reads
// next_run_at, so this is the one place the API decides what it records.
import type { RecurringExpense } from '@spendline/db';
import {
  addDays,
  localDateOf,
  nextOccurrence,
  runAt,
  type LocalDate,
  type Recurrence,
} from '@spendline/ledger';

/** A `@db.Date` column arrives as UTC midnight of its day. */
export const localDateOfColumn = (date: Date): LocalDate => date.toISOString().slice(0, 10);
export const dateColumn = (date: LocalDate): Date => new Date(`${date}T00:00:00Z`);

export type Schedule = Pick<
  RecurringExpense,
  'frequency' | 'interval' | 'dayOfMonth' | 'dayOfWeek' | 'monthOfYear' | 'startsOn' | 'endsOn'
>;

export function recurrenceOf(row: Schedule): Recurrence {
  return {
    frequency: row.frequency,
    interval: row.interval,
    dayOfMonth: row.dayOfMonth,
    dayOfWeek: row.dayOfWeek,
    monthOfYear: row.monthOfYear,
    startsOn: localDateOfColumn(row.startsOn),
    endsOn: row.endsOn && localDateOfColumn(row.endsOn),
  };
}

/**
 * The last day the scheduler can have recorded by `lastRunAt`: it records a day once
 * that day's hour has come, so a run earlier in the day stopped at the day before.
 */
function lastRecordedDay(lastRunAt: Date, timeZone: string): LocalDate {
  const day = localDateOf(lastRunAt, timeZone);
  return runAt(day, timeZone) <= lastRunAt ? day : addDays(day, -1);
}

/**
 * The first occurrence from today on that is not recorded yet, for a rule whose schedule
 * changed or that comes back from a pause. Days before today are never caught up, and a
 * day the scheduler already recorded (today's, say) is never recorded again.
 */
export function nextRunFromToday(
  rule: Recurrence,
  lastRunAt: Date | null,
  now: Date,
  timeZone: string,
): { date: LocalDate; at: Date } | null {
  const yesterday = addDays(localDateOf(now, timeZone), -1);
  const recorded = lastRunAt ? lastRecordedDay(lastRunAt, timeZone) : null;
  const date = nextOccurrence(rule, recorded && recorded > yesterday ? recorded : yesterday);
  return date === null ? null : { date, at: runAt(date, timeZone) };
}
