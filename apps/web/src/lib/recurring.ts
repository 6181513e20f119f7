// The recurring-expense form: what a person typed, checked and turned into the api's
// input. Only the day fields that fit the frequency are sent; the api fills the rest.
import type { Translate } from './api-words.ts';
import { graphql, type ResultOf } from './graphql/graphql.ts';
import { localDateFormat } from './local-date-format.ts';
import { toMajor, toMinor } from './money.ts';

/** A rule as the recurring page lists it and its forms answer it. */
export const RecurringRuleFields = graphql(`
  fragment RecurringRuleFields on RecurringExpense @_unmask {
    id
    kind
    amount {
      amountMinor
      currency
      amount
      formatted
    }
    category {
      id
      name
      emoji
      archived
    }
    note
    frequency
    interval
    dayOfMonth
    dayOfWeek
    monthOfYear
    description
    paused
    ended
    nextRunOn
  }
`);

export type RecurringExpense = ResultOf<typeof RecurringRuleFields>;
type Frequency = RecurringExpense['frequency'];

export const FREQUENCIES: readonly Frequency[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];

/** The form's fields as typed, so a refused form comes back as it was. */
export interface RuleValues {
  amount: string;
  category: string;
  note: string;
  frequency: string;
  interval: string;
  dayOfMonth: string;
  dayOfWeek: string;
  monthOfYear: string;
}

export interface RuleInput {
  amountMinor: string;
  categoryId: string | null;
  note: string | null;
  frequency: Frequency;
  interval: number;
  dayOfMonth: number | null;
  dayOfWeek: number | null;
  monthOfYear: number | null;
}

export type Parsed = { input: RuleInput } | { fields: Record<string, string> };

export function ruleValues(form: FormData): RuleValues {
  const get = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  return {
    amount: get('amount'),
    category: get('category'),
    note: get('note'),
    frequency: get('frequency'),
    interval: get('interval'),
    dayOfMonth: get('dayOfMonth'),
    dayOfWeek: get('dayOfWeek'),
    monthOfYear: get('monthOfYear'),
  };
}

/** A whole number from `min` to `max`, null when left empty, undefined when wrong. */
function whole(value: string, min: number, max: number): number | null | undefined {
  if (value === '') return null;
  const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
  return n >= min && n <= max ? n : undefined;
}

/** The form checked before the api sees it; `t` words what is wrong. */
export function parseRule(values: RuleValues, currency: string, t: Translate): Parsed {
  const fields: Record<string, string> = {};
  const amountMinor = toMinor(values.amount, currency);
  if (!amountMinor) fields.amount = t('recurring.amountProblem');
  const frequency = FREQUENCIES.find((f) => f === values.frequency);
  if (!frequency) fields.frequency = t('recurring.frequencyProblem');
  const interval = whole(values.interval || '1', 1, 366);
  if (!interval) fields.interval = t('recurring.intervalProblem');
  const fits = (...kinds: Frequency[]) => frequency !== undefined && kinds.includes(frequency);
  const dayOfMonth = fits('MONTHLY', 'YEARLY') ? whole(values.dayOfMonth, 1, 31) : null;
  if (dayOfMonth === undefined) fields.dayOfMonth = t('recurring.dayOfMonthProblem');
  const dayOfWeek = fits('WEEKLY') ? whole(values.dayOfWeek, 1, 7) : null;
  if (dayOfWeek === undefined) fields.dayOfWeek = t('recurring.dayOfWeekProblem');
  const monthOfYear = fits('YEARLY') ? whole(values.monthOfYear, 1, 12) : null;
  if (monthOfYear === undefined) fields.monthOfYear = t('recurring.monthProblem');
  if (
    !amountMinor ||
    !frequency ||
    !interval ||
    dayOfMonth === undefined ||
    dayOfWeek === undefined ||
    monthOfYear === undefined
  ) {
    return { fields };
  }
  return {
    input: {
      amountMinor,
      categoryId: values.category || null,
      note: values.note || null,
      frequency,
      interval,
      dayOfMonth,
      dayOfWeek,
      monthOfYear,
    },
  };
}

/** An existing rule as its edit form shows it. */
export function valuesOf(rule: RecurringExpense): RuleValues {
  return {
    amount: toMajor(rule.amount.amountMinor, rule.amount.currency),
    category: rule.category?.id ?? '',
    note: rule.note ?? '',
    frequency: rule.frequency,
    interval: String(rule.interval),
    dayOfMonth: rule.dayOfMonth === null ? '' : String(rule.dayOfMonth),
    dayOfWeek: rule.dayOfWeek === null ? '' : String(rule.dayOfWeek),
    monthOfYear: rule.monthOfYear === null ? '' : String(rule.monthOfYear),
  };
}

/** A new rule's form: monthly, on today's day, weekday and month in the person's zone. */
export function newValues(today: string): RuleValues {
  const date = new Date(`${today}T00:00:00Z`);
  return {
    amount: '',
    category: '',
    note: '',
    frequency: 'MONTHLY',
    interval: '1',
    dayOfMonth: String(date.getUTCDate()),
    dayOfWeek: String(((date.getUTCDay() + 6) % 7) + 1),
    monthOfYear: String(date.getUTCMonth() + 1),
  };
}

/** "Monday" ... "Sunday" (ISO 1-7) and "January" ... "December" in the locale. */
export function dayNames(locale: string): { weekdays: string[]; months: string[] } {
  const name = (options: Intl.DateTimeFormatOptions, date: Date) =>
    new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
  return {
    // 1 January 2024 was a Monday.
    weekdays: Array.from({ length: 7 }, (_, i) =>
      name({ weekday: 'long' }, new Date(Date.UTC(2024, 0, 1 + i))),
    ),
    months: Array.from({ length: 12 }, (_, i) =>
      name({ month: 'long' }, new Date(Date.UTC(2024, i, 1))),
    ),
  };
}

/** What a rule is for, in words: "Rent · flat", or the amount when it has neither. */
export function ruleName(rule: RecurringExpense): string {
  return [rule.category?.name, rule.note].filter(Boolean).join(' · ') || rule.amount.formatted;
}

/** "Wed, 1 Apr 2026": a rule's next day (YYYY-MM-DD, already in the person's zone). */
export function dayLabel(date: string, locale: string): string {
  return localDateFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  })(date);
}
