import type { PrismaClient } from '@spendline/db';
import { addDays, type LocalDate } from './local-dates.ts';
import type { DateSpan, PeriodRange } from './periods.ts';

export interface CurrencyTotal {
  currency: string;
  totalMinor: bigint;
  count: number;
}

export interface CategoryTotal extends CurrencyTotal {
  /** null for expenses without a category. */
  categoryId: string | null;
  name: string | null;
  emoji: string | null;
  color: string | null;
  /** This category's part of the currency's total, 0..1. */
  share: number;
}

export interface DayTotal extends CurrencyTotal {
  date: LocalDate;
}

export interface BudgetUse {
  budgetId: string;
  categoryId: string | null;
  currency: string;
  limitMinor: bigint;
  spentMinor: bigint;
  /** spent / limit; above 1 when the budget is overspent. */
  used: number;
}

export interface Summary {
  range: PeriodRange;
  totals: CurrencyTotal[];
  previousTotals: CurrencyTotal[];
  categories: CategoryTotal[];
  /** Every local day of the period for each currency spent in it, zeros included. */
  days: DayTotal[];
  /** Budget use, for a MONTH period (budgets are monthly); empty otherwise. */
  budgets: BudgetUse[];
}

type RawClient = Pick<PrismaClient, '$queryRaw'>;

interface TotalRow {
  currency: string;
  total: string;
  count: number;
}

// Every query below is confined to one user's spending in [start, end): the
// (user_id, occurred_at) index answers the range, deleted and income rows are skipped.

export async function currencyTotals(
  prisma: RawClient,
  userId: string,
  span: Pick<DateSpan, 'start' | 'end'>,
): Promise<CurrencyTotal[]> {
  const rows = await prisma.$queryRaw<TotalRow[]>`
    SELECT currency, SUM(amount_minor)::text AS total, COUNT(*)::int AS count
    FROM expenses
    WHERE user_id = ${userId}::uuid
      AND occurred_at >= ${span.start.toISOString()}::timestamptz
      AND occurred_at < ${span.end.toISOString()}::timestamptz
      AND kind = 'EXPENSE' AND deleted_at IS NULL
    GROUP BY currency
    ORDER BY currency`;
  return rows.map((r) => ({
    currency: r.currency,
    totalMinor: BigInt(r.total),
    count: Number(r.count),
  }));
}

export async function categoryTotals(
  prisma: RawClient,
  userId: string,
  span: Pick<DateSpan, 'start' | 'end'>,
): Promise<CategoryTotal[]> {
  const rows = await prisma.$queryRaw<
    (TotalRow & {
      category_id: string | null;
      name: string | null;
      emoji: string | null;
      color: string | null;
    })[]
  >`
    SELECT e.category_id::text AS category_id, c.name, c.emoji, c.color, e.currency,
           SUM(e.amount_minor)::text AS total, COUNT(*)::int AS count
    FROM expenses e
    LEFT JOIN categories c ON c.id = e.category_id
    WHERE e.user_id = ${userId}::uuid
      AND e.occurred_at >= ${span.start.toISOString()}::timestamptz
      AND e.occurred_at < ${span.end.toISOString()}::timestamptz
      AND e.kind = 'EXPENSE' AND e.deleted_at IS NULL
    GROUP BY e.category_id, c.name, c.emoji, c.color, e.currency
    ORDER BY e.currency, SUM(e.amount_minor) DESC, c.name`;
  const perCurrency = new Map<string, bigint>();
  for (const r of rows) {
    perCurrency.set(r.currency, (perCurrency.get(r.currency) ?? 0n) + BigInt(r.total));
  }
  return rows.map((r) => {
    const totalMinor = BigInt(r.total);
    const whole = perCurrency.get(r.currency) ?? 0n;
    return {
      categoryId: r.category_id,
      name: r.name,
      emoji: r.emoji,
      color: r.color,
      currency: r.currency,
      totalMinor,
      count: Number(r.count),
      share: ratio(totalMinor, whole),
    };
  });
}

