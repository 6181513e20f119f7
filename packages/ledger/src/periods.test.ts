import { describe, expect, it } from 'vitest';
import { localDateOf, startOfLocalDay } from './local-dates.ts';
import { daysSpan, periodRange } from './periods.ts';

const iso = (d: Date) => d.toISOString();

describe('startOfLocalDay', () => {
  it('is local midnight as a UTC instant', () => {
    expect(iso(startOfLocalDay('2026-03-08', 'Asia/Kolkata'))).toBe('2026-03-07T18:30:00.000Z');
    expect(iso(startOfLocalDay('2026-03-08', 'America/New_York'))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(startOfLocalDay('2026-03-09', 'America/New_York'))).toBe('2026-03-09T04:00:00.000Z');
  });

  it('starts a day whose midnight a DST change skips at the moment clocks jump', () => {
    // Santiago moves from -04 to -03 at 00:00 on 2026-09-06: there is no 00:00 that day.
    expect(iso(startOfLocalDay('2026-09-06', 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
    expect(localDateOf(new Date('2026-09-06T03:59:59Z'), 'America/Santiago')).toBe('2026-09-05');
  });
});

describe('periodRange', () => {
  it('cuts today at local midnights, yesterday before it', () => {
    // 23:30 UTC on the 7th is already the 8th in Kolkata.
    const range = periodRange('TODAY', new Date('2026-03-07T23:30:00Z'), 'Asia/Kolkata');
    expect(range.firstDay).toBe('2026-03-08');
    expect(iso(range.start)).toBe('2026-03-07T18:30:00.000Z');
    expect(iso(range.end)).toBe('2026-03-08T18:30:00.000Z');
    expect(range.previous.firstDay).toBe('2026-03-07');
    expect(iso(range.previous.start)).toBe('2026-03-06T18:30:00.000Z');
    expect(range.previous.end).toEqual(range.start);
  });

  it('makes the day clocks spring forward 23 hours long in New York', () => {
    const range = periodRange('TODAY', new Date('2026-03-08T15:00:00Z'), 'America/New_York');
    expect(iso(range.start)).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(range.end)).toBe('2026-03-09T04:00:00.000Z');
    expect(range.end.getTime() - range.start.getTime()).toBe(23 * 3600_000);
  });

  it('starts Monday weeks on Monday, wherever in the week today is', () => {
    // Sunday 2026-03-08 belongs to the week of Monday 2026-03-02.
    const monday = { weekStartsOn: 1 } as const;
    const range = periodRange('WEEK', new Date('2026-03-08T15:00:00Z'), 'America/New_York', monday);
    expect([range.firstDay, range.lastDay]).toEqual(['2026-03-02', '2026-03-08']);
    expect(iso(range.start)).toBe('2026-03-02T05:00:00.000Z');
    expect(iso(range.end)).toBe('2026-03-09T04:00:00.000Z');
    expect([range.previous.firstDay, range.previous.lastDay]).toEqual(['2026-02-23', '2026-03-01']);
    const next = periodRange('WEEK', new Date('2026-03-09T04:00:00Z'), 'America/New_York', monday);
    expect(next.firstDay).toBe('2026-03-09');
  });

  it('starts Sunday weeks on Sunday: 23:51 on Sunday and 00:05 on Monday share a week', () => {
    const sunday = { weekStartsOn: 7 } as const;
    // 23:51 IST on Sunday 2026-12-06, then 00:05 IST on Monday 2026-12-07.
    const late = periodRange('WEEK', new Date('2026-12-06T18:21:00Z'), 'Asia/Kolkata', sunday);
    const early = periodRange('WEEK', new Date('2026-12-06T18:35:00Z'), 'Asia/Kolkata', sunday);
    expect([late.firstDay, late.lastDay]).toEqual(['2026-12-06', '2026-12-12']);
    expect(early).toEqual(late);
    expect(iso(late.start)).toBe('2026-12-05T18:30:00.000Z');
    expect([late.previous.firstDay, late.previous.lastDay]).toEqual(['2026-11-29', '2026-12-05']);
    // With Monday weeks the same two moments fall in different weeks.
    const monday = { weekStartsOn: 1 } as const;
    const before = periodRange('WEEK', new Date('2026-12-06T18:21:00Z'), 'Asia/Kolkata', monday);
    const after = periodRange('WEEK', new Date('2026-12-06T18:35:00Z'), 'Asia/Kolkata', monday);
    expect([before.firstDay, after.firstDay]).toEqual(['2026-11-30', '2026-12-07']);
  });

  it('starts a Saturday week on the Saturday before, in the zone of the person', () => {
    // 20:00 on Friday 2026-12-04 in New York is already Saturday in UTC.
    const range = periodRange('WEEK', new Date('2026-12-05T01:00:00Z'), 'America/New_York', {
      weekStartsOn: 6,
    });
    expect([range.firstDay, range.lastDay]).toEqual(['2026-11-28', '2026-12-04']);
  });

  it('refuses a week without its first day rather than guess one', () => {
    const options = {} as { weekStartsOn: 1 };
    expect(() => periodRange('WEEK', new Date(), 'UTC', options)).toThrow(/first day/);
  });

  it('spans calendar months, the previous one included across a year end', () => {
    const range = periodRange('MONTH', new Date('2026-01-15T12:00:00Z'), 'Asia/Kolkata');
    expect([range.firstDay, range.lastDay]).toEqual(['2026-01-01', '2026-01-31']);
    expect([range.previous.firstDay, range.previous.lastDay]).toEqual(['2025-12-01', '2025-12-31']);
    const march = periodRange('MONTH', new Date('2026-03-20T12:00:00Z'), 'America/New_York');
    expect(iso(march.start)).toBe('2026-03-01T05:00:00.000Z');
    expect(iso(march.end)).toBe('2026-04-01T04:00:00.000Z');
    expect(march.previous.lastDay).toBe('2026-02-28');
  });

  it('spans the local year', () => {
    const range = periodRange('YEAR', new Date('2025-12-31T20:00:00Z'), 'Asia/Kolkata');
    expect(range.firstDay).toBe('2026-01-01');
    expect(iso(range.start)).toBe('2025-12-31T18:30:00.000Z');
    expect(range.previous.firstDay).toBe('2025-01-01');
  });

  it('takes custom dates inclusively and compares with as many days before', () => {
    const range = periodRange('CUSTOM', new Date(), 'Asia/Kolkata', {
      from: '2026-03-10',
      to: '2026-03-16',
    });
    expect(iso(range.start)).toBe('2026-03-09T18:30:00.000Z');
    expect(iso(range.end)).toBe('2026-03-16T18:30:00.000Z');
    expect([range.previous.firstDay, range.previous.lastDay]).toEqual(['2026-03-03', '2026-03-09']);
  });

  it('refuses custom periods that are missing, reversed, malformed or too long', () => {
    const now = new Date();
    expect(() => periodRange('CUSTOM', now, 'UTC')).toThrow(/both from and to/);
    expect(() =>
      periodRange('CUSTOM', now, 'UTC', { from: '2026-03-10', to: '2026-03-01' }),
    ).toThrow(/after/);
    expect(() =>
      periodRange('CUSTOM', now, 'UTC', { from: '2026-02-30', to: '2026-03-01' }),
    ).toThrow(/YYYY-MM-DD/);
    expect(() =>
      periodRange('CUSTOM', now, 'UTC', { from: '2000-01-01', to: '2026-01-01' }),
    ).toThrow(/at most/);
  });
});

describe('daysSpan', () => {
  it('covers the local days inclusively, as long as they were lived', () => {
    const span = daysSpan('2026-03-08', '2026-03-08', 'America/New_York');
    expect(span.start.toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(span.end.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    const week = daysSpan('2026-11-23', '2026-11-29', 'Asia/Kolkata');
    expect([week.firstDay, week.lastDay]).toEqual(['2026-11-23', '2026-11-29']);
    expect(week.end.toISOString()).toBe('2026-11-29T18:30:00.000Z');
  });
});

describe('localDateOf', () => {
  // One formatter per zone: building one per instant made the sweep below take seconds.
  const formatters = new Map<string, Intl.DateTimeFormat>();
  const reference = (instant: Date, timeZone: string) => {
    let format = formatters.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      formatters.set(timeZone, format);
    }
    return format.format(instant);
  };

  it('agrees with Intl across offset changes, odd historical offsets and skipped days', () => {
    const around: [string, string][] = [
      ['America/New_York', '2026-03-08T07:00:00Z'],
      ['America/New_York', '2026-11-01T06:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'], // half-hour change
      ['Africa/Monrovia', '1972-01-07T00:44:30Z'], // -0:44:30 to UTC
      ['Pacific/Apia', '2011-12-30T10:00:00Z'], // the day Samoa skipped
      ['America/Santiago', '2026-09-06T04:00:00Z'], // midnight skipped
      ['Asia/Kathmandu', '2026-06-01T18:15:00Z'],
    ];
    for (const [timeZone, at] of around) {
      const centre = Date.parse(at);
      // Every 7 min 31 s for two days around the change, seconds and quarters both crossed.
      for (let step = -383; step <= 383; step++) {
        const instant = new Date(centre + step * 451_000 + (step % 7) * 137);
        const [got, want] = [localDateOf(instant, timeZone), reference(instant, timeZone)];
        // Compared as plain strings first: building a message per step costs more than the check.
        if (got !== want) expect(`${timeZone} ${instant.toISOString()} ${got}`).toBe(want);
      }
    }
  });
});
