import { describe, expect, it } from 'vitest';
import { isWeekday, localeWeekStart, startOfWeek, weekStartOf } from './week.ts';

describe('localeWeekStart', () => {
  it("follows CLDR's week data for the locale's region", () => {
    expect(localeWeekStart('en-US')).toBe(7);
    expect(localeWeekStart('en-IN')).toBe(7);
    expect(localeWeekStart('hi-IN')).toBe(7);
    expect(localeWeekStart('en-GB')).toBe(1);
    expect(localeWeekStart('de-DE')).toBe(1);
    expect(localeWeekStart('ar-EG')).toBe(6);
  });

  it('takes Monday when the locale names no region, or is no locale at all', () => {
    // CLDR would guess the United States for a bare "en" and start on Sunday.
    expect(localeWeekStart('en')).toBe(1);
    expect(localeWeekStart('fr')).toBe(1);
    expect(localeWeekStart('not a locale')).toBe(1);
  });

  it('honours a first day written into the tag', () => {
    expect(localeWeekStart('en-US-u-fw-mon')).toBe(1);
    expect(localeWeekStart('en-GB-u-fw-sun')).toBe(7);
  });
});

describe('weekStartOf', () => {
  it("takes the person's choice over their locale's", () => {
    expect(weekStartOf({ weekStartsOn: 1, locale: 'en-IN' })).toBe(1);
    expect(weekStartOf({ weekStartsOn: 7, locale: 'de-DE' })).toBe(7);
  });

  it("follows the locale's when there is no choice", () => {
    expect(weekStartOf({ weekStartsOn: null, locale: 'en-IN' })).toBe(7);
    expect(weekStartOf({ weekStartsOn: null, locale: 'en-GB' })).toBe(1);
  });
});

describe('startOfWeek', () => {
  it('goes back to the last first day, today included', () => {
    // 2026-12-06 is a Sunday.
    expect(startOfWeek('2026-12-06', 7)).toBe('2026-12-06');
    expect(startOfWeek('2026-12-06', 1)).toBe('2026-11-30');
    expect(startOfWeek('2026-12-07', 7)).toBe('2026-12-06');
    expect(startOfWeek('2026-12-07', 1)).toBe('2026-12-07');
    expect(startOfWeek('2026-12-04', 6)).toBe('2026-11-28');
    expect(startOfWeek('2027-01-02', 1)).toBe('2026-12-28');
  });
});

describe('isWeekday', () => {
  it('takes whole numbers 1 to 7 only', () => {
    expect([0, 1, 7, 8, 1.5, '1', null].map(isWeekday)).toEqual([
      false,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});
