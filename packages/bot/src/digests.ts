// What the scheduler sends unasked: the daily and weekly digests and the reminder.
import { localDateOf, periodRange, weekStartOf } from '@spendline/ledger';
import { repliesFor } from './replies.ts';
import { budgetLines } from './budgets.ts';
import { periodStatement, wordsFor, type StatementInput } from './statements.ts';

/** Today so far, with this month's budgets: for the evening. */
export async function dailyDigest(input: StatementInput): Promise<string> {
  const today = localDateOf(input.now, input.user.timeZone);
  const t = wordsFor(input.user);
  return [
    await periodStatement(input, t('digestToday'), { from: today, to: today }),
    ...(await budgetLines(input)),
    t('digestStop'),
  ].join('\n');
}

/** The week before this one, in the person's weeks (sent on their first day). */
export async function weeklyDigest(input: StatementInput): Promise<string> {
  const { user, now } = input;
  const week = periodRange('WEEK', now, user.timeZone, {
    weekStartsOn: weekStartOf(user),
  }).previous;
  const t = wordsFor(user);
  return [
    await periodStatement(
      input,
      t('digestLastWeek'),
      { from: week.firstDay, to: week.lastDay },
      { showDays: true },
    ),
    ...(await budgetLines(input)),
    t('digestStop'),
  ].join('\n');
}

/** The evening nudge on a day with nothing recorded, in the user's language. */
export function reminderText(locale: string): string {
  const { t } = repliesFor(locale);
  return `${t('digestReminder')} ${t('digestStop')}`;
}
