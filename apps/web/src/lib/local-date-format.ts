/**
 * Formats days stored as YYYY-MM-DD (already the person's days): each is read at UTC
 * midnight and written in UTC, so no time zone moves it to the day before or after.
 * Default: the medium date style ("Dec 8, 2026" in English).
 */
export function localDateFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): (date: string) => string {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return (date) => format.format(new Date(`${date}T00:00:00Z`));
}
