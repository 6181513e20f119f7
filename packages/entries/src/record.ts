import { empty, newId, sql, type Queries, type Statement } from '@spendline/db';
import type { DateSpan } from '@spendline/ledger';
import { currencyTotal, type BudgetAlert, type CurrencyTotal } from '@spendline/spending';
import type { Announcer } from './announce.ts';
import { checkBudgets, type BudgetTelling } from './budgets.ts';
import { checkDrafts, type EntryDraft, type EntrySource, type EntryUser } from './drafts.ts';

type Tx = Queries;

export interface RecordOptions {
  now: Date;
  announce: Announcer;
  /** Default `notice`. */
  budgets?: BudgetTelling;
  /**
   * Skips a draft equal (day, amount, currency, kind, note) to an entry recorded before
   * this instant: an interrupted import run again adds nothing twice. Drafts need `day`.
   */
  skipRecordedBefore?: Date;
  /** Also sum the user's spending in this span, the new entries included, per currency. */
  totalsIn?: Pick<DateSpan, 'start' | 'end'>;
}

export interface Recorded {
  /** The ids of the entries stored (skipped ones left out). */
  ids: string[];
  /** Budget thresholds crossed (with `budgets: 'return'`, for the caller to tell). */
  alerts: BudgetAlert[];
  /** Spending in `totalsIn`, when asked. */
  totals: CurrencyTotal[];
}

interface AddedRow {
  id: string;
  kind: 'EXPENSE' | 'INCOME';
  category_id: string | null;
  currency: string | null;
  total: string | null;
  count: number | null;
}

/**
 * The one way entries are recorded, from every source: checks the drafts, stores them in
 * one statement (a batch of any size), checks budget thresholds their spending crossed,
 * and announces them to live dashboards (on commit, through `announce`).
 */
export async function recordEntries(
  tx: Tx,
  user: EntryUser,
  drafts: readonly EntryDraft[],
  source: EntrySource,
  options: RecordOptions,
): Promise<Recorded> {
  if (drafts.length === 0) return { ids: [], alerts: [], totals: [] };
  checkDrafts(drafts);
  // Ids known before the insert, so an attachment can be tied to its entry.
  const identified = drafts.map((draft) => (draft.id ? draft : { ...draft, id: newId() }));
  const rows = await tx.rows<AddedRow>(insertSql(user, identified, source, options));
  const added = rows.filter((row) => row.id !== null);
  await attachEvidence(tx, user, identified, new Set(added.map((row) => row.id)));
  const spent = added.filter((row) => row.kind === 'EXPENSE').map((row) => row.category_id);
  const alerts = await checkBudgets(tx, user, spent, options.now, options.budgets ?? 'notice');
  await options.announce.announce(
    tx,
    added.map((row) => ({ userId: user.id, expenseId: row.id, kind: 'added' as const })),
  );
  const totals = options.totalsIn
    ? rows
        .filter((row) => row.currency !== null)
        .map((row) =>
          currencyTotal({
            currency: row.currency!,
            total: row.total ?? '0',
            count: row.count ?? 0,
          }),
        )
    : [];
  return { ids: added.map((row) => row.id), alerts, totals };
}

/** Shows each recorded entry's photo or voice note with it (only the user's own, unattached). */
async function attachEvidence(
  tx: Tx,
  user: EntryUser,
  drafts: readonly EntryDraft[],
  recorded: ReadonlySet<string>,
): Promise<void> {
  const pairs = drafts.filter((d) => d.attachmentId && recorded.has(d.id!));
  if (pairs.length === 0) return;
  await tx.execute(sql`
    UPDATE attachments a SET expense_id = x.expense_id
      FROM unnest(${pairs.map((d) => d.id!)}::uuid[], ${pairs.map((d) => d.attachmentId!)}::uuid[])
           AS x(expense_id, attachment_id)
     WHERE a.id = x.attachment_id AND a.user_id = ${user.id}::uuid AND a.expense_id IS NULL`);
}

const iso = (at: Date | string) => (typeof at === 'string' ? at : at.toISOString());

/**
 * One INSERT over unnest'ed columns. Asked for totals, the same statement sums the span:
 * a statement does not see its own CTE's rows, so the new ones are added to the sum.
 */
