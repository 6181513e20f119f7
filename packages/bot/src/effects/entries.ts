// The effects that write entries: save, undo, delete, edit, and the alias an answer teaches.
import { guardSharedEntries } from '@spendline/books';
import { newId, sql, type Statement, type User } from '@spendline/db';
import {
  deleteEntries,
  keptNote,
  updateEntry,
  type EntryDraft,
  type EntryPatch,
} from '@spendline/entries';
import { daysSpan, localDateOf, periodRange } from '@spendline/ledger';
import { budgetAlertText } from '@spendline/spending';
import type { EditChange } from '@spendline/parser';
import { alertRepliesFor } from '../alert-replies.ts';
import { bookReplies, type BookKey } from '../book-replies.ts';
import { refusing } from './books.ts';
import type { Reply } from '../reply.ts';
import { dayLabel, expenseLabel, money, totalsText } from '../statements.ts';
import { CHOICE, type DraftExpense } from '../types.ts';
import { recordWithBooks } from './book-entries.ts';
import { requireUser, sayTo, type EffectScope, type FamilyHandlers, type Tx } from './scope.ts';

// Noon keeps a back-dated expense on its day whatever the zone's DST does.
function occurredAt(expense: DraftExpense, user: User, now: Date): Date {
  if (expense.occurredOn === localDateOf(now, user.timeZone)) return now;
  const day = daysSpan(expense.occurredOn, expense.occurredOn, user.timeZone);
  return new Date((day.start.getTime() + day.end.getTime()) / 2);
}

async function categoryFor(tx: Tx, user: User, expense: DraftExpense): Promise<string | null> {
  if (!expense.category) return null;
  if (!expense.createCategory) return expense.category.id;
  // The name may have been taken meanwhile (the dashboard): then that category it is.
  const nameKey = expense.category.name.toLowerCase();
  const [category] = await tx.rows<{ id: string }>(sql`
    INSERT INTO categories (id, user_id, name, name_key, updated_at)
    VALUES (${expense.category.id}::uuid, ${user.id}::uuid, ${expense.category.name}, ${nameKey}, now())
    ON CONFLICT (user_id, name_key) DO UPDATE SET archived_at = NULL, updated_at = now()
    RETURNING id`);
  return category?.id ?? null;
}

/**
 * Stores the expenses with today's total in one statement, and confirms each; those whose
 * category question went unanswered are confirmed together, saying where they went.
 */
async function save(
  scope: EffectScope,
  reply: Reply,
  expenses: DraftExpense[],
  unanswered = false,
): Promise<void> {
  const user = requireUser(scope);
  const { tx, now } = scope;
  const drafts: EntryDraft[] = [];
  for (const expense of expenses) {
    drafts.push({
      id: expense.id,
      kind: expense.kind ?? 'EXPENSE',
      amountMinor: expense.amountMinor,
      currency: expense.currency,
      occurredAt: occurredAt(expense, user, now),
      note: keptNote(expense.note),
      categoryId: await categoryFor(tx, user, expense),
      inboundMessageId: expense.messageId,
      reference: expense.alert?.reference ?? null,
      attachmentId: expense.alert?.attachmentId ?? null,
    });
  }
  const { ids, totals, alerts, bookLines } = await recordWithBooks(scope, user, expenses, drafts, {
    now,
    announce: scope.announce,
    budgets: scope.budgeted ? 'return' : 'none',
    totalsIn: periodRange('TODAY', now, user.timeZone),
  });
  const today = localDateOf(now, user.timeZone);
  const stored: DraftExpense[] = [];
  for (const expense of expenses) {
    // Recorded meanwhile from elsewhere (the dashboard, a receipt): the same payment.
    const reference = expense.alert?.reference;
    if (reference && !ids.includes(expense.id)) {
      reply.parts.push(alertRepliesFor(scope.locale).duplicate(null, reference));
      continue;
    }
    stored.push(expense);
    if (unanswered) continue;
    const date = expense.occurredOn === today ? null : dayLabel(expense.occurredOn, user.locale);
    const amount = money(user, expense.amountMinor, expense.currency);
    reply.parts.push(
      expense.kind === 'INCOME'
        ? sayTo(scope).savedIncome(amount, expense.category?.name ?? (expense.note || null), date)
        : sayTo(scope).saved(amount, expense.category?.name ?? null, date),
    );
    if (expense.morePrices) reply.parts.push(sayTo(scope).morePrices(expense.text, amount));
  }
  if (unanswered && stored.length > 0) {
    const quotes = stored.map((expense) => expense.text);
    reply.parts.push(sayTo(scope).expiredSaved(quotes, stored[0]!.category?.name ?? null));
  }
  reply.parts.push(...expenses.flatMap((e) => bookLines.get(e.id) ?? []));
  // After an expiry the message that found it is answered next, with its own total.
  if (!unanswered) reply.parts.push(sayTo(scope).todayTotal(totalsText(user, totals)));
  reply.parts.push(...alerts.map((alert) => budgetAlertText(alert, user.locale)));
  reply.undo = { id: CHOICE.undo(expenses[0]!.messageId), title: sayTo(scope).undoButton };
}

