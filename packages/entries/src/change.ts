import type { Prisma } from '@spendline/db';
import type { Announcer } from './announce.ts';
import { checkBudgets, type BudgetTelling } from './budgets.ts';
import { EntryValidationError, fieldProblems, type EntryKind, type EntryUser } from './drafts.ts';

type Tx = Prisma.TransactionClient;

export interface ChangeOptions {
  now: Date;
  announce: Announcer;
  /** Default `notice`: a change that adds spending may cross a budget threshold. */
  budgets?: BudgetTelling;
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
  const { count } = await tx.expense.updateMany({
    where: { id, userId: user.id, deletedAt: null },
    data: {
      amountMinor: patch.amountMinor === undefined ? undefined : BigInt(patch.amountMinor),
      currency: patch.currency,
      occurredAt: patch.occurredAt,
      kind: patch.kind,
      note: patch.note === undefined ? undefined : patch.note || null,
      categoryId: patch.categoryId,
    },
  });
  if (count === 0) return false;
  if ((options.budgets ?? 'notice') !== 'none') {
    const { kind, categoryId } = await tx.expense.findUniqueOrThrow({
      where: { id },
      select: { kind: true, categoryId: true },
    });
    if (kind === 'EXPENSE')
      await checkBudgets(tx, user, [categoryId], options.now, options.budgets ?? 'notice');
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
  const rows = await tx.$queryRaw<{ id: string }[]>`
    UPDATE expenses SET deleted_at = ${options.now.toISOString()}::timestamptz, updated_at = now()
     WHERE user_id = ${user.id}::uuid AND id = ANY(${ids}::uuid[]) AND deleted_at IS NULL
    RETURNING id::text AS id`;
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
  const rows = await tx.$queryRaw<{ id: string; kind: EntryKind; category_id: string | null }[]>`
    UPDATE expenses SET deleted_at = NULL, updated_at = now()
     WHERE user_id = ${user.id}::uuid AND id = ANY(${ids}::uuid[]) AND deleted_at IS NOT NULL
    RETURNING id::text AS id, kind::text AS kind, category_id::text AS category_id`;
  const spent = rows.filter((row) => row.kind === 'EXPENSE').map((row) => row.category_id);
  await checkBudgets(tx, user, spent, options.now, options.budgets ?? 'notice');
  await options.announce.announce(
    tx,
    rows.map((row) => ({ userId: user.id, expenseId: row.id, kind: 'restored' as const })),
  );
  return rows.map((row) => row.id);
}