function insertSql(
  user: EntryUser,
  drafts: readonly EntryDraft[],
  source: EntrySource,
  { skipRecordedBefore, totalsIn }: RecordOptions,
): Statement {
  const column = <T>(pick: (draft: EntryDraft) => T) => drafts.map(pick);
  const skip = skipRecordedBefore
    ? sql`WHERE NOT EXISTS (
        SELECT 1 FROM expenses x
        WHERE x.user_id = ${user.id}::uuid AND x.deleted_at IS NULL
          AND x.occurred_at >= e.day_start AND x.occurred_at < e.day_end
          AND x.amount_minor = e.amount_minor AND x.currency = e.currency
          AND x.kind = e.kind::"ExpenseKind" AND x.note IS NOT DISTINCT FROM e.note
          AND x.created_at < ${skipRecordedBefore.toISOString()}::timestamptz)`
    : empty;
  const insert = sql`
    INSERT INTO expenses (id, user_id, kind, amount_minor, currency, occurred_at, note,
                          category_id, source, inbound_message_id, recurring_expense_id,
                          reference, book_id, updated_at)
    SELECT e.id, ${user.id}::uuid, e.kind::"ExpenseKind", e.amount_minor, e.currency,
           e.occurred_at, e.note, e.category_id, ${source}::"ExpenseSource", e.message_id,
           e.recurring_id, e.reference, e.book_id, now()
    FROM unnest(
      ${column((d) => d.id ?? newId())}::uuid[],
      ${column((d) => d.kind)}::text[],
      ${column((d) => d.amountMinor.toString())}::bigint[],
      ${column((d) => d.currency)}::text[],
      ${column((d) => iso(d.occurredAt))}::timestamptz[],
      ${column((d) => d.note || null)}::text[],
      ${column((d) => d.categoryId)}::uuid[],
      ${column((d) => d.inboundMessageId ?? null)}::uuid[],
      ${column((d) => d.recurringExpenseId ?? null)}::uuid[],
      ${column((d) => d.reference ?? null)}::text[],
      ${column((d) => d.bookId ?? null)}::uuid[],
      ${column((d) => d.day?.start ?? null)}::timestamptz[],
      ${column((d) => d.day?.end ?? null)}::timestamptz[]
    ) WITH ORDINALITY AS e(id, kind, amount_minor, currency, occurred_at, note, category_id,
                           message_id, recurring_id, reference, book_id, day_start, day_end,
                           n)
    ${skip}
    ORDER BY e.n
    -- A payment whose reference a live entry holds is that entry: skipped, not an error.
    ON CONFLICT (user_id, reference) WHERE reference IS NOT NULL AND deleted_at IS NULL
      DO NOTHING
    RETURNING id, kind, category_id, currency, amount_minor, occurred_at`;
  if (!totalsIn) {
    return sql`
      WITH added AS (${insert})
      SELECT id::text AS id, kind::text AS kind, category_id::text AS category_id,
             NULL AS currency, NULL AS total, NULL::int AS count
      FROM added`;
  }
  const [start, end] = [totalsIn.start.toISOString(), totalsIn.end.toISOString()];
  // The added rows and the span's totals in one answer: rows with an id, then totals.
  return sql`
    WITH added AS (${insert}),
    totals AS (
      SELECT currency, SUM(amount_minor)::text AS total, COUNT(*)::int AS count
      FROM (
        SELECT currency, amount_minor FROM expenses
        WHERE user_id = ${user.id}::uuid AND kind = 'EXPENSE' AND deleted_at IS NULL
          AND occurred_at >= ${start}::timestamptz AND occurred_at < ${end}::timestamptz
        UNION ALL
        SELECT currency, amount_minor FROM added
        WHERE kind = 'EXPENSE'
          AND occurred_at >= ${start}::timestamptz AND occurred_at < ${end}::timestamptz
      ) span
      GROUP BY currency)
    SELECT id::text AS id, kind::text AS kind, category_id::text AS category_id,
           NULL::text AS currency, NULL::text AS total, NULL::int AS count
    FROM added
    UNION ALL
    SELECT NULL, NULL, NULL, currency, total, count FROM (SELECT * FROM totals ORDER BY currency) t`;
}
