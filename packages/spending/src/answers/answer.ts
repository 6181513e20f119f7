// The answer to a question about one's own spending, every figure from SQL over the
// user's entries: a period's days are instants in the user's zone, amounts stay bigint
// minor units, and only their own, undeleted expenses count.

import { empty, PLAN_PER_CALL, raw, sql, type Queries, type Statement } from '@spendline/db';
import { daysBetween, daysSpan, type LocalDate } from '@spendline/ledger';
import type { QuestionFilter, QuestionPeriod, ResolvedQuestion } from '@spendline/parser';
import { currencyTotal, type CurrencyTotal } from '../summary.ts';
import { previousPeriod } from './previous.ts';

export interface AnswerEntry {
  id: string;
  occurredOn: LocalDate;
  amountMinor: bigint;
  currency: string;
  category: string | null;
  note: string | null;
}

export interface AnswerCategory extends CurrencyTotal {
  categoryId: string | null;
  name: string | null;
}

export interface AnswerDay extends CurrencyTotal {
  day: LocalDate;
}

export interface Answer {
  question: ResolvedQuestion;
  /** The period's spending per currency (within the threshold, if any). */
  totals: CurrencyTotal[];
  /** The period compared with: the one asked for, or else the one before. */
  other: { period: QuestionPeriod; totals: CurrencyTotal[] };
  /** Days in the period, for a daily average: 0 for a period that has not begun. */
  days: number;
  /** Biggest first: the top N, or a breakdown of a total over every category. */
  categories: AnswerCategory[];
  /** The entries behind the answer, newest first (the biggest first for "biggest"). */
  entries: AnswerEntry[];
  /** A filtered total over several days: the days with spending, oldest first. */
  byDay: AnswerDay[];
}

export interface AnswerInput {
  userId: string;
  timeZone: string;
  question: ResolvedQuestion;
}

/** A longer list is cut; its total and count still cover every entry. */
export const MAX_ENTRIES = 300;
/** Categories a breakdown of a total shows. */
const BREAKDOWN = 5;

function within(period: QuestionPeriod, timeZone: string): Statement {
  const { start, end } = daysSpan(period.from, period.to, timeZone);
  return sql`(e.occurred_at >= ${start.toISOString()}::timestamptz
    AND e.occurred_at < ${end.toISOString()}::timestamptz)`;
}

function where(input: AnswerInput, span: Statement): Statement {
  return sql`e.user_id = ${input.userId}::uuid AND e.kind = 'EXPENSE' AND e.deleted_at IS NULL
    AND ${span} ${filterClause(input.question.filter)} ${thresholdClause(input.question)}`;
}

function filterClause(filter: QuestionFilter | null): Statement {
  if (filter === null) return empty;
  if (filter.kind === 'category') return sql`AND e.category_id = ${filter.categoryId}::uuid`;
  // The parser hands over letters and digits only: nothing here is a pattern character.
  return sql`AND e.note ~* ${`\\m${filter.word}\\M`}`;
}

function thresholdClause({ measure, thresholdMinor, currency }: ResolvedQuestion): Statement {
  if (thresholdMinor === null || (measure !== 'above' && measure !== 'below' && measure !== 'list'))
    return empty;
  const op = measure === 'below' ? raw('<') : raw('>');
  return sql`AND e.currency = ${currency} AND e.amount_minor ${op} ${thresholdMinor}::bigint`;
}

interface Grouped {
  totals: CurrencyTotal[];
  other: CurrencyTotal[];
  /** Biggest first, every category of the period. */
  categories: AnswerCategory[];
}

function add(into: Map<string, CurrencyTotal>, currency: string, total: bigint, count: number) {
  const sum = into.get(currency) ?? { currency, totalMinor: 0n, count: 0 };
  into.set(currency, { currency, totalMinor: sum.totalMinor + total, count: sum.count + count });
}

const byCurrency = (totals: Map<string, CurrencyTotal>) =>
  [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));

/**
 * Both periods' totals and the period's categories in one pass over the rows of either
 * period: a year against the year before reads each entry once.
 */
