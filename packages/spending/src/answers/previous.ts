import { addDays, addMonths, daysBetween } from '@spendline/ledger';
import type { QuestionPeriod } from '@spendline/parser';

/**
 * The period an answer is compared with: the whole calendar month or year before, or else
 * as many days just before (yesterday, last week, the 7 days before the last 7 days).
 */
export function previousPeriod(period: QuestionPeriod): QuestionPeriod {
  if (period.unit === 'month' || period.unit === 'year') {
    const months = period.unit === 'month' ? 1 : 12;
    const from = addMonths(`${period.from.slice(0, 7)}-01`, -months);
    const to = addDays(addMonths(from, months), -1);
    return { from, to, label: `the ${period.unit} before`, unit: period.unit };
  }
  const length = period.unit === 'week' ? 7 : daysBetween(period.from, period.to) + 1;
  return {
    from: addDays(period.from, -length),
    to: addDays(period.from, -1),
    label: period.unit === 'day' ? 'the day before' : `the ${length} days before`,
    unit: period.unit,
  };
}
