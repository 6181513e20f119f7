export {
  addDays,
  addMonths,
  daysBetween,
  isLocalDate,
  isoWeekday,
  daysInMonth,
  localDateOf,
  localTime,
  startOfLocalDay,
  type LocalDate,
} from './local-dates.ts';
export { currencyExponent, decimalToMinor, formatMoney, minorToDecimal } from './money.ts';
export {
  daysSpan,
  MAX_CUSTOM_DAYS,
  PERIODS,
  PeriodError,
  periodRange,
  type DateSpan,
  type Period,
  type PeriodOptions,
  type PeriodRange,
} from './periods.ts';
export {
  isWeekday,
  localeWeekStart,
  MONDAY,
  startOfWeek,
  weekStartOf,
  type Weekday,
} from './week.ts';
export {
  describeRecurrence,
  dueOccurrences,
  firstRun,
  nextOccurrence,
  normalizeRecurrence,
  RECURRING_HOUR,
  RecurrenceError,
  runAt,
  type Frequency,
  type Recurrence,
} from './recurrence.ts';
