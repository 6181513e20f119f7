// "every month 15000 rent on 1st", "300 cleaning every week", "monthly 499 netflix":
// a repeating expense. The repetition is read off the words; what is left is read as
// one ordinary expense (amount, currency, category, note).

import type { ParsedExpense, Recurring, UnknownResult } from './types.ts';

const WEEKDAY_NUMBERS: Record<string, number> = {
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  sun: 7,
  sunday: 7,
};
const WEEKDAY = Object.keys(WEEKDAY_NUMBERS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const UNITS: Record<string, Recurring['frequency']> = {
  day: 'DAILY',
  week: 'WEEKLY',
  month: 'MONTHLY',
  year: 'YEARLY',
};

// "every 2 weeks", "every month", "each year", "every friday", "every other week". A bare
// "monthly" or "weekly" is not enough: "monthly internet bill 999" is often one bill.
const REPEAT = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:every|each)\\s+(?:(other|\\d{1,2})\\s+)?(day|week|month|year)s?` +
    `|(?:every|each)\\s+(${WEEKDAY})s?)(?![\\p{L}\\p{N}])`,
  'iu',
);
// "on 1st", "on the 15th", "on 1st of every month", "on friday(s)".
const ON_DAY = new RegExp(
  `(?<![\\p{L}\\p{N}])on\\s+(?:the\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?` +
    `(?:\\s+of\\s+(?:the|every|each)\\s+month)?|(${WEEKDAY})s?)(?![\\p{L}\\p{N}])`,
  'iu',
);

// "on the 1st of every month", where the repetition comes inside the day.
const MONTH_DAY = new RegExp(
  `(?<![\\p{L}\\p{N}])on\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+of\\s+(?:every|each)\\s+month(?![\\p{L}\\p{N}])`,
  'iu',
);

export interface RecurrenceMatch {
  rule: Omit<Recurring, 'expense'>;
  /** The message without the repetition words, to read as an expense. */
  rest: string;
  /** Set when the words contradict each other ("every week on the 15th"). */
  problem?: string;
}

const cut = (text: string, match: RegExpExecArray) =>
  `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;

/** The repetition a message asks for, or null when it names none. */
export function matchRecurrence(source: string): RecurrenceMatch | null {
  const monthDay = MONTH_DAY.exec(source);
  if (monthDay) {
    return {
      rule: { frequency: 'MONTHLY', interval: 1, dayOfMonth: Number(monthDay[1]), dayOfWeek: null },
      rest: cut(source, monthDay),
    };
  }
  const repeat = REPEAT.exec(source);
  if (!repeat) return null;
  const [, count, unit, everyWeekday] = repeat;
  let rest = cut(source, repeat);
  const rule: RecurrenceMatch['rule'] = {
    frequency: everyWeekday ? 'WEEKLY' : UNITS[unit!.toLowerCase()]!,
    interval: count === undefined ? 1 : count.toLowerCase() === 'other' ? 2 : Number(count),
    dayOfMonth: null,
    dayOfWeek: everyWeekday ? WEEKDAY_NUMBERS[everyWeekday.toLowerCase()]! : null,
  };
  const on = ON_DAY.exec(rest);
  if (on) {
    const [, day, weekday] = on;
    if (day !== undefined && (rule.frequency === 'MONTHLY' || rule.frequency === 'YEARLY'))
      rule.dayOfMonth = Number(day);
    else if (weekday !== undefined && rule.frequency === 'WEEKLY')
      rule.dayOfWeek = WEEKDAY_NUMBERS[weekday.toLowerCase()]!;
    else return { rule, rest, problem: `"${on[0]}" does not fit "${repeat[0]}".` };
    rest = cut(rest, on);
  }
  return { rule, rest };
}

const EXAMPLE = 'A repeating expense looks like "every month 15000 rent on 1st".';

/** Why a repetition cannot be saved, or null when it can. */
export function recurrenceProblem(
  { rule, problem: contradiction }: RecurrenceMatch,
  expenses: readonly ParsedExpense[],
): UnknownResult | null {
  const problem = (detail: string): UnknownResult => ({
    kind: 'unknown',
    reason: 'invalid_recurrence',
    detail: `${detail} ${EXAMPLE}`,
  });
  if (contradiction) return problem(contradiction);
  if (rule.interval < 1) return problem('It has to repeat at least every 1 period.');
  if (rule.dayOfMonth !== null && (rule.dayOfMonth < 1 || rule.dayOfMonth > 31))
    return problem(`There is no day ${rule.dayOfMonth} in a month.`);
  if (expenses.length !== 1) return problem('Send one repeating expense at a time.');
  if (expenses[0]!.dateExplicit) return problem('It starts today; leave the date out.');
  return null;
}
