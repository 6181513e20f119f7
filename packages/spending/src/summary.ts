import { PLAN_PER_CALL, raw, sql, type Queries } from '@spendline/db';
import { budgetsInForce, projectedSpend, type BudgetRow } from './budgets.ts';
import {
  addDays,
  localDateOf,
  type DateSpan,
  type LocalDate,
  type PeriodRange,
} from '@spendline/ledger';

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
  /** At this pace by the month's end; null unless the month is the current one. */
  projectedMinor: bigint | null;
}

export interface Summary {
  range: PeriodRange;
  totals: CurrencyTotal[];
  previousTotals: CurrencyTotal[];
  /** Money that came in over the period, per currency. */
  income: CurrencyTotal[];
  categories: CategoryTotal[];
  /** Every local day of the period for each currency spent in it, zeros included. */
  days: DayTotal[];
  /** Budget use, for a MONTH period (budgets are monthly); empty otherwise. */
  budgets: BudgetUse[];
}

interface TotalRow {
  currency: string;
  /** SUM(amount_minor)::text: a bigint keeps every digit. */
  total: string;
  count: number;
}

interface CategoryRow extends TotalRow {
  category_id: string | null;
  name: string | null;
  emoji: string | null;
  color: string | null;
}

/** A `currency, SUM(...)::text AS total, COUNT(*)::int AS count` row as a CurrencyTotal. */
export function currencyTotal(row: TotalRow): CurrencyTotal {
  return { currency: row.currency, totalMinor: BigInt(row.total), count: Number(row.count) };
}

/** Category rows with each one's share of its currency's total (the rows' sum). */
function withShares(rows: CategoryRow[]): CategoryTotal[] {
  const perCurrency = new Map<string, bigint>();
  for (const r of rows) {
    perCurrency.set(r.currency, (perCurrency.get(r.currency) ?? 0n) + BigInt(r.total));
  }
  return rows.map((r) => {
    const total = currencyTotal(r);
    return {
      ...total,
      categoryId: r.category_id,
      name: r.name,
      emoji: r.emoji,
      color: r.color,
      share: ratio(total.totalMinor, perCurrency.get(r.currency) ?? 0n),
    };
  });
}

// Every query below is confined to one user's spending in [start, end): the
// (user_id, occurred_at) index answers the range, deleted and income rows are skipped.

/** Spending (or, with kind INCOME, income) per currency in a span. */
export async function currencyTotals(
  db: Queries,
  userId: string,
  span: Pick<DateSpan, 'start' | 'end'>,
  kind: 'EXPENSE' | 'INCOME' = 'EXPENSE',
): Promise<CurrencyTotal[]> {
  const rows = await db.rows<TotalRow>(sql`
    SELECT currency, SUM(amount_minor)::text AS total, COUNT(*)::int AS count
    FROM expenses
    WHERE user_id = ${userId}::uuid
      AND occurred_at >= ${span.start.toISOString()}::timestamptz
      AND occurred_at < ${span.end.toISOString()}::timestamptz
      AND kind = ${kind}::"ExpenseKind" AND deleted_at IS NULL
    GROUP BY currency
    ORDER BY currency`);
  return rows.map(currencyTotal);
}

export async function categoryTotals(
  db: Queries,
  userId: string,
  span: Pick<DateSpan, 'start' | 'end'>,
): Promise<CategoryTotal[]> {
  const rows = await db.rows<CategoryRow>(sql`
    SELECT e.category_id::text AS category_id, c.name, c.emoji, c.color, e.currency,
           SUM(e.amount_minor)::text AS total, COUNT(*)::int AS count
    FROM expenses e
    LEFT JOIN categories c ON c.id = e.category_id
    WHERE e.user_id = ${userId}::uuid
      AND e.occurred_at >= ${span.start.toISOString()}::timestamptz
      AND e.occurred_at < ${span.end.toISOString()}::timestamptz
      AND e.kind = 'EXPENSE' AND e.deleted_at IS NULL
    GROUP BY e.category_id, c.name, c.emoji, c.color, e.currency
    ORDER BY e.currency, SUM(e.amount_minor) DESC, c.name`);
  return withShares(rows);
}

interface GroupedRow extends CategoryRow {
  /** GROUPING(category_id, day): 3 currency totals, 1 per category, 2 per day. */
  level: number;
  current: boolean;
  day: string | null;
}

