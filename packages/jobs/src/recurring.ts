import { CHOICE, recurringSavedText, repliesFor } from '@spendline/bot';
import { sql, type Queries, type SqlDatabase } from '@spendline/db';
import {
  inTransaction,
  recordEntries,
  type Announcer,
  type ExpenseEvents,
} from '@spendline/entries';
import {
  dueOccurrences,
  localDateOf,
  runAt,
  type Frequency,
  type LocalDate,
} from '@spendline/ledger';
import { budgetAlertText } from '@spendline/spending';
import { NOTICE_TEMPLATE, queueNotice } from '@spendline/whatsapp/store';
import { drain, type Round } from './claims.ts';

type Tx = Queries;

interface DueRow {
  id: string;
  user_id: string;
  kind: 'EXPENSE' | 'INCOME';
  amount: string;
  currency: string;
  category_id: string | null;
  category_name: string | null;
  note: string | null;
  frequency: Frequency;
  interval: number;
  day_of_month: number | null;
  day_of_week: number | null;
  month_of_year: number | null;
  starts_on: LocalDate;
  ends_on: LocalDate | null;
  next_run_at: Date;
  time_zone: string;
  locale: string;
}

/**
 * Takes one recurring expense that is due and no other replica holds: the row lock,
 * kept until the transaction that records it commits, is what makes each occurrence
 * recorded once however many schedulers run. `skip` leaves out rows that failed in
 * this round, so one broken row cannot hold up the rest.
 */
async function claimOne(tx: Tx, now: Date, skip: string[]): Promise<DueRow | undefined> {
  const [row] = await tx.rows<DueRow>(sql`
    SELECT r.id::text AS id, r.user_id::text AS user_id, r.kind::text AS kind,
           r.amount_minor::text AS amount, r.currency, r.category_id::text AS category_id,
           c.name AS category_name, r.note, r.frequency::text AS frequency, r.interval,
           r.day_of_month, r.day_of_week, r.month_of_year,
           to_char(r.starts_on, 'YYYY-MM-DD') AS starts_on,
           to_char(r.ends_on, 'YYYY-MM-DD') AS ends_on,
           r.next_run_at, u.time_zone, u.locale
    FROM recurring_expenses r
    JOIN users u ON u.id = r.user_id
    LEFT JOIN categories c ON c.id = r.category_id
    WHERE r.next_run_at <= ${now.toISOString()}::timestamptz AND r.paused_at IS NULL
      AND NOT (r.id = ANY(${skip}::uuid[]))
    ORDER BY r.next_run_at
    LIMIT 1
    FOR UPDATE OF r SKIP LOCKED`);
  return row;
}

/**
 * Records a claimed rule's occurrences from its pending one up to `now` (all of them
 * after downtime), moves it to the next, and tells the user with an Undo button (or the
 * notice template outside the chat's window), budget alerts included.
 */
async function record(tx: Tx, row: DueRow, now: Date, announce: Announcer): Promise<number> {
  const rule = {
    frequency: row.frequency,
    interval: row.interval,
    dayOfMonth: row.day_of_month,
    dayOfWeek: row.day_of_week,
    monthOfYear: row.month_of_year,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
  };
  const first = localDateOf(row.next_run_at, row.time_zone);
  const { dates, next } = dueOccurrences(rule, first, now, row.time_zone);
  const user = { id: row.user_id, timeZone: row.time_zone, locale: row.locale };
  // The budget alerts go into this run's own notice, beside its Undo button.
  const { ids, alerts } = await recordEntries(
    tx,
    user,
    dates.map((date) => ({
      kind: row.kind,
      amountMinor: row.amount,
      currency: row.currency,
      occurredAt: runAt(date, row.time_zone),
      note: row.note,
      categoryId: row.category_id,
      recurringExpenseId: row.id,
    })),
    'RECURRING',
    { now, announce, budgets: 'return' },
  );
  await tx.execute(sql`
    UPDATE recurring_expenses
       SET next_run_at = ${next?.at.toISOString() ?? null}::timestamptz,
           last_run_at = ${now.toISOString()}::timestamptz, updated_at = now()
     WHERE id = ${row.id}::uuid`);
  if (dates.length === 0) return 0;
  const saved = recurringSavedText({
    kind: row.kind,
    amountMinor: BigInt(row.amount),
    currency: row.currency,
    what: row.category_name ?? row.note,
    dates,
    locale: row.locale,
  });
  const text = [saved, ...alerts.map((a) => budgetAlertText(a, row.locale))].join('\n');
  await queueNotice(tx, {
    userId: row.user_id,
    locale: row.locale,
    now,
    text,
    buttons: [{ id: CHOICE.undoRun(ids[0]!), title: repliesFor(row.locale).undoButton }],
    template: { name: NOTICE_TEMPLATE, parameters: [text] },
  });
  return dates.length;
}

/**
 * Records every recurring expense due by `now`, one rule per transaction; `done` counts
 * the expenses recorded (more than the rules after downtime), announced to `events` as
 * each transaction commits. Safe on every replica.
 */
export function runDueRecurring(
  db: SqlDatabase,
  now: Date,
  stopping?: AbortSignal,
  events?: ExpenseEvents,
): Promise<Round> {
  const announce = inTransaction(events);
  return drain(
    db,
    (tx, skip) => claimOne(tx, now, skip),
    (tx, row) => record(tx, row, now, announce),
    stopping,
  );
}
