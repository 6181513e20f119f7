// Turning a calendar date in the person's time zone into an instant for the api.

function offsetMs(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * Noon of `date` (YYYY-MM-DD) in `timeZone`, as an ISO instant. Noon keeps the entry on
 * that day whatever daylight-saving shift happens around midnight.
 */
export function localNoon(date: string, timeZone: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const guess = new Date(Date.UTC(year, month - 1, day, 12));
  return new Date(guess.getTime() - offsetMs(guess, timeZone)).toISOString();
}

/** Today's date (YYYY-MM-DD) in `timeZone`. */
export function today(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}