async function groupedOf(db: Queries, input: AnswerInput, other: QuestionPeriod): Promise<Grouped> {
  const current = within(input.question.period, input.timeZone);
  const before = within(other, input.timeZone);
  const rows = await db.rows<{
    currency: string;
    category_id: string | null;
    name: string | null;
    current: boolean;
    other: boolean;
    total: string;
    count: number;
  }>(sql`${raw(PLAN_PER_CALL)}
    SELECT e.currency, e.category_id::text AS category_id, c.name,
           ${current} AS current, ${before} AS other,
           SUM(e.amount_minor)::text AS total, COUNT(*)::int AS count
    FROM expenses e
    LEFT JOIN categories c ON c.id = e.category_id AND c.user_id = ${input.userId}::uuid
    WHERE ${where(input, sql`(${current} OR ${before})`)}
    GROUP BY 1, 2, 3, 4, 5`);
  const totals = new Map<string, CurrencyTotal>();
  const others = new Map<string, CurrencyTotal>();
  const categories: AnswerCategory[] = [];
  for (const row of rows) {
    const total = BigInt(row.total);
    if (row.other) add(others, row.currency, total, row.count);
    if (!row.current) continue;
    add(totals, row.currency, total, row.count);
    categories.push({ ...currencyTotal(row), categoryId: row.category_id, name: row.name });
  }
  categories.sort(
    (a, b) =>
      (b.totalMinor > a.totalMinor ? 1 : b.totalMinor < a.totalMinor ? -1 : 0) ||
      (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name)),
  );
  return { totals: byCurrency(totals), other: byCurrency(others), categories };
}

async function entriesOf(
  db: Queries,
  input: AnswerInput,
  biggest: boolean,
): Promise<AnswerEntry[]> {
  const order = biggest
    ? sql`e.amount_minor DESC, e.occurred_at DESC`
    : sql`e.occurred_at DESC, e.amount_minor DESC`;
  const rows = await db.rows<{
    id: string;
    day: string;
    amount: string;
    currency: string;
    name: string | null;
    note: string | null;
  }>(sql`${raw(PLAN_PER_CALL)}
    SELECT e.id::text AS id, to_char(e.occurred_at AT TIME ZONE ${input.timeZone}, 'YYYY-MM-DD') AS day,
           e.amount_minor::text AS amount, e.currency, c.name, e.note
    FROM expenses e
    LEFT JOIN categories c ON c.id = e.category_id AND c.user_id = ${input.userId}::uuid
    WHERE ${where(input, within(input.question.period, input.timeZone))}
    ORDER BY ${order}, e.id
    LIMIT ${biggest ? 1 : MAX_ENTRIES}`);
  return rows.map((r) => ({
    id: r.id,
    occurredOn: r.day,
    amountMinor: BigInt(r.amount),
    currency: r.currency,
    category: r.name,
    note: r.note,
  }));
}

async function daysOf(db: Queries, input: AnswerInput): Promise<AnswerDay[]> {
  const rows = await db.rows<{ day: string; currency: string; total: string; count: number }>(
    sql`${raw(PLAN_PER_CALL)}
    SELECT to_char(e.occurred_at AT TIME ZONE ${input.timeZone}, 'YYYY-MM-DD') AS day, e.currency,
           SUM(e.amount_minor)::text AS total, COUNT(*)::int AS count
    FROM expenses e
    WHERE ${where(input, within(input.question.period, input.timeZone))}
    GROUP BY 1, 2
    ORDER BY 1, 2`,
  );
  return rows.map((row) => ({ ...currencyTotal(row), day: row.day }));
}

/** A total of one category or word over several days is broken down by day. */
function wantsDays({ measure, filter, compare, period }: ResolvedQuestion): boolean {
  return measure === 'total' && filter !== null && compare === null && period.from < period.to;
}

export async function answerQuestion(db: Queries, input: AnswerInput): Promise<Answer> {
  const { question } = input;
  const { measure, period } = question;
  const otherPeriod = question.compare ?? previousPeriod(period);
  const listing =
    measure === 'list' || measure === 'above' || measure === 'below' || measure === 'biggest';
  const breakdown =
    measure === 'top'
      ? (question.top ?? BREAKDOWN)
      : measure === 'total' && question.filter === null
        ? BREAKDOWN
        : 0;
  const [grouped, entries, byDay] = await Promise.all([
    groupedOf(db, input, otherPeriod),
    listing ? entriesOf(db, input, measure === 'biggest') : Promise.resolve([]),
    wantsDays(question) ? daysOf(db, input) : Promise.resolve([]),
  ]);
  return {
    question,
    totals: grouped.totals,
    other: { period: otherPeriod, totals: grouped.other },
    // A period that has not begun ends (today) before it starts.
    days: Math.max(0, daysBetween(period.from, period.to) + 1),
    categories: grouped.categories.slice(0, breakdown),
    entries,
    byDay,
  };
}
