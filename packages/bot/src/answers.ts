// The chat's answers to questions about spending: the figure first, then the comparison
// with the other period (difference and %), compact bars where a breakdown helps, and the
// entries behind the answer as lines. English wording, in one place.
import type { User } from '@spendline/db';
import type { QuestionFilter, QuestionPeriod } from '@spendline/parser';
import {
  MAX_ENTRIES,
  type Answer,
  type AnswerEntry,
  type CurrencyTotal,
} from '@spendline/spending';
import { label, money, shortDayLabel, table, totalsText } from './statements.ts';

const BAR_WIDTH = 10;

function subject(filter: QuestionFilter | null): string {
  if (filter === null) return 'Spending';
  return filter.kind === 'category' ? filter.name : `"${filter.word}"`;
}

const on = (filter: QuestionFilter | null) => (filter === null ? '' : ` on ${subject(filter)}`);

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

/** ", +25%": the change from `before`, when there was something before. */
function percent(now: bigint, before: bigint): string {
  if (before === 0n) return '';
  const change = Math.round(Number(((now - before) * 1000n) / before) / 10);
  return `, ${change > 0 ? '+' : ''}${change}%`;
}

/** "₹2,000.00 more than the month before (₹8,000.00, +25%)." */
function comparison(user: User, now: bigint, before: bigint, period: QuestionPeriod): string {
  const other = money(user, before, user.currency);
  if (now === before) return `Same as ${period.label} (${other}).`;
  const difference = money(user, now > before ? now - before : before - now, user.currency);
  const way = now > before ? 'more' : 'less';
  return `${difference} ${way} than ${period.label} (${other}${percent(now, before)}).`;
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
      label(c.name),
      bar(c.totalMinor, largest),
      money(user, c.totalMinor, c.currency),
    ]),
  );
}

function entryLine(user: User, e: AnswerEntry): string {
  const what = [e.category, e.note].filter(Boolean).join(' · ');
  return `${shortDayLabel(e.occurredOn, user.locale)} · ${money(user, e.amountMinor, e.currency)}${what ? ` · ${what}` : ''}`;
}

function entryLines(user: User, answer: Answer, count: number): string[] {
  const lines = answer.entries.map((e) => entryLine(user, e));
  if (count > answer.entries.length)
    lines.push(
      `…and ${count - answer.entries.length} older (the first ${MAX_ENTRIES} are listed).`,
    );
  return lines;
}

const times = (n: number) => (n === 1 ? '1 time' : `${n} times`);
const entries = (n: number) => (n === 1 ? '1 entry' : `${n} entries`);

export function answerText(user: User, answer: Answer): string {
  const { question: q, totals } = answer;
  const mine = own(user, totals);
  const before = own(user, answer.other.totals);
  const head = `*${subject(q.filter)} · ${q.period.label}*`;
  const compared = comparison(user, mine.totalMinor, before.totalMinor, answer.other.period);
  const sum = totals.length === 0 ? money(user, 0n, user.currency) : totalsText(user, totals);
  switch (q.measure) {
    case 'count':
      return `${head}: ${times(mine.count)}, ${sum}.\n${answer.other.period.label}: ${times(before.count)}.`;
    case 'average': {
      const perDay = mine.totalMinor / BigInt(answer.days);
      const beforeDays = daysIn(answer.other.period);
      const beforePerDay = before.totalMinor / BigInt(beforeDays);
      return [
        `*Average per day${on(q.filter)} · ${q.period.label}*: ${money(user, perDay, user.currency)} (${sum} over ${answer.days} days).`,
        comparison(user, perDay, beforePerDay, answer.other.period),
      ].join('\n');
    }
    case 'biggest': {
      const top = answer.entries[0];
      if (!top) return `${head}: nothing recorded${on(q.filter)}.`;
      return `*Biggest expense${on(q.filter)} · ${q.period.label}*: ${entryLine(user, top)}\nOf ${entries(mine.count)}, ${sum} in all.`;
    }
    case 'top':
      if (answer.categories.length === 0) return `${head}: nothing recorded.`;
      return [
        `*Top ${answer.categories.length} categories · ${q.period.label}* (of ${sum})`,
        breakdown(user, answer),
        compared,
      ].join('\n');
    case 'any':
      return mine.count === 0
        ? `No, nothing${on(q.filter)} ${q.period.label}.`
        : `Yes: ${entries(mine.count)}${on(q.filter)} ${q.period.label}, ${sum}.`;
    case 'list':
    case 'above':
    case 'below': {
      const limit =
        q.thresholdMinor === null
          ? ''
          : ` ${q.measure === 'below' ? 'under' : 'over'} ${money(user, BigInt(q.thresholdMinor), q.currency)}`;
      const title = `*${subject(q.filter)}${limit} · ${q.period.label}*: ${entries(mine.count)}, ${sum}`;
      return [title, ...entryLines(user, answer, mine.count)].join('\n');
    }
    default: {
      const lines = [`${head}: ${sum}${mine.count ? ` (${entries(mine.count)})` : ''}`, compared];
      if (q.compare === null && answer.categories.length > 1) lines.push(breakdown(user, answer));
      if (mine.count > 0) lines.push('_Say "show them" for the entries._');
      return lines.join('\n');
    }
  }
}

function daysIn(period: QuestionPeriod): number {
  return Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;
}
