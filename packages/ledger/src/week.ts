// Which day a person's week starts on. Every "this week", "last week" and weekly digest
// goes through here, so the bot, GraphQL and the scheduler cannot disagree.

import { addDays, isoWeekday, type LocalDate } from './local-dates.ts';

/** ISO weekday: 1 Monday ... 7 Sunday, as CLDR's week data and recurring rules number them. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** ISO 8601's first day: where a locale says nothing about its region. */
export const MONDAY: Weekday = 1;

export function isWeekday(value: unknown): value is Weekday {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 7;
}

interface WeekInfo {
  firstDay: number;
}

// getWeekInfo() is the current proposal's method, weekInfo the getter engines shipped
// first; TypeScript's lib knows neither yet.
interface LocaleWeek {
  getWeekInfo?: () => WeekInfo;
  weekInfo?: WeekInfo;
  firstDayOfWeek?: string;
}

// Locales come from people's settings: the cache starts over rather than grow forever.
const byLocale = new Map<string, Weekday>();
const CACHED_LOCALES = 1000;

function lookUp(tag: string): Weekday {
  let locale: Intl.Locale & LocaleWeek;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return MONDAY;
  }
  // "en" alone says nothing about where someone lives (CLDR would guess the US), so
  // only a region or an explicit "-u-fw-" choice moves the week off ISO's Monday.
  if (locale.region === undefined && locale.firstDayOfWeek === undefined) return MONDAY;
  const info = typeof locale.getWeekInfo === 'function' ? locale.getWeekInfo() : locale.weekInfo;
  const first = info?.firstDay;
  return isWeekday(first) ? first : MONDAY;
}

/** The first day of the week CLDR gives the locale's region; Monday when it names none. */
export function localeWeekStart(locale: string): Weekday {
  let found = byLocale.get(locale);
  if (found === undefined) {
    found = lookUp(locale);
    if (byLocale.size >= CACHED_LOCALES) byLocale.clear();
    byLocale.set(locale, found);
  }
  return found;
}

/**
 * The day a user's weeks start on: their own choice (`weekStartsOn`, null to follow the
 * locale) or else their locale's.
 */
export function weekStartOf(user: { weekStartsOn: number | null; locale: string }): Weekday {
  return isWeekday(user.weekStartsOn) ? user.weekStartsOn : localeWeekStart(user.locale);
}

/** The first day of the week `date` falls in, for weeks that start on `weekStartsOn`. */
export function startOfWeek(date: LocalDate, weekStartsOn: Weekday): LocalDate {
  return addDays(date, -((isoWeekday(date) - weekStartsOn + 7) % 7));
}
