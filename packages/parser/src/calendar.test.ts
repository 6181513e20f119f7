import { describe, expect, it } from 'vitest';
import { civilDate, dayNumber, daysInMonth, isoDate, todayIn, weekday } from './calendar.ts';

describe('day numbers', () => {
  it('count days from 1970-01-01 and back again', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(dayNumber(2026, 11, 24)).toBe(Date.UTC(2026, 10, 24) / 86_400_000);
    for (const day of [-25_567, 0, 59, 10_957, 11_016, 20_416, 2_932_896]) {
      const { year, month, day: d } = civilDate(day);
      expect(dayNumber(year, month, d)).toBe(day);
      expect(isoDate(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    }
  });

  it('know weekdays and month lengths, leap years included', () => {
    expect(weekday(dayNumber(2026, 11, 24))).toBe(2);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});

describe('todayIn', () => {
  it('gives the calendar day in the user’s zone, not the server’s', () => {
    const halfPastMidnightInIndia = new Date('2026-11-23T19:00:00Z');
    expect(isoDate(todayIn('Asia/Kolkata', halfPastMidnightInIndia))).toBe('2026-11-24');
    expect(isoDate(todayIn('UTC', halfPastMidnightInIndia))).toBe('2026-11-23');
    expect(isoDate(todayIn('America/New_York', halfPastMidnightInIndia))).toBe('2026-11-23');
    expect(isoDate(todayIn('Pacific/Kiritimati', halfPastMidnightInIndia))).toBe('2026-11-24');
  });

  it('rejects an unknown zone', () => {
    expect(() => todayIn('Mars/Olympus', new Date())).toThrow(RangeError);
  });
});
