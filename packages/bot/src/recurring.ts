import { newId } from '@spendline/db';
import { describeRecurrence, firstRun, localDateOf, normalizeRecurrence } from '@spendline/ledger';
import type { Command } from '@spendline/parser';
import { replies } from './replies.ts';
import { dayLabel, expenseLabel, type StatementInput } from './statements.ts';

type RecurringCommand = Extract<Command, { type: 'recurring' }>;

/**
 * "every month 15000 rent on 1st": saves the rule from today, for the scheduler to record
 * on each due day (today's included, when today is one and its hour has passed).
 */
export async function createRecurring(
  input: StatementInput,
  cmd: RecurringCommand,
  manageUrl: string,
): Promise<string> {
  const { tx, user, now } = input;
  const { expense } = cmd;
  // Stored with its defaults (the day or weekday of today) spelt out, as the dashboard shows it.
  const rule = normalizeRecurrence({
    frequency: cmd.frequency,
    interval: cmd.interval,
    dayOfMonth: cmd.dayOfMonth,
    dayOfWeek: cmd.dayOfWeek,
    startsOn: localDateOf(now, user.timeZone),
  });
  const first = firstRun(rule, now, user.timeZone);
  if (!first) return replies.recurringNever;
  const category = expense.category.status === 'matched' ? expense.category : null;
  await tx.$executeRaw`
    INSERT INTO recurring_expenses (id, user_id, kind, amount_minor, currency, category_id, note,
                                    frequency, interval, day_of_month, day_of_week, starts_on,
                                    next_run_at, updated_at)
    VALUES (${newId()}::uuid, ${user.id}::uuid, ${expense.kind}::"ExpenseKind",
            ${expense.amountMinor}::bigint,
            ${expense.currency}, ${category?.categoryId ?? null}::uuid, ${expense.note || null},
            ${rule.frequency}::"RecurrenceFrequency", ${rule.interval}, ${rule.dayOfMonth},
            ${rule.dayOfWeek}, ${rule.startsOn}::date, ${first.at.toISOString()}::timestamptz,
            now())`;
  return replies.recurringSaved(
    expenseLabel(user, expense, category?.name ?? expense.note),
    describeRecurrence(rule, user.locale),
    dayLabel(first.date, user.locale),
    manageUrl,
  );
}
