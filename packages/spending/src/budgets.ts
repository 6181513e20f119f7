import { sql, type Queries } from '@spendline/db';
import { chatTranslator } from '@spendline/i18n';
import {
  addDays,
  addMonths,
  daysBetween,
  daysSpan,
  formatMoney,
  localDateOf,
  periodRange,
  type DateSpan,
  type LocalDate,
} from '@spendline/ledger';

/** Shares of a budget the bot announces, once each per budget and month. */
export const ALERT_THRESHOLDS = [80, 100] as const;

export interface BudgetRow {
  id: string;
  category_id: string | null;
  currency: string;
  amount: string;
}

/** The first day of the month `date` falls in. */
export const monthOf = (date: LocalDate): LocalDate => `${date.slice(0, 7)}-01`;

/**
 * The budgets in force in the month starting on `month`: per scope (overall, or one
 * category) the latest row from that month or before, unless that row ended it (0).
 */
export async function budgetsInForce(
  db: Queries,
  userId: string,
  month: LocalDate,
): Promise<BudgetRow[]> {
  return db.rows<BudgetRow>(sql`
    SELECT id, category_id, currency, amount FROM (
      SELECT DISTINCT ON (category_id) id::text AS id, category_id::text AS category_id,
             currency, amount_minor::text AS amount
      FROM budgets
      WHERE user_id = ${userId}::uuid AND month <= ${month}::date
      ORDER BY category_id NULLS FIRST, month DESC
    ) latest
    WHERE amount <> '0'`);
}

/**
 * Where spending ends the month if it goes on at this pace: spent so far scaled from the
 * days gone (today included) to the whole month. null outside the month `span` is:
 * a past month's spending is final, a future month's has not begun.
 */
export function projectedSpend(
  spentMinor: bigint,
  span: DateSpan,
  today: LocalDate,
): bigint | null {
  if (today < span.firstDay || today > span.lastDay) return null;
  const gone = BigInt(daysBetween(span.firstDay, today) + 1);
  const all = BigInt(daysBetween(span.firstDay, span.lastDay) + 1);
  return (spentMinor * all + gone - 1n) / gone;
}

export interface BudgetSetting {
  userId: string;
  /** null: the overall budget. */
  categoryId: string | null;
  /** Any day of the first month it applies to. */
  from: LocalDate;
  /** 0 ends the budget from that month. */
  amountMinor: bigint;
  currency: string;
  /** The user's, for what was spent in that month. */
  timeZone: string;
}

export class BudgetError extends RangeError {
  override name = 'BudgetError';
}

/**
 * Sets (or, with 0, ends) a scope's monthly budget from a month on, and returns its row's
 * id; null when the category is not the user's, or is archived (an archived category's
 * budget can still be ended). The month's alerts
 * are made to match the new amount: the thresholds already crossed count as said (the
 * answer to setting a budget shows its use), the others can still fire, so raising a
 * budget lets its 80% and 100% be announced again when spending gets there.
 */
export async function setBudget(db: Queries, setting: BudgetSetting): Promise<string | null> {
  const { userId, categoryId, amountMinor, currency } = setting;
  if (amountMinor < 0n) throw new BudgetError('a budget cannot be negative');
  const month = monthOf(setting.from);
  const [row] = await db.rows<{ id: string }>(sql`
    INSERT INTO budgets (id, user_id, category_id, month, amount_minor, currency, updated_at)
    SELECT gen_random_uuid(), ${userId}::uuid, ${categoryId}::uuid, ${month}::date,
           ${amountMinor}::bigint, ${currency}, now()
    WHERE ${categoryId}::uuid IS NULL OR EXISTS (
      SELECT 1 FROM categories
      WHERE id = ${categoryId}::uuid AND user_id = ${userId}::uuid
        AND (archived_at IS NULL OR ${amountMinor}::bigint = 0))
    ON CONFLICT (user_id, category_id, month)
      DO UPDATE SET amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency,
                    updated_at = now()
    RETURNING id::text AS id`);
  if (!row) return null;
  if (amountMinor === 0n) {
    // Ending a budget ends it for good, changes already set for later months included.
    await db.execute(sql`
      DELETE FROM budgets
      WHERE user_id = ${userId}::uuid AND category_id IS NOT DISTINCT FROM ${categoryId}::uuid
        AND month > ${month}::date`);
  }
  const span = daysSpan(month, lastDayOfMonth(month), setting.timeZone);
  await db.execute(sql`
    DELETE FROM budget_alerts WHERE budget_id = ${row.id}::uuid AND month = ${month}::date`);
  await db.execute(sql`
    INSERT INTO budget_alerts (id, budget_id, month, threshold_pc)
    SELECT gen_random_uuid(), ${row.id}::uuid, ${month}::date, t.pc
    FROM unnest(${[...ALERT_THRESHOLDS]}::int[]) AS t(pc)
    WHERE ${amountMinor}::bigint > 0 AND (
      SELECT COALESCE(SUM(amount_minor), 0) FROM expenses
      WHERE user_id = ${userId}::uuid AND kind = 'EXPENSE' AND deleted_at IS NULL
        AND currency = ${currency}
        AND occurred_at >= ${span.start.toISOString()}::timestamptz
        AND occurred_at < ${span.end.toISOString()}::timestamptz
        AND (${categoryId}::uuid IS NULL OR category_id = ${categoryId}::uuid)
    ) * 100 >= ${amountMinor}::bigint * t.pc`);
  return row.id;
}

