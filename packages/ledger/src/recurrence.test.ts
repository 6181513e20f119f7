import { describe, expect, it } from 'vitest';
import { localTime } from './local-dates.ts';
import {
  describeRecurrence,
  dueOccurrences,
  firstRun,
  nextOccurrence,
  normalizeRecurrence,
  type Recurrence,
} from './recurrence.ts';

/** The first `n` occurrences of a rule from its start. */
function first(rule: Recurrence, n: number): string[] {
  const dates: string[] = [];
  let date: string | null = null;
  while (dates.length < n) {
    date = nextOccurrence(rule, date);
    if (date === null) break;
    dates.push(date);
  }
  return dates;
}

describe('nextOccurrence', () => {
  it('repeats monthly on a day, using the last day of shorter months', () => {
    const rule: Recurrence = {
      frequency: 'MONTHLY',
      interval: 1,
      dayOfMonth: 31,
      startsOn: '2027-01-15',
    };
    expect(first(rule, 5)).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
    ]);
    expect(first({ ...rule, startsOn: '2028-01-31' }, 2)).toEqual(['2028-01-31', '2028-02-29']);
  });

  it('takes the start’s day and weekday when the rule names none', () => {
    expect(first({ frequency: 'MONTHLY', interval: 1, startsOn: '2026-12-02' }, 2)).toEqual([
      '2026-12-02',
      '2027-01-02',
    ]);
    // 2 December 2026 is a Wednesday.
    expect(first({ frequency: 'WEEKLY', interval: 1, startsOn: '2026-12-02' }, 2)).toEqual([
      '2026-12-02',
      '2026-12-09',
    ]);
  });

  it('repeats every other week on a weekday, never before the start', () => {
    const rule: Recurrence = {
      frequency: 'WEEKLY',
      interval: 2,
      dayOfWeek: 1,
      startsOn: '2026-12-02',
    };
    expect(first(rule, 3)).toEqual(['2026-12-14', '2026-12-28', '2027-01-11']);
  });

  it('repeats daily and yearly, and stops after its end', () => {
    expect(
      first({ frequency: 'DAILY', interval: 3, startsOn: '2026-12-30', endsOn: '2027-01-06' }, 9),
    ).toEqual(['2026-12-30', '2027-01-02', '2027-01-05']);
    const birthday: Recurrence = {
      frequency: 'YEARLY',
      interval: 1,
      monthOfYear: 2,
      dayOfMonth: 29,
      startsOn: '2027-01-01',
    };
    expect(first(birthday, 2)).toEqual(['2027-02-28', '2028-02-29']);
  });

  it('finds the next one far from the start without missing any', () => {
    const rule: Recurrence = {
      frequency: 'MONTHLY',
      interval: 1,
      dayOfMonth: 1,
      startsOn: '2020-01-01',
    };
    expect(nextOccurrence(rule, '2026-12-01')).toBe('2027-01-01');
    expect(nextOccurrence(rule, '2026-11-30')).toBe('2026-12-01');
    const yearly: Recurrence = { frequency: 'YEARLY', interval: 1, startsOn: '1990-12-31' };
    expect(nextOccurrence(yearly, '2026-12-30')).toBe('2026-12-31');
  });

  it('refuses rules that cannot happen', () => {
    expect(() =>
      normalizeRecurrence({ frequency: 'DAILY', interval: 0, startsOn: '2026-12-01' }),
    ).toThrow('interval');
    expect(() =>
      normalizeRecurrence({
        frequency: 'WEEKLY',
        interval: 1,
        dayOfWeek: 8,
        startsOn: '2026-12-01',
      }),
    ).toThrow('day of the week');
    expect(() =>
      normalizeRecurrence({
        frequency: 'DAILY',
        interval: 1,
        startsOn: '2026-12-01',
        endsOn: '2026-11-01',
      }),
    ).toThrow('end before');
  });
});

