// Calendar dates ("2026-03-08") and their instants in an IANA time zone, on Intl
// alone. A local date is a plain YYYY-MM-DD string: it sorts, compares and crosses
// JSON and SQL unchanged.

const day = 24 * 60 * 60 * 1000;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export type LocalDate = string;

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let found = partFormatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, found);
  }
  return found;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function intlWallClock(instant: number, timeZone: string): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type in clock) clock[part.type as keyof WallClock] = Number(part.value);
  }
  return clock;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const c = intlWallClock(instant, timeZone);
  const seconds = Math.floor(instant / 1000) * 1000;
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - seconds;
}

// formatToParts is the slow part of every statement and page of entries (a date per
// row), and a zone's offset changes a few times a year: it is remembered per quarter
// hour. A quarter with a change in it has different offsets at its ends and is not
// remembered; no zone changes twice within one.
const QUARTER_HOUR = 15 * 60 * 1000;
const MAX_REMEMBERED = 20_000;
const offsetsByQuarter = new Map<string, number | null>();

function cachedOffset(instant: number, timeZone: string): number {
  const quarter = Math.floor(instant / QUARTER_HOUR);
  const key = `${timeZone} ${quarter}`;
  let offset = offsetsByQuarter.get(key);
  if (offset === undefined) {
    const start = quarter * QUARTER_HOUR;
    const first = offsetAt(start, timeZone);
    offset = offsetAt(start + QUARTER_HOUR - 1, timeZone) === first ? first : null;
    if (offsetsByQuarter.size >= MAX_REMEMBERED) offsetsByQuarter.clear();
    offsetsByQuarter.set(key, offset);
  }
  return offset ?? offsetAt(instant, timeZone);
}

function wallClock(instant: number, timeZone: string): WallClock {
  const wall = new Date(instant + cachedOffset(instant, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function toLocalDate(year: number, month: number, dayOfMonth: number): LocalDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(dayOfMonth)}`;
}

/** Whether a string is a real calendar date in YYYY-MM-DD form. */
export function isLocalDate(value: string): boolean {
  const match = datePattern.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function parse(date: LocalDate): [number, number, number] {
  if (!isLocalDate(date)) throw new RangeError(`"${date}" is not a YYYY-MM-DD date`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** The calendar date an instant falls on in a time zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const clock = wallClock(instant.getTime(), timeZone);
  return toLocalDate(clock.year, clock.month, clock.day);
}

/**
 * The first instant of a local date in a zone. Usually its midnight; where a DST
 * change skips midnight (clocks jump 00:00 -> 01:00) the day starts at the jump, and
 * where midnight happens twice it starts at the later one, when the date begins.
 */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const [y, m, d] = parse(date);
  const guess = Date.UTC(y, m - 1, d);
  // The offsets in force around that day: before and after any change on it.
  const offsets = new Set(
    [guess - day, guess, guess + day].map((instant) => cachedOffset(instant, timeZone)),
  );
  const candidates = [...offsets]
    .map((offset) => guess - offset)
    .filter((instant) => localDateOf(new Date(instant), timeZone) === date)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first === undefined) throw new RangeError(`${date} does not exist in ${timeZone}`);
  return new Date(first);
}

/**
 * The instant a zone's clocks read `hour`:00 on a local date. Where a DST change skips
 * that hour the time comes at the end of the gap (02:30 that never was is 03:30); where
 * the hour happens twice, the first time counts, so a job at that hour runs once.
 */
export function localTime(date: LocalDate, hour: number, timeZone: string): Date {
  const [y, m, d] = parse(date);
  const guess = Date.UTC(y, m - 1, d, hour);
  const offsets = new Set(
    [guess - day, guess, guess + day].map((instant) => cachedOffset(instant, timeZone)),
  );
  const candidates = [...offsets].map((offset) => guess - offset).sort((a, b) => a - b);
  const exact = candidates.find((instant) => {
    const clock = wallClock(instant, timeZone);
    return toLocalDate(clock.year, clock.month, clock.day) === date && clock.hour === hour;
  });
  return new Date(exact ?? candidates[candidates.length - 1]!);
}

/** The number of days in the month `date` falls in. */
export function daysInMonth(date: LocalDate): number {
  const [y, m] = parse(date);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = parse(date);
  const moved = new Date(Date.UTC(y, m - 1, d) + days * day);
  return toLocalDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** Adds calendar months, keeping the day of month (callers pass the 1st). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = parse(date);
  const index = y * 12 + (m - 1) + months;
  return toLocalDate(Math.floor(index / 12), (index % 12) + 1, d);
}

/** ISO weekday: Monday 1 ... Sunday 7. */
export function isoWeekday(date: LocalDate): number {
  const [y, m, d] = parse(date);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const [y1, m1, d1] = parse(from);
  const [y2, m2, d2] = parse(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / day);
}
