// The question a period statement ("today", "last week", "november") answers, so that a
// follow-up such as "and food?" or "show them" keeps its period; and the question a tap on
// an answer's list asks.
import type { Command, QuestionPeriod, ResolvedQuestion } from '@spendline/parser';
import type { BotEvent, Drill } from './types.ts';

const monthName = (year: number, month: number) =>
  new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

function periodOf(command: Command): QuestionPeriod | null {
  switch (command.type) {
    case 'today':
      return { ...command.range, label: 'today', unit: 'day' };
    case 'yesterday':
      return { ...command.range, label: 'yesterday', unit: 'day' };
    case 'week':
      return { ...command.range, label: `${command.which} week`, unit: 'week' };
    case 'month':
      return { ...command.range, label: monthName(command.year, command.month), unit: 'month' };
    default:
      return null;
  }
}

export function askedByCommand(command: Command): ResolvedQuestion | null {
  const period = periodOf(command);
  if (period === null) return null;
  return {
    measure: 'total',
    filter: null,
    period,
    compare: null,
    top: null,
    thresholdMinor: null,
    currency: '',
  };
}

const dayName = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });

/**
 * The last question narrowed to a row of the list under its answer: one category of a
 * breakdown by category, or one day of its period. null when the row does not fit the
 * last question (a list under an older answer): that tap is stale.
 */
export function narrowed(last: ResolvedQuestion, drill: Drill): ResolvedQuestion | null {
  if (drill.kind === 'category') {
    if (drill.name === undefined || last.filter !== null) return null;
    if (last.measure !== 'total' && last.measure !== 'top') return null;
    const filter = { kind: 'category' as const, categoryId: drill.categoryId, name: drill.name };
    return { ...last, measure: 'total', filter, top: null, compare: null };
  }
  const { period } = last;
  if (drill.day < period.from || drill.day > period.to || period.from === period.to) return null;
  const day: QuestionPeriod = {
    from: drill.day,
    to: drill.day,
    label: dayName(drill.day),
    unit: 'day',
  };
  return { ...last, period: day, compare: null };
}

/** A tapped category row with the category's name, as the user's live categories have it. */
export function withCategoryName(
  event: BotEvent,
  categories: readonly { id: string; name: string }[],
): BotEvent {
  if (event.type !== 'DRILL_TAPPED' || event.drill.kind !== 'category') return event;
  const { categoryId } = event.drill;
  const name = categories.find((c) => c.id === categoryId)?.name;
  return { ...event, drill: { kind: 'category', categoryId, name } };
}
