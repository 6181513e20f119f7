// The effects that ask, remind and explain: questions about waiting expenses and the
// answers to messages the bot could not use.
import { usualMedian } from '../interpret.ts';
import { expenseLabel, money } from '../statements.ts';
import { CHOICE, type DraftExpense } from '../types.ts';
import { requireUser, type EffectScope, type FamilyHandlers, sayTo } from './scope.ts';

async function askLarge(
  scope: EffectScope,
  expense: DraftExpense,
  reminder: boolean,
): Promise<string> {
  const user = requireUser(scope);
  if (!expense.concerns.includes('large')) {
    return sayTo(scope).askDuplicate(expenseLabel(user, expense, expense.category?.name), reminder);
  }
  const known = expense.usualMinor ?? null;
  const usual =
    known === null ? await usualMedian(scope.tx, user.id, expense.currency) : BigInt(known);
  return sayTo(scope).askLarge(
    expenseLabel(user, expense, expense.category?.name),
    usual === null ? null : money(user, usual, expense.currency),
    reminder,
  );
}

export const questionHandlers: FamilyHandlers<
  | 'askCategory'
  | 'askConfirm'
  | 'discarded'
  | 'expired'
  | 'queued'
  | 'staleChoice'
  | 'notUnderstood'
  | 'unsupported'
> = {
  askCategory({ expense, reminder }, { scope, reply }) {
    const say = sayTo(scope);
    reply.question = {
      kind: 'list',
      body: say.askCategory(expense.text, reminder),
      button: say.categoryButton,
      rows: [
        ...expense.candidates.map((c) => ({ id: CHOICE.category(c.id), title: c.name })),
        ...(expense.word
          ? [{ id: CHOICE.newCategory, title: say.newCategoryRow(expense.word) }]
          : []),
        ...(expense.other ? [{ id: CHOICE.other, title: expense.other.name }] : []),
      ],
    };
  },
  async askConfirm(effect, { scope, reply }) {
    reply.question = {
      kind: 'buttons',
      body: await askLarge(scope, effect.expense, effect.reminder),
      buttons: [
        { id: CHOICE.yes, title: sayTo(scope).yes },
        { id: CHOICE.no, title: sayTo(scope).no },
      ],
    };
  },
  discarded(effect, { scope, reply }) {
    reply.parts.push(sayTo(scope).discarded(effect.expense.text));
  },
  expired(effect, { scope, reply }) {
    if (effect.expenses.length > 0)
      reply.parts.push(sayTo(scope).expired(effect.expenses.map((e) => e.text)));
  },
  queued(effect, { scope, reply }) {
    reply.parts.push(sayTo(scope).queued(effect.expenses.map((e) => e.text)));
  },
  staleChoice(_effect, { scope, reply, expired }) {
    // After an expiry the expiry notice already says what happened.
    if (!expired) reply.parts.push(sayTo(scope).staleChoice);
  },
  notUnderstood(effect, { scope, reply }) {
    reply.parts.push(sayTo(scope).notUnderstood(effect.text, effect.detail));
  },
  unsupported(effect, { scope, reply }) {
    reply.parts.push(sayTo(scope).unsupported(effect.kind));
  },
};