export interface BudgetAlert {
  budgetId: string;
  categoryId: string | null;
  /** The category's name; null for the overall budget. */
  name: string | null;
  currency: string;
  limitMinor: bigint;
  spentMinor: bigint;
  thresholdPc: number;
  /** At this pace, by the month's end. */
  projectedMinor: bigint | null;
}

interface AlertRow extends BudgetRow {
  name: string | null;
  spent: string;
  threshold_pc: number;
}

/**
 * Records and returns the thresholds this month's spending has newly crossed in the
 * budgets that cover `categoryIds` (the categories just spent in; the overall budget
 * covers them all). Each threshold of a budget fires once a month, whichever replica
 * or transaction gets there first: the insert of the alert row is the decision. Of two
 * thresholds crossed at once only the higher one is returned.
 */
export async function crossedBudgets(
  tx: Queries,
  input: { userId: string; timeZone: string; now: Date; categoryIds: (string | null)[] },
): Promise<BudgetAlert[]> {
  const { userId, timeZone, now } = input;
  const range = periodRange('MONTH', now, timeZone);
  const categoryIds = input.categoryIds.filter((id): id is string => id !== null);
  const rows = await tx.rows<AlertRow>(sql`
    WITH budget AS (
      SELECT DISTINCT ON (category_id) id, category_id, currency, amount_minor
      FROM budgets
      WHERE user_id = ${userId}::uuid AND month <= ${range.firstDay}::date
      ORDER BY category_id NULLS FIRST, month DESC
    ), used AS (
      SELECT b.*, (
        SELECT COALESCE(SUM(e.amount_minor), 0) FROM expenses e
        WHERE e.user_id = ${userId}::uuid AND e.kind = 'EXPENSE' AND e.deleted_at IS NULL
          AND e.currency = b.currency
          AND e.occurred_at >= ${range.start.toISOString()}::timestamptz
          AND e.occurred_at < ${range.end.toISOString()}::timestamptz
          AND (b.category_id IS NULL OR e.category_id = b.category_id)
      ) AS spent
      FROM budget b
      WHERE b.amount_minor > 0
        AND (b.category_id IS NULL OR b.category_id = ANY(${categoryIds}::uuid[]))
    ), fired AS (
      INSERT INTO budget_alerts (id, budget_id, month, threshold_pc)
      SELECT gen_random_uuid(), u.id, ${range.firstDay}::date, t.pc
      FROM used u CROSS JOIN unnest(${[...ALERT_THRESHOLDS]}::int[]) AS t(pc)
      WHERE u.spent * 100 >= u.amount_minor * t.pc
      ON CONFLICT (budget_id, month, threshold_pc) DO NOTHING
      RETURNING budget_id, threshold_pc
    )
    SELECT DISTINCT ON (u.id) u.id::text AS id, u.category_id::text AS category_id, c.name,
           u.currency, u.amount_minor::text AS amount, u.spent::text AS spent, f.threshold_pc
    FROM fired f
    JOIN used u ON u.id = f.budget_id
    LEFT JOIN categories c ON c.id = u.category_id
    ORDER BY u.id, f.threshold_pc DESC`);
  const today = localDateOf(now, timeZone);
  return rows
    .map((r) => ({
      budgetId: r.id,
      categoryId: r.category_id,
      name: r.name,
      currency: r.currency,
      limitMinor: BigInt(r.amount),
      spentMinor: BigInt(r.spent),
      thresholdPc: Number(r.threshold_pc),
      projectedMinor: projectedSpend(BigInt(r.spent), range, today),
    }))
    .sort((a, b) => Number(a.categoryId !== null) - Number(b.categoryId !== null));
}

/** The last day of the month `date` falls in. */
export const lastDayOfMonth = (date: LocalDate): LocalDate =>
  addDays(addMonths(monthOf(date), 1), -1);

/** "Food budget" or "Monthly budget", as alerts and statements name a budget. */
export const budgetName = (name: string | null, locale = 'en') => {
  const t = chatTranslator(locale);
  return name ? t('budgetOf', { name }) : t('budgetOverall');
};

/**
 * An alert as one line in the user's language, the same in the chat and in a notice: the
 * threshold crossed, spent of limit, and the month-end pace while the limit is not yet
 * passed.
 */
export function budgetAlertText(alert: BudgetAlert, locale: string): string {
  const t = chatTranslator(locale);
  const money = (minor: bigint) => formatMoney(minor, alert.currency, locale);
  const used = t('budgetUsed', { spent: money(alert.spentMinor), limit: money(alert.limitMinor) });
  const name = budgetName(alert.name, locale);
  if (alert.thresholdPc >= 100) return t('budgetAlertUsedUp', { name, used });
  const pace =
    alert.projectedMinor !== null && alert.projectedMinor > alert.limitMinor
      ? t('budgetAlertPace', { projected: money(alert.projectedMinor) })
      : '';
  return t('budgetAlertThreshold', { percent: alert.thresholdPc, name, used }) + pace;
}
