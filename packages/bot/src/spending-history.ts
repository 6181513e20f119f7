import { sql, type Statement } from '@spendline/db';
import { daysSpan } from '@spendline/ledger';
import type { ParsedExpense } from '@spendline/parser';
import type { CategoryRef, Concern } from './types.ts';

/** How far back an equal expense counts as a likely duplicate. */
const DUPLICATE_WINDOW_MS = 10 * 60_000;
/** Without a set threshold, amounts above this multiple of the usual one ask first. */
const LARGE_MULTIPLE = 10n;
/** The median means something only once there is a little history. */
const MIN_HISTORY = 10;

/** An expense saved within the duplicate window, as the duplicate check compares it. */
export interface RecentExpense {
  amountMinor: string;
  currency: string;
  categoryId: string | null;
  occurredAt: string;
  inboundMessageId: string | null;
}

/**
 * What the checks before saving need, read with the account (one round trip for every
 * expense message): the usual amount in the user's currency (null without enough
 * history, or when the user set a threshold) and the expenses of the last minutes.
 */
export interface SpendingHistory {
  usualMinor: string | null;
  recent: RecentExpense[];
}

/** The median of the user's last 200 expenses in a currency; null with under 10 of them. */
export function recentMedian(userId: Statement, currency: Statement): Statement {
  return sql`(
    SELECT (percentile_disc(0.5) WITHIN GROUP (ORDER BY amount_minor))::text
    FROM (
      SELECT amount_minor FROM expenses
      WHERE user_id = ${userId} AND currency = ${currency}
        AND kind = 'EXPENSE' AND deleted_at IS NULL
      ORDER BY occurred_at DESC
      LIMIT 200
    ) recent
    HAVING COUNT(*) >= ${MIN_HISTORY})`;
}

/** The expenses `userId` saved within the duplicate window before `now`, as RecentExpense JSON. */
export function recentExpenses(userId: Statement, now: Date): Statement {
  const since = new Date(now.getTime() - DUPLICATE_WINDOW_MS);
  return sql`COALESCE((
    SELECT json_agg(json_build_object(
             'amountMinor', amount_minor::text, 'currency', currency,
             'categoryId', category_id, 'occurredAt', occurred_at,
             'inboundMessageId', inbound_message_id))
    FROM expenses
    WHERE user_id = ${userId} AND kind = 'EXPENSE' AND deleted_at IS NULL
      AND created_at >= ${since.toISOString()}::timestamptz
  ), '[]'::json)`;
}

export interface ConcernInput {
  expense: ParsedExpense;
  category: CategoryRef | null;
  /** The message being read: what it saved itself is no duplicate. */
  messageId: string;
  timeZone: string;
  /** The user's own threshold (minor units), if set. */
  confirmAboveMinor: bigint | null;
}

/** What the duplicate check compares of an expense about to be saved. */
export interface TwinQuery {
  amountMinor: bigint;
  currency: string;
  occurredOn: string;
  /** null: not chosen yet, so an equal entry in any category counts. */
  categoryId: string | null;
  /** The message it came from: what that message saved itself is no twin. */
  messageId: string;
}

/**
 * Whether an equal entry is stored: same amount and currency, on the same local day, in
 * the same category, saved within the last minutes by another message.
 */
export function hasTwin(
  query: TwinQuery,
  timeZone: string,
  recent: readonly RecentExpense[],
): boolean {
  const day = daysSpan(query.occurredOn, query.occurredOn, timeZone);
  return recent.some((saved) => {
    const at = Date.parse(saved.occurredAt);
    return (
      BigInt(saved.amountMinor) === query.amountMinor &&
      saved.currency === query.currency &&
      at >= day.start.getTime() &&
      at < day.end.getTime() &&
      (query.categoryId === null || saved.categoryId === query.categoryId) &&
      saved.inboundMessageId !== query.messageId
    );
  });
}

/**
 * Whether to ask before saving: an amount above the user's threshold (or ten times the
 * usual one), or an equal amount in the same category on the same day saved within the
 * last minutes by another message.
 */
export function concernsOf(
  { expense, category, messageId, timeZone, confirmAboveMinor }: ConcernInput,
  usualMinor: string | null,
  recent: readonly RecentExpense[],
): { concerns: Concern[]; usualMinor: string | null } {
  const usual = usualMinor === null ? null : BigInt(usualMinor);
  const threshold = confirmAboveMinor ?? (usual === null ? null : usual * LARGE_MULTIPLE);
  const duplicate = hasTwin(
    { ...expense, categoryId: category?.id ?? null, messageId },
    timeZone,
    recent,
  );
  const found: Concern[] = [];
  if (threshold !== null && expense.amountMinor > threshold) found.push('large');
  if (duplicate) found.push('duplicate');
  return { concerns: found, usualMinor: usual === null ? null : usual.toString() };
}
