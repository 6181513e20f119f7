// Plain words for the operator page's numbers: ages, durations and counts.

/** "just now", "45 seconds ago", "3 minutes ago", "2 hours ago", "4 days ago". */
export function ago(seconds: number): string {
  if (seconds < 5) return 'just now';
  return `${span(seconds)} ago`;
}

/** A whole number of seconds as the largest unit that fits: "3 minutes", "1 hour". */
export function span(seconds: number): string {
  const units: [number, string][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, name] of units) {
    if (seconds >= size) return count(Math.floor(seconds / size), name);
  }
  return count(Math.max(0, Math.floor(seconds)), 'second');
}

/** "1 message", "3 messages". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** Milliseconds as people read them: "350 ms", "1.2 s", "2 minutes". */
export function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return span(Math.floor(ms / 1000));
}

/** Seconds from an ISO instant to another. */
export function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 1000));
}