/**
 * The period's spending per currency, per category and per local day from one pass over
 * it (GROUPING SETS), and the previous period's per currency, in one statement: the
 * period is read once however many breakdowns the summary shows.
 */
async function groupedSpending(
  db: Queries,
  userId: string,
  range: PeriodRange,
): Promise<GroupedRow[]> {
  const { start, end, previous, timeZone } = range;
  // Its best plan depends on how much of the user's history the range holds.
  return db.rows<GroupedRow>(sql`${raw(PLAN_PER_CALL)}
    WITH grouped AS (
      SELECT currency, category_id, day, GROUPING(category_id, day) AS level,
             SUM(amount_minor) AS total, COUNT(*) AS count
      FROM (
        SELECT currency, category_id, amount_minor,
               (occurred_at AT TIME ZONE ${timeZone})::date AS day
        FROM expenses
        WHERE user_id = ${userId}::uuid AND kind = 'EXPENSE' AND deleted_at IS NULL
          AND occurred_at >= ${start.toISOString()}::timestamptz
          AND occurred_at < ${end.toISOString()}::timestamptz
      ) spent
      GROUP BY GROUPING SETS ((currency), (currency, category_id), (currency, day))
    )
    SELECT g.level::int AS level, true AS current, g.currency,
           g.category_id::text AS category_id, to_char(g.day, 'YYYY-MM-DD') AS day,
           c.name, c.emoji, c.color, g.total::text AS total, g.count::int AS count
    FROM grouped g
    LEFT JOIN categories c ON c.id = g.category_id AND c.user_id = ${userId}::uuid
    UNION ALL
    SELECT 3, false, currency, NULL, NULL, NULL, NULL, NULL,
           SUM(amount_minor)::text, COUNT(*)::int
    FROM expenses
    WHERE user_id = ${userId}::uuid AND kind = 'EXPENSE' AND deleted_at IS NULL
      AND occurred_at >= ${previous.start.toISOString()}::timestamptz
      AND occurred_at < ${previous.end.toISOString()}::timestamptz
    GROUP BY currency`);
}

const byCurrency = (a: { currency: string }, b: { currency: string }) =>
  a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0;

/** Each budget with what was spent against it: its category's spending, or all of it. */
function budgetUse(
  budgets: BudgetRow[],
  categories: CategoryTotal[],
  range: PeriodRange,
  today: LocalDate,
): BudgetUse[] {
  return budgets.map((b) => {
    let spentMinor = 0n;
    for (const c of categories) {
      if (c.currency === b.currency && (b.category_id === null || c.categoryId === b.category_id))
        spentMinor += c.totalMinor;
    }
    const limitMinor = BigInt(b.amount);
    return {
      budgetId: b.id,
      categoryId: b.category_id,
      currency: b.currency,
      limitMinor,
      spentMinor,
      used: ratio(spentMinor, limitMinor),
      projectedMinor: projectedSpend(spentMinor, range, today),
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
  db: Queries,
  input: { userId: string; range: PeriodRange; now: Date },
): Promise<Summary> {
  const { userId, range, now } = input;
  const [rows, budgets, income] = await Promise.all([
    groupedSpending(db, userId, range),
    range.period === 'MONTH' ? budgetsInForce(db, userId, range.firstDay) : [],
    currencyTotals(db, userId, range, 'INCOME'),
  ]);
  const totals: CurrencyTotal[] = [];
  const previousTotals: CurrencyTotal[] = [];
  const days: DayTotal[] = [];
  const perCategory: GroupedRow[] = [];
  for (const row of rows) {
    if (row.level === 3) (row.current ? totals : previousTotals).push(currencyTotal(row));
    else if (row.level === 2) days.push({ ...currencyTotal(row), date: row.day! });
    else perCategory.push(row);
  }
  totals.sort(byCurrency);
  previousTotals.sort(byCurrency);
  const categories = withShares(perCategory).sort(
    (a, b) =>
      byCurrency(a, b) ||
      (a.totalMinor < b.totalMinor ? 1 : a.totalMinor > b.totalMinor ? -1 : 0) ||
      (a.name ?? '').localeCompare(b.name ?? ''),
  );
  return {
    range,
    totals,
    previousTotals,
    income,
    categories,
    days: fillDays(
      days,
      range,
      totals.map((t) => t.currency),
    ),
    budgets: budgetUse(budgets, categories, range, localDateOf(now, range.timeZone)),
  };
}
