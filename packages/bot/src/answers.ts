// The chat's answers to questions about spending: the figure first, then the comparison
// with the other period (difference and %), compact bars where a breakdown helps, and the
// entries behind the answer as lines, in the user's language.
import type { User } from '@spendline/db';
import { addDays, addMonths } from '@spendline/ledger';
import type { QuestionFilter, QuestionPeriod } from '@spendline/parser';
import {
  MAX_ENTRIES,
  type Answer,
  type AnswerDay,
  type AnswerEntry,
  type CurrencyTotal,
} from '@spendline/spending';
import { LIMITS, type ListRow } from '@spendline/whatsapp';
import {
  dayLabel,
  label,
  money,
  shortDayLabel,
  table,
  totalsText,
  wordsFor,
} from './statements.ts';
import { periodName } from '@spendline/i18n';
import { CHOICE } from './types.ts';

const BAR_WIDTH = 10;
/** Days a breakdown shows: as many as a list message has rows to drill into. */
const DAYS_SHOWN = 10;

function subject(user: User, filter: QuestionFilter | null): string {
  if (filter === null) return wordsFor(user)('answerSpending');
  return filter.kind === 'category' ? filter.name : `"${filter.word}"`;
}

const on = (user: User, filter: QuestionFilter | null) =>
  filter === null ? '' : wordsFor(user)('answerOn', { subject: subject(user, filter) });

const labelOf = (user: User, period: QuestionPeriod) => periodName(period, user.locale).label;

/** The total in the user's own currency (the one comparisons are in). */
function own(user: User, totals: CurrencyTotal[]): CurrencyTotal {
  return (
    totals.find((t) => t.currency === user.currency) ?? {
      currency: user.currency,
      totalMinor: 0n,
      count: 0,
    }
  );
}

/** The last day of a week, month or year the period is in: later than `to` while it runs. */
function naturalEnd(period: QuestionPeriod): string {
  if (period.unit === 'week') return addDays(period.from, 6);
  if (period.unit === 'month') return addDays(addMonths(`${period.from.slice(0, 7)}-01`, 1), -1);
  if (period.unit === 'year') return `${period.from.slice(0, 4)}-12-31`;
  return period.to;
}

/** A period that has not begun: it starts after today, where its span was cut. */
const notBegun = (period: QuestionPeriod) => period.from > period.to;

/** This week, month or year while it runs: its days end today. */
const running = (period: QuestionPeriod) => !notBegun(period) && period.to < naturalEnd(period);

/** "this month so far" while this month runs. */
const heading = (user: User, period: QuestionPeriod) =>
  running(period)
    ? wordsFor(user)('answerSoFar', { label: labelOf(user, period) })
    : labelOf(user, period);

/** The period after a verb: "last month", "in November 2026", "on 3 Dec", "between 1 Nov and 15 Nov". */
function during(user: User, period: QuestionPeriod): string {
  const t = wordsFor(user);
  const { label, during: relative } = periodName(period, user.locale);
  if (relative !== null) return relative;
  if (period.unit === 'day') return t('answerDuringDay', { label });
  const [from, to] = label.split(' – ');
  if (to !== undefined && from !== undefined) return t('answerDuringSpan', { from, to });
  return t('answerDuringIn', { label });
}

/** "Nothing recorded for Food in January 2027 yet.", and what the other period had. */
function nothing(user: User, answer: Answer, before: CurrencyTotal): string {
  const { question: q } = answer;
  const t = wordsFor(user);
  const what =
    (q.filter === null ? '' : t('answerFor', { subject: subject(user, q.filter) })) +
    limit(user, q);
  const line = t('answerNothing', { what, during: during(user, q.period), yet: yet(q.period) });
  // A period still to come has nothing to be compared on.
  if (before.count === 0 || notBegun(q.period)) return line;
  const other = answer.other.period;
  return `${line}\n${capitalised(during(user, other))}: ${money(user, before.totalMinor, user.currency)}.`;
}

/** "yes" while the period runs or has not begun: "nothing recorded … yet". */
const yet = (period: QuestionPeriod) => (notBegun(period) || running(period) ? 'yes' : 'no');