interface LiveEntry {
  id: string;
  amountMinor: bigint;
  currency: string;
  categoryId: string | null;
  categoryName: string | null;
  note: string | null;
}

/** The user's live entries that `where` picks (on expenses e), oldest first. */
function liveEntries(scope: EffectScope, user: User, where: Statement): Promise<LiveEntry[]> {
  return scope.tx.rows<LiveEntry>(sql`
    SELECT e.id, e.amount_minor AS "amountMinor", e.currency, e.category_id::text AS "categoryId",
           c.name AS "categoryName", e.note
      FROM expenses e LEFT JOIN categories c ON c.id = e.category_id
     WHERE e.user_id = ${user.id}::uuid AND e.deleted_at IS NULL AND ${where}
     ORDER BY e.created_at, e.id`);
}

/** Runs a change, or says why the books module kept an entry with someone gone as it is. */
function unlessMemberGone(
  user: User,
  change: () => Promise<string>,
  refused: BookKey,
): Promise<string> {
  return refusing(change, (error) => {
    if (error.reason !== 'MEMBER_GONE') throw error;
    return bookReplies(user.locale)(refused);
  });
}

async function softDelete(scope: EffectScope, where: Statement): Promise<string> {
  const user = requireUser(scope);
  const rows = await liveEntries(scope, user, where);
  if (rows.length === 0) return sayTo(scope).nothingToUndo;
  return unlessMemberGone(
    user,
    async () => {
      await deleteEntries(
        scope.tx,
        user,
        rows.map((r) => r.id),
        { now: scope.now, announce: scope.announce, guard: guardSharedEntries },
      );
      return sayTo(scope).undone(rows.map((r) => expenseLabel(user, r, r.categoryName)));
    },
    'entryStays',
  );
}

/** Without a record in the snapshot: the newest expense a message of this chat created. */
async function lastFromChat(
  scope: EffectScope,
): Promise<{ id: string; inboundMessageId: string | null } | null> {
  const [last] = await scope.tx.rows<{ id: string; inboundMessageId: string | null }>(sql`
    SELECT e.id, e.inbound_message_id AS "inboundMessageId"
      FROM expenses e JOIN inbound_messages m ON m.id = e.inbound_message_id
     WHERE e.user_id = ${requireUser(scope).id}::uuid AND e.deleted_at IS NULL
       AND m.conversation_id = ${scope.conversationId}::uuid
     ORDER BY e.created_at DESC, e.id DESC
     LIMIT 1`);
  return last ?? null;
}

async function undo(scope: EffectScope, expenseIds: string[] | null): Promise<string> {
  if (expenseIds) return softDelete(scope, sql`e.id = ANY(${expenseIds}::uuid[])`);
  const last = await lastFromChat(scope);
  if (!last?.inboundMessageId) return sayTo(scope).nothingToUndo;
  return softDelete(scope, sql`e.inbound_message_id = ${last.inboundMessageId}::uuid`);
}

/** Removes what one run of a recurring expense recorded (its expenses share created_at). */
async function undoRun(scope: EffectScope, expenseId: string): Promise<string> {
  const [first] = await scope.tx.rows<{ recurringExpenseId: string; createdAt: Date }>(sql`
    SELECT recurring_expense_id AS "recurringExpenseId", created_at AS "createdAt"
      FROM expenses
     WHERE id = ${expenseId}::uuid AND user_id = ${requireUser(scope).id}::uuid
       AND recurring_expense_id IS NOT NULL`);
  if (!first) return sayTo(scope).nothingToUndo;
  return softDelete(
    scope,
    sql`e.recurring_expense_id = ${first.recurringExpenseId}::uuid
        AND e.created_at = ${first.createdAt}::timestamptz`,
  );
}

