import { newId, sql } from '@spendline/db';
import {
  describeRecurrence,
  firstRun,
  formatMoney,
  localDateOf,
  normalizeRecurrence,
  type LocalDate,
} from '@spendline/ledger';
import type { Command } from '@spendline/parser';
import { repliesFor } from './replies.ts';
import { dayLabel, expenseLabel, shortDayLabel, type StatementInput } from './statements.ts';

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
  const replies = repliesFor(user.locale);
  if (!first) return replies.recurringNever;
  const category = expense.category.status === 'matched' ? expense.category : null;
  await tx.execute(sql`
    INSERT INTO recurring_expenses (id, user_id, kind, amount_minor, currency, category_id, note,
                                    frequency, interval, day_of_month, day_of_week, starts_on,
                                    next_run_at, updated_at)
    VALUES (${newId()}::uuid, ${user.id}::uuid, ${expense.kind}::"ExpenseKind",
            ${expense.amountMinor}::bigint,
            ${expense.currency}, ${category?.categoryId ?? null}::uuid, ${expense.note || null},
            ${rule.frequency}::"RecurrenceFrequency", ${rule.interval}, ${rule.dayOfMonth},
            ${rule.dayOfWeek}, ${rule.startsOn}::date, ${first.at.toISOString()}::timestamptz,
            now())`);
  return replies.recurringSaved(
    expenseLabel(user, expense, category?.name ?? expense.note),
    describeRecurrence(rule, user.locale),
    dayLabel(first.date, user.locale),
    manageUrl,
  );
}

export interface RecurringRun {
  kind: 'EXPENSE' | 'INCOME';
  amountMinor: bigint;
  currency: string;
  /** The category's name, else the note. */
  what: string | null;
  /** The days recorded in this run. */
  dates: LocalDate[];
  locale: string;
}

/** "🔁 Saved ₹15,000.00 · Rent (recurring, 1 Dec)", or "3 × ₹100.00 · Tea (…1, 2, 3 Dec)". */
export function recurringSavedText(run: RecurringRun): string {
  const amount = formatMoney(run.amountMinor, run.currency, run.locale);
  const what = [run.dates.length > 1 ? `${run.dates.length} × ${amount}` : amount, run.what]
    .filter(Boolean)
    .join(' · ');
  const days = run.dates.map((d) => shortDayLabel(d, run.locale)).join(', ');
  return repliesFor(run.locale).recurringRecorded(run.kind === 'INCOME', what, days);
}
