// The effects that write entries: save, undo, delete, edit, and the alias an answer teaches.
import type { Prisma, User } from '@spendline/db';
import {
  deleteEntries,
  keptNote,
  recordEntries,
  updateEntry,
  type EntryDraft,
  type EntryPatch,
} from '@spendline/entries';
import { daysSpan, localDateOf, periodRange } from '@spendline/ledger';
import { budgetAlertText } from '@spendline/spending';
import type { EditChange } from '@spendline/parser';
import { replies } from '../replies.ts';
import type { Reply } from '../reply.ts';
import { dayLabel, expenseLabel, money, totalsText } from '../statements.ts';
import { CHOICE, type DraftExpense } from '../types.ts';
import { requireUser, type EffectScope, type FamilyHandlers, type Tx } from './scope.ts';

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
  const category = await tx.category.upsert({
    where: { userId_nameKey: { userId: user.id, nameKey } },
    create: { id: expense.category.id, userId: user.id, name: expense.category.name, nameKey },
    update: { archivedAt: null },
  });
  return category.id;
}

/** Stores the expenses with today's total in one statement, and confirms each. */
async function save(scope: EffectScope, reply: Reply, expenses: DraftExpense[]): Promise<void> {
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
    });
  }
  const { totals, alerts } = await recordEntries(tx, user, drafts, 'WHATSAPP', {
    now,
    announce: scope.announce,
    budgets: scope.budgeted ? 'return' : 'none',
    totalsIn: periodRange('TODAY', now, user.timeZone),
  });
  const today = localDateOf(now, user.timeZone);
  for (const expense of expenses) {
    const date = expense.occurredOn === today ? null : dayLabel(expense.occurredOn, user.locale);
    const amount = money(user, expense.amountMinor, expense.currency);
    reply.parts.push(
      expense.kind === 'INCOME'
        ? replies.savedIncome(amount, expense.category?.name ?? (expense.note || null), date)
        : replies.saved(amount, expense.category?.name ?? null, date),
    );
  }
  reply.parts.push(replies.todayTotal(totalsText(user, totals)));
  reply.parts.push(...alerts.map((alert) => budgetAlertText(alert, user.locale)));
  reply.undo = { id: CHOICE.undo(expenses[0]!.messageId), title: replies.undoButton };
}

async function softDelete(scope: EffectScope, where: Prisma.ExpenseWhereInput): Promise<string> {
  const user = requireUser(scope);
  const rows = await scope.tx.expense.findMany({
    where: { ...where, userId: user.id, deletedAt: null },
    include: { category: { select: { name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  if (rows.length === 0) return replies.nothingToUndo;
  await deleteEntries(
    scope.tx,
    user,
    rows.map((r) => r.id),
    { now: scope.now, announce: scope.announce },
  );
  return replies.undone(rows.map((r) => expenseLabel(user, r, r.category?.name)));
}

/** Without a record in the snapshot: the newest expense a message of this chat created. */
async function lastFromChat(
  scope: EffectScope,
): Promise<{ id: string; inboundMessageId: string | null } | null> {
  return scope.tx.expense.findFirst({
    where: {
      userId: requireUser(scope).id,
      deletedAt: null,
      inboundMessage: { conversationId: scope.conversationId },
    },
    orderBy: { createdAt: 'desc' },
    select: { id: true, inboundMessageId: true },
  });
}

async function undo(scope: EffectScope, expenseIds: string[] | null): Promise<string> {
  if (expenseIds) return softDelete(scope, { id: { in: expenseIds } });
  const last = await lastFromChat(scope);
  if (!last?.inboundMessageId) return replies.nothingToUndo;
  return softDelete(scope, { inboundMessageId: last.inboundMessageId });
}

/** Removes what one run of a recurring expense recorded (its expenses share created_at). */
async function undoRun(scope: EffectScope, expenseId: string): Promise<string> {
  const first = await scope.tx.expense.findFirst({
    where: { id: expenseId, userId: requireUser(scope).id, recurringExpenseId: { not: null } },
    select: { recurringExpenseId: true, createdAt: true },
  });
  if (!first) return replies.nothingToUndo;
  return softDelete(scope, {
    recurringExpenseId: first.recurringExpenseId,
    createdAt: first.createdAt,
  });
}

/** The new values an edit writes, or why it cannot (an unknown or unclear category). */
function edited(change: EditChange): { patch: EntryPatch; after: (user: User) => string } | string {
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
        ? replies.whichCategory(
            word,
            category.candidates.map((c) => c.name),
          )
        : replies.noSuchCategory(word);
    }
  }
}

async function editLast(
  scope: EffectScope,
  expenseId: string | null,
  change: EditChange,
): Promise<string> {
  const user = requireUser(scope);
  const id = expenseId ?? (await lastFromChat(scope))?.id;
  const expense = id
    ? await scope.tx.expense.findFirst({
        where: { id, userId: user.id, deletedAt: null },
        include: { category: { select: { name: true } } },
      })
    : null;
  if (!expense) return replies.nothingToEdit;
  const edit = edited(change);
  if (typeof edit === 'string') return edit;
  // A chat edit tells no budget: its reply is the edit's confirmation.
  await updateEntry(scope.tx, user, expense.id, edit.patch, {
    now: scope.now,
    announce: scope.announce,
    budgets: 'none',
  });
  return replies.edited(expenseLabel(user, expense, expense.category?.name), edit.after(user));
}

export const entryHandlers: FamilyHandlers<
  'save' | 'learnAlias' | 'undo' | 'undoMessage' | 'undoRun' | 'deleteLast' | 'editLast'
> = {
  save: (effect, { scope, reply }) => save(scope, reply, effect.expenses),
  async learnAlias(effect, { scope, reply }) {
    const user = requireUser(scope);
    await scope.tx.categoryAlias.upsert({
      where: { userId_alias: { userId: user.id, alias: effect.word } },
      create: { userId: user.id, alias: effect.word, categoryId: effect.category.id },
      update: { categoryId: effect.category.id },
    });
    reply.parts.push(replies.learned(effect.word, effect.category.name));
  },
  async undo(effect, { scope, reply }) {
    reply.parts.push(await undo(scope, effect.expenseIds));
  },
  async undoMessage(effect, { scope, reply }) {
    reply.parts.push(await softDelete(scope, { inboundMessageId: effect.messageId }));
  },
  async undoRun(effect, { scope, reply }) {
    reply.parts.push(await undoRun(scope, effect.expenseId));
  },
  async deleteLast(effect, { scope, reply }) {
    const id = effect.expenseId ?? (await lastFromChat(scope))?.id;
    reply.parts.push(id ? await softDelete(scope, { id }) : replies.nothingToUndo);
  },
  async editLast(effect, { scope, reply }) {
    reply.parts.push(await editLast(scope, effect.expenseId, effect.change));
  },
};
