// The question a period statement ("today", "last week", "november") answers, so that a
// follow-up such as "and food?" or "show them" keeps its period.
import type { Command, QuestionPeriod, ResolvedQuestion } from '@spendline/parser';

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