describe('localTime', () => {
  it('is the zone’s wall-clock hour, across offsets', () => {
    expect(localTime('2026-12-01', 9, 'Asia/Kolkata').toISOString()).toBe(
      '2026-12-01T03:30:00.000Z',
    );
    expect(localTime('2026-07-01', 9, 'America/New_York').toISOString()).toBe(
      '2026-07-01T13:00:00.000Z',
    );
    expect(localTime('2026-12-01', 9, 'America/New_York').toISOString()).toBe(
      '2026-12-01T14:00:00.000Z',
    );
  });

  it('comes at the end of a skipped hour and at the first of a doubled one', () => {
    // New York skips 02:00-03:00 on 8 March 2026 and repeats 01:00-02:00 on 1 November.
    expect(localTime('2026-03-08', 2, 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    expect(localTime('2026-11-01', 1, 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:00:00.000Z',
    );
    // Chatham Islands: +13:45 in summer.
    expect(localTime('2027-01-10', 9, 'Pacific/Chatham').toISOString()).toBe(
      '2027-01-09T19:15:00.000Z',
    );
  });
});

describe('dueOccurrences', () => {
  const daily: Recurrence = { frequency: 'DAILY', interval: 1, startsOn: '2026-03-06' };

  it('returns every day missed while down, at 09:00 local across a DST change', () => {
    // Down from 6 March to 10 March 12:00 in New York (clocks moved on the 8th).
    const now = new Date('2026-03-10T16:00:00Z');
    const { dates, next } = dueOccurrences(daily, '2026-03-06', now, 'America/New_York');
    expect(dates).toEqual(['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
    expect(next?.date).toBe('2026-03-11');
    expect(next?.at.toISOString()).toBe('2026-03-11T13:00:00.000Z'); // 09:00 EDT
  });

  it('waits for 09:00 of the day, and stops at the end and at the limit', () => {
    const early = new Date('2026-03-06T13:59:00Z'); // 08:59 EST
    expect(dueOccurrences(daily, '2026-03-06', early, 'America/New_York').dates).toEqual([]);
    const ended = { ...daily, endsOn: '2026-03-07' };
    const later = new Date('2026-03-20T12:00:00Z');
    expect(dueOccurrences(ended, '2026-03-06', later, 'America/New_York')).toEqual({
      dates: ['2026-03-06', '2026-03-07'],
      next: null,
    });
    expect(dueOccurrences(daily, '2026-03-06', later, 'America/New_York', 3).dates).toHaveLength(3);
  });
});

describe('firstRun', () => {
  const monthly: Recurrence = {
    frequency: 'MONTHLY',
    interval: 1,
    dayOfMonth: 1,
    startsOn: '2026-12-02',
  };

  it('is the next due day from today, today included', () => {
    const now = new Date('2026-12-02T06:00:00Z');
    expect(firstRun(monthly, now, 'Asia/Kolkata')).toEqual({
      date: '2027-01-01',
      at: new Date('2027-01-01T03:30:00Z'),
    });
    const onTheFirst = { ...monthly, startsOn: '2027-01-01' };
    expect(firstRun(onTheFirst, new Date('2027-01-01T10:00:00Z'), 'Asia/Kolkata')?.date).toBe(
      '2027-01-01',
    );
  });
});

describe('describeRecurrence', () => {
  it.each([
    [{ frequency: 'MONTHLY', interval: 1, dayOfMonth: 1 }, 'every month on the 1st'],
    [{ frequency: 'MONTHLY', interval: 1, dayOfMonth: 22 }, 'every month on the 22nd'],
    [{ frequency: 'MONTHLY', interval: 3, dayOfMonth: 13 }, 'every 3 months on the 13th'],
    [{ frequency: 'WEEKLY', interval: 2, dayOfWeek: 5 }, 'every 2 weeks on Friday'],
    [{ frequency: 'DAILY', interval: 1 }, 'every day'],
    [
      { frequency: 'YEARLY', interval: 1, monthOfYear: 3, dayOfMonth: 15 },
      'every year on 15 March',
    ],
  ] as const)('says %o as "%s"', (rule, text) => {
    expect(describeRecurrence({ ...rule, startsOn: '2026-12-02' }, 'en-IN')).toBe(text);
  });

  it.each([
    ['pt-BR', { frequency: 'MONTHLY', interval: 1, dayOfMonth: 1 }, 'todo mês no dia 1'],
    ['es-MX', { frequency: 'WEEKLY', interval: 2, dayOfWeek: 1 }, 'cada 2 semanas, el lunes'],
    ['hi-IN', { frequency: 'WEEKLY', interval: 1, dayOfWeek: 1 }, 'हर हफ़्ते सोमवार को'],
    ['id-ID', { frequency: 'DAILY', interval: 3 }, 'setiap 3 hari'],
    [
      'pt-BR',
      { frequency: 'YEARLY', interval: 1, monthOfYear: 3, dayOfMonth: 15 },
      'todo ano em 15 de março',
    ],
  ] as const)('says it in %s: %o as "%s"', (locale, rule, text) => {
    expect(describeRecurrence({ ...rule, startsOn: '2026-12-02' }, locale)).toBe(text);
  });
});
