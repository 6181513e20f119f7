import { describe, expect, it } from 'vitest';
import { dayNumber, isoDate } from './calendar.ts';
import { matchDate, type Calendar } from './dates.ts';
import { normalize, tokenize } from './tokenize.ts';

// Tuesday, 24 November 2026.
const india: Calendar = { today: dayNumber(2026, 11, 24), dayFirst: true };
const us: Calendar = { ...india, dayFirst: false };

function dateOf(text: string, cal = india, years = true): string | null {
  const tokens = tokenize(text);
  const found = matchDate(tokens, 0, tokens.length, cal, { years });
  if (found === null) return null;
  const span = `${found.start}-${found.end}`;
  if (found.error === 'invalid') return `invalid ${span}`;
  return `${found.error === 'future' ? 'future ' : ''}${isoDate(found.day)} ${span}`;
}

describe('matchDate', () => {
  it('reads relative days in Portuguese, Spanish, Indonesian and Hindi', () => {
    expect(dateOf('ontem')).toBe('2026-11-23 0-1');
    expect(dateOf('anteontem')).toBe('2026-11-22 0-1');
    expect(dateOf('ayer')).toBe('2026-11-23 0-1');
    expect(dateOf('anteayer')).toBe('2026-11-22 0-1');
    expect(dateOf('kemarin')).toBe('2026-11-23 0-1');
    expect(dateOf('kemarin lusa')).toBe('2026-11-22 0-2');
    expect(dateOf('hari ini')).toBe('2026-11-24 0-2');
    expect(dateOf(normalize('कल'))).toBe('2026-11-23 0-1');
    expect(dateOf(normalize('परसों'))).toBe('2026-11-22 0-1');
  });

  it('reads weekdays, months and days of the month in those languages', () => {
    expect(dateOf('segunda-feira')).toBe('2026-11-23 0-3');
    expect(dateOf('na sexta')).toBe('2026-11-20 0-2');
    expect(dateOf('el sábado')).toBe('2026-11-21 0-2');
    expect(dateOf('hari minggu')).toBe('2026-11-22 0-2');
    expect(dateOf('minggu')).toBeNull();
    expect(dateOf(normalize('शनिवार'))).toBe('2026-11-21 0-1');
    expect(dateOf('somvar')).toBe('2026-11-23 0-1');
    expect(dateOf('dia 3')).toBe('2026-11-03 0-2');
    expect(dateOf('dia 30')).toBe('2026-10-30 0-2');
    expect(dateOf('dia 20rb')).toBeNull();
    expect(dateOf('el 3 de diciembre')).toBe('2025-12-03 0-4');
    expect(dateOf('em 5 de novembro')).toBe('2026-11-05 0-4');
    expect(dateOf('tanggal 3')).toBe('2026-11-03 0-2');
    expect(dateOf('12 oktober')).toBe('2026-10-12 0-2');
    // Marco is a name ("pix marco 20"); only março with its cedilla is March.
    expect(dateOf('marco 20')).toBeNull();
    expect(dateOf('março 20')).toBe('2026-03-20 0-2');
    expect(dateOf(normalize('3 तारीख'))).toBe('2026-11-03 0-2');
    expect(dateOf(normalize('5 नवंबर'))).toBe('2026-11-05 0-2');
  });

  it('reads relative days', () => {
    expect(dateOf('today')).toBe('2026-11-24 0-1');
    expect(dateOf('yesterday')).toBe('2026-11-23 0-1');
    expect(dateOf('yday')).toBe('2026-11-23 0-1');
    expect(dateOf('kal')).toBe('2026-11-23 0-1');
    expect(dateOf('day before yesterday')).toBe('2026-11-22 0-3');
    // The number before it is the amount ("cab 180 day before yesterday"), not "180 days".
    expect(dateOf('180 day before yesterday')).toBeNull();
    expect(dateOf('2 days before')).toBe('2026-11-22 0-3');
    expect(dateOf('parso')).toBe('2026-11-22 0-1');
    expect(dateOf('last night')).toBe('2026-11-23 0-2');
    expect(dateOf('3 days ago')).toBe('2026-11-21 0-3');
    expect(dateOf('2 din pehle')).toBe('2026-11-22 0-3');
    expect(dateOf('a week ago')).toBe('2026-11-17 0-3');
    expect(dateOf('2 weeks back')).toBe('2026-11-10 0-3');
  });

  it('flags tomorrow as the future', () => {
    expect(dateOf('tomorrow')).toBe('future 2026-11-25 0-1');
  });

  it('takes a weekday as the latest one not after today', () => {
    expect(dateOf('tuesday')).toBe('2026-11-24 0-1');
    expect(dateOf('monday')).toBe('2026-11-23 0-1');
    expect(dateOf('wednesday')).toBe('2026-11-18 0-1');
    expect(dateOf('on mon')).toBe('2026-11-23 0-2');
  });

  it('takes "last" weekday as strictly before today', () => {
    expect(dateOf('last tuesday')).toBe('2026-11-17 0-2');
    expect(dateOf('last friday')).toBe('2026-11-20 0-2');
    expect(dateOf('prev sat')).toBe('2026-11-21 0-2');
  });

  it('reads abbreviated weekdays only after a leading word', () => {
    expect(dateOf('sat')).toBeNull();
    expect(dateOf('sun')).toBeNull();
  });

  it('reads day and month names in either order, with ordinals and years', () => {
    expect(dateOf('12 jan')).toBe('2026-01-12 0-2');
    expect(dateOf('jan 12')).toBe('2026-01-12 0-2');
    expect(dateOf('12th of january')).toBe('2026-01-12 0-4');
    expect(dateOf('jan 12th 2025')).toBe('2025-01-12 0-4');
    expect(dateOf('january 12, 2025')).toBe('2025-01-12 0-4');
  });

  it('takes a date without a year as the latest one not after today', () => {
    expect(dateOf('24 nov')).toBe('2026-11-24 0-2');
    expect(dateOf('25 nov')).toBe('2025-11-25 0-2');
    expect(dateOf('29 feb')).toBe('2024-02-29 0-2');
  });

  it('flags an explicit future year and impossible days', () => {
    expect(dateOf('12 jan 2027')).toBe('future 2027-01-12 0-3');
    expect(dateOf('31 apr')).toBe('invalid 0-2');
    expect(dateOf('29/02/2026')).toBe('invalid 0-1');
  });

  it('does not take an implausible number for a year', () => {
    expect(dateOf('sept 3 2500')).toBe('2026-09-03 0-2');
    expect(dateOf('jan 12 2000', india, false)).toBe('2026-01-12 0-2');
  });

  it('reads numeric dates in the locale’s order', () => {
    expect(dateOf('12/01')).toBe('2026-01-12 0-1');
    expect(dateOf('12/01', us)).toBe('2025-12-01 0-1');
    expect(dateOf('24/11', us)).toBe('2026-11-24 0-1');
    expect(dateOf('12/1/26')).toBe('2026-01-12 0-1');
    expect(dateOf('2026-01-12', us)).toBe('2026-01-12 0-1');
    expect(dateOf('12.01.2026', us)).toBe('2026-01-12 0-1');
  });

  it('ignores numeric runs that cannot be dates', () => {
    expect(dateOf('50/50')).toBeNull();
    expect(dateOf('13/13')).toBeNull();
  });

  it('reads an ordinal alone as a day of this or last month', () => {
    expect(dateOf('5th')).toBe('2026-11-05 0-2');
    expect(dateOf('on 30th')).toBe('2026-10-30 0-3');
    expect(dateOf('31st')).toBe('2026-10-31 0-2');
  });

  it('leaves plain numbers and other words alone', () => {
    expect(dateOf('50')).toBeNull();
    expect(dateOf('may')).toBeNull();
    expect(dateOf('petrol')).toBeNull();
    expect(dateOf('last week')).toBeNull();
  });
});
