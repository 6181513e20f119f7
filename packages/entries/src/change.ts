import { sql, type Queries } from '@spendline/db';
import type { Announcer } from './announce.ts';
import { checkBudgets, type BudgetTelling } from './budgets.ts';
import { EntryValidationError, fieldProblems, type EntryKind, type EntryUser } from './drafts.ts';
import { rescaleSplits } from './splits.ts';

type Tx = Queries;

/**
 * Throws to refuse a change that moves money of the user's entries among `ids`: in a shared
 * book balances move with it (the books module's `guardSharedEntries`).
 */
export type BalanceGuard = (tx: Tx, userId: string, ids: readonly string[]) => Promise<void>;

export interface ChangeOptions {
  now: Date;
  announce: Announcer;
  /** Default `notice`: a change that adds spending may cross a budget threshold. */
  budgets?: BudgetTelling;
  guard: BalanceGuard;
}

/** The fields an edit sets; absent ones stay, null clears note and category. */
export interface EntryPatch {
  amountMinor?: bigint | string;
  currency?: string;
  occurredAt?: Date | string;
  kind?: EntryKind;
  note?: string | null;
  categoryId?: string | null;
}

/** Edits one of the user's live entries; false when there is none by that id. */
export async function updateEntry(
  tx: Tx,
  user: EntryUser,
  id: string,
  patch: EntryPatch,
  options: ChangeOptions,
): Promise<boolean> {
  const problems = fieldProblems(patch);
  if (problems.length > 0) throw new EntryValidationError(problems);
  // Each field is set only when the patch names it (a flag per field, since null
  // is a value for note and category).
  const has = (field: keyof EntryPatch) => patch[field] !== undefined;
  if (has('amountMinor') || has('currency') || has('kind')) await options.guard(tx, user.id, [id]);
  const [row] = await tx.rows<{ kind: EntryKind; categoryId: string | null }>(sql`
    UPDATE expenses SET
      amount_minor = CASE WHEN ${has('amountMinor')} THEN ${patch.amountMinor ?? null}::bigint
                          ELSE amount_minor END,
      currency = CASE WHEN ${has('currency')} THEN ${patch.currency ?? null} ELSE currency END,
      occurred_at = CASE WHEN ${has('occurredAt')} THEN ${patch.occurredAt ?? null}::timestamptz
                         ELSE occurred_at END,
      kind = CASE WHEN ${has('kind')} THEN ${patch.kind ?? null}::"ExpenseKind" ELSE kind END,
      note = CASE WHEN ${has('note')} THEN ${patch.note || null} ELSE note END,
      category_id = CASE WHEN ${has('categoryId')} THEN ${patch.categoryId ?? null}::uuid
                         ELSE category_id END,
      updated_at = now()
     WHERE id = ${id}::uuid AND user_id = ${user.id}::uuid AND deleted_at IS NULL
    RETURNING kind::text AS kind, category_id AS "categoryId"`);
  if (!row) return false;
  if (has('amountMinor')) await rescaleSplits(tx, id);
  if ((options.budgets ?? 'notice') !== 'none' && row.kind === 'EXPENSE') {
    await checkBudgets(tx, user, [row.categoryId], options.now, options.budgets ?? 'notice');
  }
  await options.announce.announce(tx, [{ userId: user.id, expenseId: id, kind: 'updated' }]);
  return true;
}

/** Moves the user's live entries among `ids` to the bin; returns the ids it moved. */
export async function deleteEntries(
  tx: Tx,
  user: EntryUser,
  ids: readonly string[],
  options: Omit<ChangeOptions, 'budgets'>,
): Promise<string[]> {
  if (ids.length === 0) return [];
  await options.guard(tx, user.id, ids);
  const rows = await tx.rows<{ id: string }>(sql`
    UPDATE expenses SET deleted_at = ${options.now.toISOString()}::timestamptz, updated_at = now()
     WHERE user_id = ${user.id}::uuid AND id = ANY(${ids}::uuid[]) AND deleted_at IS NULL
    RETURNING id::text AS id`);
  const deleted = rows.map((row) => row.id);
  await options.announce.announce(
    tx,
    deleted.map((expenseId) => ({ userId: user.id, expenseId, kind: 'deleted' as const })),
  );
  return deleted;
}

/** Brings the user's entries among `ids` back from the bin; returns the ids it restored. */
export async function restoreEntries(
  tx: Tx,
  user: EntryUser,
  ids: readonly string[],
  options: ChangeOptions,
): Promise<string[]> {
  if (ids.length === 0) return [];
  await options.guard(tx, user.id, ids);
  const rows = await tx.rows<{ id: string; kind: EntryKind; category_id: string | null }>(sql`
    UPDATE expenses SET deleted_at = NULL, updated_at = now()
     WHERE user_id = ${user.id}::uuid AND id = ANY(${ids}::uuid[]) AND deleted_at IS NOT NULL
       -- The same payment recorded again since it was removed stays the one kept.
       AND NOT EXISTS (
         SELECT 1 FROM expenses live
          WHERE live.user_id = expenses.user_id AND live.reference = expenses.reference
            AND live.deleted_at IS NULL)
    RETURNING id::text AS id, kind::text AS kind, category_id::text AS category_id`);
  const spent = rows.filter((row) => row.kind === 'EXPENSE').map((row) => row.category_id);
  await checkBudgets(tx, user, spent, options.now, options.budgets ?? 'notice');
  await options.announce.announce(
    tx,
    rows.map((row) => ({ userId: user.id, expenseId: row.id, kind: 'restored' as const })),
  );
  return rows.map((row) => row.id);
}

/**
 * Moves every entry of the user's categories `fromIds` (in the bin too) to `toId`: the
 * merge of categories. Live spending that arrives in `toId` may cross its budget.
 */
export async function moveEntriesToCategory(
  tx: Tx,
  user: EntryUser,
  fromIds: readonly string[],
  toId: string,
  options: Omit<ChangeOptions, 'guard'>,
): Promise<string[]> {
  if (fromIds.length === 0) return [];
  const rows = await tx.rows<{ id: string; live: boolean; spent: boolean }>(sql`
    UPDATE expenses SET category_id = ${toId}::uuid, updated_at = now()
     WHERE user_id = ${user.id}::uuid AND category_id = ANY(${fromIds}::uuid[])
    RETURNING id::text AS id, deleted_at IS NULL AS live, kind = 'EXPENSE' AS spent`);
  const live = rows.filter((row) => row.live);
  if (live.some((row) => row.spent)) {
    await checkBudgets(tx, user, [toId], options.now, options.budgets ?? 'notice');
  }
  await options.announce.announce(
    tx,
    live.map((row) => ({ userId: user.id, expenseId: row.id, kind: 'updated' as const })),
  );
  return rows.map((row) => row.id);
}