/** The new values an edit writes, or why it cannot (an unknown or unclear category). */
function edited(
  scope: EffectScope,
  change: EditChange,
): { patch: EntryPatch; after: (user: User) => string } | string {
  switch (change.field) {
    case 'amount':
      return {
        patch: { amountMinor: change.amountMinor, currency: change.currency },
        after: (user) => money(user, change.amountMinor, change.currency),
      };
    case 'note':
      return { patch: { note: keptNote(change.note) }, after: () => `"${change.note}"` };
    case 'category': {
      const { category } = change;
      if (category.status === 'matched') {
        return { patch: { categoryId: category.categoryId }, after: () => category.name };
      }
      const word = change.words.join(' ');
      return category.status === 'ambiguous'
        ? sayTo(scope).whichCategory(
            word,
            category.candidates.map((c) => c.name),
          )
        : sayTo(scope).noSuchCategory(word);
    }
  }
}

/** Whether a patch leaves the entry as it is ("make it 350" on an entry of 350). */
function changesNothing(expense: LiveEntry, patch: EntryPatch): boolean {
  const same = <T>(asked: T | undefined, stored: T) => asked === undefined || asked === stored;
  return (
    (patch.amountMinor === undefined ||
      (BigInt(patch.amountMinor) === expense.amountMinor && patch.currency === expense.currency)) &&
    same(patch.categoryId, expense.categoryId) &&
    same(patch.note, expense.note)
  );
}

async function editLast(
  scope: EffectScope,
  expenseId: string | null,
  change: EditChange,
): Promise<string> {
  const user = requireUser(scope);
  const id = expenseId ?? (await lastFromChat(scope))?.id;
  const [expense] = id ? await liveEntries(scope, user, sql`e.id = ${id}::uuid`) : [];
  if (!expense) return sayTo(scope).nothingToEdit;
  const edit = edited(scope, change);
  if (typeof edit === 'string') return edit;
  if (changesNothing(expense, edit.patch)) {
    return sayTo(scope).unchanged(expenseLabel(user, expense, expense.categoryName));
  }
  return unlessMemberGone(
    user,
    async () => {
      // A chat edit tells no budget: its reply is the edit's confirmation.
      await updateEntry(scope.tx, user, expense.id, edit.patch, {
        now: scope.now,
        announce: scope.announce,
        budgets: 'none',
        guard: guardSharedEntries,
      });
      return sayTo(scope).edited(
        expenseLabel(user, expense, expense.categoryName),
        edit.after(user),
      );
    },
    'amountStays',
  );
}

export const entryHandlers: FamilyHandlers<
  | 'save'
  | 'saveUnanswered'
  | 'learnAlias'
  | 'undo'
  | 'undoMessage'
  | 'undoRun'
  | 'deleteLast'
  | 'editLast'
> = {
  save: (effect, { scope, reply }) => save(scope, reply, effect.expenses),
  saveUnanswered: (effect, { scope, reply }) => save(scope, reply, effect.expenses, true),
  async learnAlias(effect, { scope, reply }) {
    const user = requireUser(scope);
    await scope.tx.execute(sql`
      INSERT INTO category_aliases (id, user_id, category_id, alias)
      VALUES (${newId()}::uuid, ${user.id}::uuid, ${effect.category.id}::uuid, ${effect.word})
      ON CONFLICT (user_id, alias) DO UPDATE SET category_id = EXCLUDED.category_id`);
    reply.parts.push(sayTo(scope).learned(effect.word, effect.category.name));
  },
  async undo(effect, { scope, reply }) {
    reply.parts.push(await undo(scope, effect.expenseIds));
  },
  async undoMessage(effect, { scope, reply }) {
    reply.parts.push(
      await softDelete(scope, sql`e.inbound_message_id = ${effect.messageId}::uuid`),
    );
  },
  async undoRun(effect, { scope, reply }) {
    reply.parts.push(await undoRun(scope, effect.expenseId));
  },
  async deleteLast(effect, { scope, reply }) {
    const id = effect.expenseId ?? (await lastFromChat(scope))?.id;
    reply.parts.push(
      id ? await softDelete(scope, sql`e.id = ${id}::uuid`) : sayTo(scope).nothingToUndo,
    );
  },
  async editLast(effect, { scope, reply }) {
    reply.parts.push(await editLast(scope, effect.expenseId, effect.change));
  },
};
