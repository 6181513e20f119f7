// What a monthly statement shows, read from the database: the month's summary (totals,
// the previous month, categories, days, budgets, income) and its entries. Plain data
// (bigints and strings), so it crosses to a rendering worker as it is.
import { sql, type Queries } from '@spendline/db';
import { addMonths, periodRange, startOfLocalDay, type LocalDate } from '@spendline/ledger';
import { budgetName, summarize, type Summary } from '@spendline/spending';

/** A statement holds at most this many entries; the rest are counted, not listed. */
export const MAX_ENTRIES = 5_000;

export interface StatementEntry {
  date: LocalDate;
  kind: 'EXPENSE' | 'INCOME';
  category: string | null;
  note: string | null;
  currency: string;
  amountMinor: bigint;
}

export interface StatementBudget {
  name: string;
  currency: string;
  limitMinor: bigint;
  spentMinor: bigint;
  used: number;
}

export interface StatementData {
  owner: { name: string; locale: string; currency: string; timeZone: string };
  /** The first day of the month, e.g. 2026-11-01. */
  month: LocalDate;
  lastDay: LocalDate;
  summary: Pick<Summary, 'totals' | 'previousTotals' | 'income' | 'categories' | 'days'>;
  budgets: StatementBudget[];
  entries: StatementEntry[];
  /** Entries of the month beyond MAX_ENTRIES, left out of the table. */
  moreEntries: number;
  generatedAt: Date;
}

export interface StatementOwner {
  id: string;
  displayName: string;
  locale: string;
  currency: string;
  timeZone: string;
}

interface EntryRow {
  date: string;
  kind: 'EXPENSE' | 'INCOME';
  category: string | null;
  note: string | null;
  currency: string;
  amount: string;
}

/** "2026-11" or "2026-11-…" as the month's first day; null for anything else. */
export function monthStart(text: string): LocalDate | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])(?:-\d\d)?$/.exec(text);
  return match ? `${match[1]}-${match[2]}-01` : null;
}

/** The month before `month` (a first day). */
export const previousMonth = (month: LocalDate): LocalDate => addMonths(month, -1);

/** Everything the statement of `month` shows for `owner`, from SQL. */
export async function loadStatement(
  db: Queries,
  input: { owner: StatementOwner; month: LocalDate; now: Date },
): Promise<StatementData> {
  const { owner, month, now } = input;
  const range = periodRange('MONTH', startOfLocalDay(month, owner.timeZone), owner.timeZone);
  const [summary, rows, [count], categories] = await Promise.all([
    summarize(db, { userId: owner.id, range, now }),
    db.rows<EntryRow>(sql`
      SELECT to_char((e.occurred_at AT TIME ZONE ${owner.timeZone})::date, 'YYYY-MM-DD') AS date,
             e.kind::text AS kind, c.name AS category, e.note, e.currency,
             e.amount_minor::text AS amount
      FROM expenses e
      LEFT JOIN categories c ON c.id = e.category_id AND c.user_id = e.user_id
      WHERE e.user_id = ${owner.id}::uuid AND e.deleted_at IS NULL
        AND e.occurred_at >= ${range.start.toISOString()}::timestamptz
        AND e.occurred_at < ${range.end.toISOString()}::timestamptz
      ORDER BY e.occurred_at, e.created_at, e.id
      LIMIT ${MAX_ENTRIES}`),
    db.rows<{ count: number }>(sql`
      SELECT COUNT(*)::int AS count FROM expenses
      WHERE user_id = ${owner.id}::uuid AND deleted_at IS NULL
        AND occurred_at >= ${range.start.toISOString()}::timestamptz
        AND occurred_at < ${range.end.toISOString()}::timestamptz`),
    db.rows<{ id: string; name: string }>(sql`
      SELECT id::text AS id, name FROM categories WHERE user_id = ${owner.id}::uuid`),
  ]);
  const names = new Map(categories.map((c) => [c.id, c.name]));
  return {
    owner: {
      name: owner.displayName,
      locale: owner.locale,
      currency: owner.currency,
      timeZone: owner.timeZone,
    },
    month: range.firstDay,
    lastDay: range.lastDay,
    summary: {
      totals: summary.totals,
      previousTotals: summary.previousTotals,
      income: summary.income,
      categories: summary.categories,
      days: summary.days,
    },
    budgets: summary.budgets.map((b) => ({
      name: budgetName(
        b.categoryId === null ? null : (names.get(b.categoryId) ?? null),
        owner.locale,
      ),
      currency: b.currency,
      limitMinor: b.limitMinor,
      spentMinor: b.spentMinor,
      used: b.used,
    })),
    entries: rows.map((r) => ({
      date: r.date,
      kind: r.kind,
      category: r.category,
      note: r.note,
      currency: r.currency,
      amountMinor: BigInt(r.amount),
    })),
    moreEntries: Math.max(0, (count?.count ?? 0) - rows.length),
    generatedAt: now,
  };
}
