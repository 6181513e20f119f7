// What the scheduler sends unasked: the daily and weekly digests and the reminder.
import { localDateOf, periodRange, weekStartOf } from '@spendline/ledger';
import { budgetLines } from './budgets.ts';
import { periodStatement, type StatementInput } from './statements.ts';

const STOP = 'Send "stop digests" to stop these.';

/** Today so far, with this month's budgets: for the evening. */
export async function dailyDigest(input: StatementInput): Promise<string> {
  const today = localDateOf(input.now, input.user.timeZone);
  return [
    await periodStatement(input, 'Today', { from: today, to: today }),
    ...(await budgetLines(input)),
    STOP,
  ].join('\n');
}

/** The week before this one, in the person's weeks (sent on their first day). */
export async function weeklyDigest(input: StatementInput): Promise<string> {
  const { user, now } = input;
  const week = periodRange('WEEK', now, user.timeZone, {
    weekStartsOn: weekStartOf(user),
  }).previous;
  return [
    await periodStatement(
      input,
      'Last week',
      { from: week.firstDay, to: week.lastDay },
      { showDays: true },
    ),
    ...(await budgetLines(input)),
    STOP,
  ].join('\n');
}

export const reminderText =
  '📝 Nothing recorded today. Spent something? Send it like "120 petrol". ' + STOP;
