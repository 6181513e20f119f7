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

export interface Answer {
  question: ResolvedQuestion;
  /** The period's spending per currency (within the threshold, if any). */
  totals: CurrencyTotal[];
  /** The period compared with: the one asked for, or else the one before. */
  other: { period: QuestionPeriod; totals: CurrencyTotal[] };
  /** Days in the period, for a daily average. */
  days: number;
  /** Biggest first: the top N, or a breakdown of a total over every category. */
  categories: AnswerCategory[];
  /** The entries behind the answer, newest first (the biggest first for "biggest"). */
  entries: AnswerEntry[];
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

function where(input: AnswerInput, period: QuestionPeriod): Statement {
  const { start, end } = daysSpan(period.from, period.to, input.timeZone);
  return sql`e.user_id = ${input.userId}::uuid AND e.kind = 'EXPENSE' AND e.deleted_at IS NULL
    AND e.occurred_at >= ${start.toISOString()}::timestamptz
    AND e.occurred_at < ${end.toISOString()}::timestamptz
    ${filterClause(input.question.filter)} ${thresholdClause(input.question)}`;
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

async function totalsOf(
  db: Queries,
  input: AnswerInput,
  period: QuestionPeriod,
): Promise<CurrencyTotal[]> {
  const rows = await db.rows<{
    currency: string;
    total: string;
    count: number;
  }>(sql`${raw(PLAN_PER_CALL)}
    SELECT e.currency, SUM(e.amount_minor)::text AS total, COUNT(*)::int AS count
    FROM expenses e WHERE ${where(input, period)}
    GROUP BY e.currency ORDER BY e.currency`);
  return rows.map(currencyTotal);
}

async function categoriesOf(
  db: Queries,
  input: AnswerInput,
  limit: number,
): Promise<AnswerCategory[]> {
  const rows = await db.rows<{
    currency: string;
    total: string;
    count: number;
    category_id: string | null;
    name: string | null;
  }>(sql`${raw(PLAN_PER_CALL)}
    SELECT e.currency, e.category_id::text AS category_id, c.name,
           SUM(e.amount_minor)::text AS total, COUNT(*)::int AS count
    FROM expenses e
    LEFT JOIN categories c ON c.id = e.category_id AND c.user_id = ${input.userId}::uuid
    WHERE ${where(input, input.question.period)}
    GROUP BY e.currency, e.category_id, c.name
    ORDER BY SUM(e.amount_minor) DESC, c.name NULLS LAST
    LIMIT ${limit}`);
  return rows.map((r) => ({ ...currencyTotal(r), categoryId: r.category_id, name: r.name }));
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
    WHERE ${where(input, input.question.period)}
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
  const [totals, other, categories, entries] = await Promise.all([
    totalsOf(db, input, period),
    totalsOf(db, input, otherPeriod),
    breakdown > 0 ? categoriesOf(db, input, breakdown) : Promise.resolve([]),
    listing ? entriesOf(db, input, measure === 'biggest') : Promise.resolve([]),
  ]);
  return {
    question,
    totals,
    other: { period: otherPeriod, totals: other },
    days: daysBetween(period.from, period.to) + 1,
    categories,
    entries,
  };
}