/** Spending per local calendar day: the zone is applied in SQL with AT TIME ZONE. */
export async function dayTotals(
  prisma: RawClient,
  userId: string,
  span: Pick<DateSpan, 'start' | 'end'>,
  timeZone: string,
): Promise<DayTotal[]> {
  const rows = await prisma.$queryRaw<(TotalRow & { day: string })[]>`
    SELECT to_char((occurred_at AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS day,
           currency, SUM(amount_minor)::text AS total, COUNT(*)::int AS count
    FROM expenses
    WHERE user_id = ${userId}::uuid
      AND occurred_at >= ${span.start.toISOString()}::timestamptz
      AND occurred_at < ${span.end.toISOString()}::timestamptz
      AND kind = 'EXPENSE' AND deleted_at IS NULL
    GROUP BY 1, currency
    ORDER BY 1, currency`;
  return rows.map((r) => ({
    date: r.day,
    currency: r.currency,
    totalMinor: BigInt(r.total),
    count: Number(r.count),
  }));
}

/**
 * Each budget in force in the month starting on `month` (the latest row per scope
 * from that month or before), with what was spent against it in `span`: all spending
 * in its currency for an overall budget, its category's otherwise.
 */
export async function budgetUse(
  prisma: RawClient,
  userId: string,
  month: LocalDate,
  span: Pick<DateSpan, 'start' | 'end'>,
): Promise<BudgetUse[]> {
  const rows = await prisma.$queryRaw<
    {
      id: string;
      category_id: string | null;
      currency: string;
      amount: string;
      spent: string;
    }[]
  >`
    WITH current_budgets AS (
      SELECT DISTINCT ON (category_id) id, category_id, currency, amount_minor
      FROM budgets
      WHERE user_id = ${userId}::uuid AND month <= ${month}::date
      ORDER BY category_id, month DESC
    ),
    -- The month is scanned once and each budget reads its share from the totals; a
    -- scan per budget cannot use the category index because of the overall budget's OR.
    -- MATERIALIZED keeps the planner from inlining it back into one scan per budget.
    spent AS MATERIALIZED (
      SELECT category_id, currency, SUM(amount_minor) AS total
      FROM expenses
      WHERE user_id = ${userId}::uuid
        AND occurred_at >= ${span.start.toISOString()}::timestamptz
        AND occurred_at < ${span.end.toISOString()}::timestamptz
        AND kind = 'EXPENSE' AND deleted_at IS NULL
      GROUP BY category_id, currency
    )
    SELECT b.id::text AS id, b.category_id::text AS category_id, b.currency,
           b.amount_minor::text AS amount,
           COALESCE((
             SELECT SUM(t.total) FROM spent t
             WHERE t.currency = b.currency
               AND (b.category_id IS NULL OR t.category_id = b.category_id)
           ), 0)::text AS spent
    FROM current_budgets b
    ORDER BY b.category_id NULLS FIRST`;
  return rows.map((r) => {
    const limitMinor = BigInt(r.amount);
    const spentMinor = BigInt(r.spent);
    return {
      budgetId: r.id,
      categoryId: r.category_id,
      currency: r.currency,
      limitMinor,
      spentMinor,
      used: ratio(spentMinor, limitMinor),
    };
  });
}

/** part / whole as a number with four decimals, computed on bigints; 0 when whole is 0. */
export function ratio(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  return Number((part * 10_000n) / whole) / 10_000;
}

/** Gives every day of the span a row per currency, so a chart has no holes. */
export function fillDays(days: DayTotal[], span: DateSpan, currencies: string[]): DayTotal[] {
  const found = new Map(days.map((d) => [`${d.date}|${d.currency}`, d]));
  const filled: DayTotal[] = [];
  for (let date = span.firstDay; date <= span.lastDay; date = addDays(date, 1)) {
    for (const currency of currencies) {
      filled.push(found.get(`${date}|${currency}`) ?? { date, currency, totalMinor: 0n, count: 0 });
    }
  }
  return filled;
}

/** Everything the dashboard and the bot's statements show for one period. */
export async function summarize(
  prisma: RawClient,
  input: { userId: string; range: PeriodRange },
): Promise<Summary> {
  const { userId, range } = input;
  const [totals, previousTotals, categories, days, budgets] = await Promise.all([
    currencyTotals(prisma, userId, range),
    currencyTotals(prisma, userId, range.previous),
    categoryTotals(prisma, userId, range),
    dayTotals(prisma, userId, range, range.timeZone),
    range.period === 'MONTH' ? budgetUse(prisma, userId, range.firstDay, range) : [],
  ]);
  return {
    range,
    totals,
    previousTotals,
    categories,
    days: fillDays(
      days,
      range,
      totals.map((t) => t.currency),
    ),
    budgets,
  };
}
