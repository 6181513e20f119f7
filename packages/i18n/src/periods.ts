// The name of a period a question named, in the reader's language. The parser and the
// comparison name periods in English ("last month", "the week before", "3 Dec"); other
// languages get them again from their days, keeping "this month"-like names relative.
import { chatTranslator, type ChatKey } from './chat.ts';
import { catalogLocale } from './locales.ts';

/** A span of calendar days as a question names it (the parser's QuestionPeriod). */
export interface NamedPeriod {
  from: string;
  to: string;
  /** The English name: "last month", "November 2026", "3 Dec". */
  label: string;
  unit: 'day' | 'week' | 'month' | 'year' | 'span';
}

/**
 * A period's name, and for a relative one ("last month") how a sentence says "during" it
 * ("no mês passado"); null: said with "in", "on" or "between" and the name.
 */
export interface PeriodName {
  label: string;
  during: string | null;
}

/** The English names of relative periods, with their name and "during" keys. */
const RELATIVE = new Map<string, [ChatKey, ChatKey]>([
  ['today', ['answerToday', 'answerToday']],
  ['yesterday', ['answerYesterday', 'answerYesterday']],
  ['this week', ['answerThisWeek', 'answerDuringThisWeek']],
  ['last week', ['answerLastWeek', 'answerDuringLastWeek']],
  ['this month', ['answerThisMonth', 'answerDuringThisMonth']],
  ['last month', ['answerLastMonth', 'answerDuringLastMonth']],
  ['this year', ['answerThisYear', 'answerDuringThisYear']],
  ['last year', ['answerLastYear', 'answerDuringLastYear']],
  ['the day before', ['answerDayBefore', 'answerDuringDayBefore']],
  ['the week before', ['answerWeekBefore', 'answerDuringWeekBefore']],
  ['the month before', ['answerMonthBefore', 'answerDuringMonthBefore']],
  ['the year before', ['answerYearBefore', 'answerDuringYearBefore']],
]);

// Calendar days, so formatted in UTC (at noon, clear of any day boundary).
const shortDay = (date: string, tag: string) =>
  new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );

const monthOf = (date: string, tag: string) =>
  new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date.slice(0, 7)}-15T12:00:00Z`),
  );

/** The period's name for a reader whose full language tag is `tag` (users.locale). */
export function periodName(period: NamedPeriod, tag: string): PeriodName {
  if (catalogLocale(tag) === 'en') {
    const relative = /^(this|last|the|since|today|yesterday)\b/.test(period.label);
    return { label: period.label, during: relative ? period.label : null };
  }
  const t = chatTranslator(tag);
  const named = RELATIVE.get(period.label);
  if (named) return { label: t(named[0]), during: t(named[1]) };
  const before = /^the (\d+) days before$/.exec(period.label);
  if (before) {
    const count = Number(before[1]);
    return {
      label: t('answerDaysBefore', { count }),
      during: t('answerDuringDaysBefore', { count }),
    };
  }
  if (period.label.startsWith('since ')) {
    const since = t('answerSince', { label: shortDay(period.from, tag) });
    return { label: since, during: since };
  }
  if (period.unit === 'month') return { label: monthOf(period.from, tag), during: null };
  if (period.unit === 'year') return { label: period.from.slice(0, 4), during: null };
  if (period.unit === 'day') return { label: shortDay(period.from, tag), during: null };
  return { label: `${shortDay(period.from, tag)} – ${shortDay(period.to, tag)}`, during: null };
}