/** " over ₹1,000.00": the amount a list is limited by. */
function limit(user: User, q: Answer['question']): string {
  const listed = q.measure === 'above' || q.measure === 'below' || q.measure === 'list';
  if (q.thresholdMinor === null || !listed) return '';
  const amount = money(user, BigInt(q.thresholdMinor), q.currency);
  return wordsFor(user)(q.measure === 'below' ? 'answerUnder' : 'answerOver', { amount });
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** ", +25%": the change from `before`, when there was something before. */
function percent(now: bigint, before: bigint): string {
  if (before === 0n) return '';
  const change = Math.round(Number(((now - before) * 1000n) / before) / 10);
  return `, ${change > 0 ? '+' : ''}${change}%`;
}

/** "₹2,000.00 more than the month before (₹8,000.00, +25%)." */
function comparison(user: User, now: bigint, before: bigint, period: QuestionPeriod): string {
  const t = wordsFor(user);
  if (before === 0n) return t('answerNothingThen', { during: during(user, period) });
  const other = money(user, before, user.currency);
  const label = labelOf(user, period);
  if (now === before) return t('answerSame', { label, other });
  const difference = money(user, now > before ? now - before : before - now, user.currency);
  const change = percent(now, before);
  return t(now > before ? 'answerMore' : 'answerLess', { difference, label, other, change });
}

/** "▓▓▓▓░░░░░░": a share as a bar of fixed width. */
export function bar(part: bigint, whole: bigint): string {
  const filled = whole <= 0n ? 0 : Number((part * BigInt(BAR_WIDTH) + whole / 2n) / whole);
  return '▓'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}

function breakdown(user: User, answer: Answer): string {
  const largest = answer.categories[0]?.totalMinor ?? 0n;
  return table(
    answer.categories.map((c) => [
      label(c.name ?? wordsFor(user)('uncategorised')),
      bar(c.totalMinor, largest),
      money(user, c.totalMinor, c.currency),
    ]),
  );
}

/** The days of a filtered total: all of them, or the biggest few in date order. */
function shownDays(user: User, answer: Answer): AnswerDay[] {
  const mine = answer.byDay.filter((d) => d.currency === user.currency);
  if (mine.length <= DAYS_SHOWN) return mine;
  const biggest = [...mine]
    .sort((a, b) => (b.totalMinor > a.totalMinor ? 1 : b.totalMinor < a.totalMinor ? -1 : 0))
    .slice(0, DAYS_SHOWN);
  return mine.filter((d) => biggest.includes(d));
}

function dayBreakdown(user: User, answer: Answer): string[] {
  const days = shownDays(user, answer);
  if (days.length < 2) return [];
  const largest = days.reduce((max, d) => (d.totalMinor > max ? d.totalMinor : max), 0n);
  const rows = days.map((d) => [
    shortDayLabel(d.day, user.locale),
    bar(d.totalMinor, largest),
    money(user, d.totalMinor, d.currency),
  ]);
  const title =
    days.length < answer.byDay.length
      ? [wordsFor(user)('answerBiggestDays', { count: days.length })]
      : [];
  return [...title, table(rows)];
}

function entryLine(user: User, e: AnswerEntry): string {
  const what = [e.category, e.note].filter(Boolean).join(' · ');
  return `${shortDayLabel(e.occurredOn, user.locale)} · ${money(user, e.amountMinor, e.currency)}${what ? ` · ${what}` : ''}`;
}

function entryLines(user: User, answer: Answer, count: number): string[] {
  const lines = answer.entries.map((e) => entryLine(user, e));
  if (count > answer.entries.length)
    lines.push(
      wordsFor(user)('answerOlder', {
        count: count - answer.entries.length,
        listed: MAX_ENTRIES,
      }),
    );
  return lines;
}

const times = (user: User, count: number) => wordsFor(user)('answerTimes', { count });
const entries = (user: User, count: number) => wordsFor(user)('answerEntries', { count });

export function answerText(user: User, answer: Answer): string {
  const { question: q, totals } = answer;
  const mine = own(user, totals);
  const before = own(user, answer.other.totals);
  const t = wordsFor(user);
  const label = labelOf(user, q.period);
  const otherLabel = labelOf(user, answer.other.period);
  const head = `*${subject(user, q.filter)} · ${label}*`;
  const compared = comparison(user, mine.totalMinor, before.totalMinor, answer.other.period);
  const sum = totals.length === 0 ? money(user, 0n, user.currency) : totalsText(user, totals);
  // A period with nothing in it (or not begun) says so plainly, rather than zeros and %.
  if (mine.count === 0 && q.measure !== 'any') return nothing(user, answer, before);
  switch (q.measure) {
    case 'count':
      return `${head}: ${times(user, mine.count)}, ${sum}.\n${otherLabel}: ${times(user, before.count)}.`;
    case 'average': {
      // Days up to today only: this month's average is over the days it has had.
      const perDay = mine.totalMinor / BigInt(Math.max(1, answer.days));
      const beforeDays = Math.max(1, daysIn(answer.other.period));
      const beforePerDay = before.totalMinor / BigInt(beforeDays);
      return [
        t('answerAverage', {
          on: on(user, q.filter),
          heading: heading(user, q.period),
          perDay: money(user, perDay, user.currency),
          sum,
          days: answer.days,
        }),
        comparison(user, perDay, beforePerDay, answer.other.period),
      ].join('\n');
    }
    case 'biggest': {
      const top = answer.entries[0];
      if (!top) return nothing(user, answer, before);
      return t('answerBiggest', {
        on: on(user, q.filter),
        label,
        entry: entryLine(user, top),
        entries: entries(user, mine.count),
        sum,
      });
    }
    case 'top':
      return [
        t('answerTop', { count: answer.categories.length, label, sum }),
        breakdown(user, answer),
        compared,
      ].join('\n');
    case 'any':
      return mine.count === 0
        ? t('answerNo', {
            on: on(user, q.filter),
            during: during(user, q.period),
            yet: yet(q.period),
          })
        : t('answerYes', {
            entries: entries(user, mine.count),
            on: on(user, q.filter),
            label,
            sum,
          });
    case 'list':
    case 'above':
    case 'below': {
      const title = `*${subject(user, q.filter)}${limit(user, q)} · ${label}*: ${entries(user, mine.count)}, ${sum}`;
      return [title, ...entryLines(user, answer, mine.count)].join('\n');
    }
    default: {
      const lines = [
        `${head}: ${sum}${mine.count ? ` (${entries(user, mine.count)})` : ''}`,
        compared,
      ];
      if (q.compare === null && answer.categories.length > 1) lines.push(breakdown(user, answer));
      lines.push(...dayBreakdown(user, answer));
      lines.push(t('answerShowThem'));
      return lines.join('\n');
    }
  }
}

export interface DrillList {
  body: string;
  button: string;
  rows: ListRow[];
}

const share = (part: bigint, whole: bigint) =>
  whole <= 0n ? '' : ` · ${Number((part * 100n + whole / 2n) / whole)}%`;

/**
 * The list under an answer with a breakdown: a row per category (or per day) that asks
 * the same question narrowed to it. null where there is nothing to drill into.
 */
export function drillList(user: User, answer: Answer): DrillList | null {
  const { question: q } = answer;
  const whole = own(user, answer.totals).totalMinor;
  const byCategory =
    q.filter === null &&
    q.compare === null &&
    (q.measure === 'top' || (q.measure === 'total' && answer.categories.length > 1));
  if (byCategory) {
    // Entries without a category have no row: there is no category to narrow to.
    const rows = answer.categories.flatMap(({ categoryId, name, totalMinor, currency }) =>
      categoryId === null || name === null || currency !== user.currency
        ? []
        : [
            {
              id: CHOICE.drillCategory(categoryId),
              title: name,
              description: `${money(user, totalMinor, currency)}${share(totalMinor, whole)}`,
            },
          ],
    );
    if (rows.length === 0) return null;
    return {
      body: wordsFor(user)('answerTapCategory'),
      button: wordsFor(user)('answerCategoriesButton'),
      rows: rows.slice(0, LIMITS.listRows),
    };
  }
  const days = q.measure === 'total' ? shownDays(user, answer) : [];
  if (days.length < 2) return null;
  return {
    body: wordsFor(user)('answerTapDay'),
    button: wordsFor(user)('answerDaysButton'),
    rows: days.map((d) => ({
      id: CHOICE.drillDay(d.day),
      title: dayLabel(d.day, user.locale),
      description: `${money(user, d.totalMinor, d.currency)} · ${entries(user, d.count)}`,
    })),
  };
}

function daysIn(period: QuestionPeriod): number {
  return Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;
}
