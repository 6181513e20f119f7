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
// Each language's words for the period, and for "every" before it. Keys in NFKC, as
// messages are read (Devanagari letters with a nukta come apart in NFKC).
const UNIT_WORDS: Record<Recurring['frequency'], string[]> = {
  DAILY: ['day', 'days', 'dia', 'dias', 'día', 'días', 'hari', 'दिन', 'din'],
  // prettier-ignore
  WEEKLY: [
    'week', 'weeks', 'semana', 'semanas', 'minggu', 'pekan', 'हफ्ते', 'हफ़्ते', 'हफ्ता', 'हफ़्ता',
    'सप्ताह', 'hafte', 'hafta',
  ],
  // prettier-ignore
  MONTHLY: [
    'month', 'months', 'mês', 'mes', 'meses', 'bulan', 'महीने', 'महीना', 'mahine', 'mahina',
    'maheene',
  ],
  YEARLY: ['year', 'years', 'ano', 'anos', 'año', 'años', 'tahun', 'साल', 'saal', 'sal'],
};
const UNITS = new Map(
  Object.entries(UNIT_WORDS).flatMap(([frequency, words]) =>
    words.map((word) => [word.normalize('NFKC'), frequency as Recurring['frequency']] as const),
  ),
);
// prettier-ignore
const EVERY = [
  'every', 'each', 'todo', 'toda', 'todos os', 'todas as', 'a cada', 'cada', 'todos los',
  'todas las', 'setiap', 'tiap', 'हर', 'har',
];
const alternatives = (words: Iterable<string>) =>
  [...words]
    .map((word) => word.normalize('NFKC').replace(/ /g, '\\s+'))
    .sort((a, b) => b.length - a.length)
    .join('|');

// Letters, marks (Devanagari vowel signs) and digits: what may not touch a matched word.
const BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';
const AFTER = '(?![\\p{L}\\p{M}\\p{N}])';

// "every 2 weeks", "every month", "each year", "every friday", "every other week", "todo
// mês", "cada semana", "setiap bulan", "हर महीने". A bare "monthly" or "weekly" is not
// enough: "monthly internet bill 999" is often one bill.
const REPEAT = new RegExp(
  `${BEFORE}(?:(?:${alternatives(EVERY)})\\s+(?:(other|\\d{1,2})\\s+)?(${alternatives(UNITS.keys())})` +
    `|(?:every|each)\\s+(${WEEKDAY})s?)${AFTER}`,
  'iu',
);
// "on 1st", "on the 15th", "on 1st of every month", "on friday(s)", "dia 5", "el día 5",
// "tanggal 5", "5 तारीख को".
const ON_DAY = new RegExp(
  `${BEFORE}(?:on\\s+(?:the\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?` +
    `(?:\\s+of\\s+(?:the|every|each)\\s+month)?|(${WEEKDAY})s?)` +
    `|(?:(?:no|el)\\s+)?d[ií]a\\s+(\\d{1,2})|(?:pada\\s+)?(?:tanggal|tgl)\\s+(\\d{1,2})` +
    `|(\\d{1,2})\\s+(?:तारीख|tarikh|tareekh|tarik)(?:\\s+(?:को|ko))?)${AFTER}`,
  'iu',
);

// "on the 1st of every month", "dia 5 de cada mês", "el día 5 de cada mes", "setiap
// tanggal 5": the repetition comes inside the day.
const MONTH_DAY = new RegExp(
  `${BEFORE}(?:on\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+of\\s+(?:every|each)\\s+month` +
    `|(?:(?:todo|el)\\s+)?d[ií]a\\s+(\\d{1,2})\\s+de\\s+(?:cada|todo)\\s+m[eê]s` +
    `|(?:setiap|tiap)\\s+(?:tanggal|tgl)\\s+(\\d{1,2}))${AFTER}`,
  'iu',
);

// "todo dia 5 aluguel 1500": the 5th of each month when another number is the amount;
// "todo dia 30 almoço" is 30 every day.
const EVERY_DAY_NUMBER =
  /(?<![\p{L}\p{M}\p{N}])todo\s+dia\s+(\d{1,2})(?![\p{L}\p{M}\p{N}]|[.,]\d)/iu;
const DIGIT = /\d/;

export interface RecurrenceMatch {
  rule: Omit<Recurring, 'expense'>;
  /** The message without the repetition words, to read as an expense. */
  rest: string;
  /** Set when the words contradict each other ("every week on the 15th"). */
  problem?: string;
}

const cut = (text: string, match: RegExpExecArray) =>
  `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;

const day = (match: RegExpExecArray) => Number(match.slice(1).find((group) => group !== undefined));

const monthly = (dayOfMonth: number): RecurrenceMatch['rule'] => ({
  frequency: 'MONTHLY',
  interval: 1,
  dayOfMonth,
  dayOfWeek: null,
});

/** The repetition a message asks for, or null when it names none. */
export function matchRecurrence(source: string): RecurrenceMatch | null {
  const monthDay = MONTH_DAY.exec(source);
  if (monthDay) return { rule: monthly(day(monthDay)), rest: cut(source, monthDay) };
  const everyDay = EVERY_DAY_NUMBER.exec(source);
  if (everyDay && DIGIT.test(cut(source, everyDay))) {
    return { rule: monthly(Number(everyDay[1])), rest: cut(source, everyDay) };
  }
  const repeat = REPEAT.exec(source);
  if (!repeat) return null;
  const [, count, unit, everyWeekday] = repeat;
  let rest = cut(source, repeat);
  const rule: RecurrenceMatch['rule'] = {
    frequency: everyWeekday ? 'WEEKLY' : UNITS.get(unit!.toLowerCase())!,
    interval: count === undefined ? 1 : count.toLowerCase() === 'other' ? 2 : Number(count),
    dayOfMonth: null,
    dayOfWeek: everyWeekday ? WEEKDAY_NUMBERS[everyWeekday.toLowerCase()]! : null,
  };
  const on = ON_DAY.exec(rest);
  if (on) {
    const [, , weekday] = on;
    const date = weekday === undefined ? day(on) : undefined;
    if (date !== undefined && (rule.frequency === 'MONTHLY' || rule.frequency === 'YEARLY'))
      rule.dayOfMonth = date;
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
