// The effects that ask, remind and explain: questions about waiting expenses and the
// answers to messages the bot could not use.
import { usualMedian } from '../interpret.ts';
import { replies } from '../replies.ts';
import { expenseLabel, money } from '../statements.ts';
import { CHOICE, type DraftExpense } from '../types.ts';
import { requireUser, type EffectScope, type FamilyHandlers } from './scope.ts';

async function askLarge(
  scope: EffectScope,
  expense: DraftExpense,
  reminder: boolean,
): Promise<string> {
  const user = requireUser(scope);
  if (!expense.concerns.includes('large')) {
    return replies.askDuplicate(expenseLabel(user, expense, expense.category?.name), reminder);
  }
  const known = expense.usualMinor ?? null;
  const usual =
    known === null ? await usualMedian(scope.tx, user.id, expense.currency) : BigInt(known);
  return replies.askLarge(
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
  | 'staleChoice'
  | 'notUnderstood'
  | 'unsupported'
> = {
  askCategory({ expense, reminder }, { reply }) {
    reply.question = {
      kind: 'list',
      body: replies.askCategory(expense.text, reminder),
      button: replies.categoryButton,
      rows: [
        ...expense.candidates.map((c) => ({ id: CHOICE.category(c.id), title: c.name })),
        ...(expense.word
          ? [{ id: CHOICE.newCategory, title: replies.newCategoryRow(expense.word) }]
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
        { id: CHOICE.yes, title: replies.yes },
        { id: CHOICE.no, title: replies.no },
      ],
    };
  },
  discarded(effect, { reply }) {
    reply.parts.push(replies.discarded(effect.expense.text));
  },
  expired(effect, { reply }) {
    if (effect.expenses.length > 0)
      reply.parts.push(replies.expired(effect.expenses.map((e) => e.text)));
  },
  staleChoice(_effect, { reply, expired }) {
    // After an expiry the expiry notice already says what happened.
    if (!expired) reply.parts.push(replies.staleChoice);
  },
  notUnderstood(effect, { reply }) {
    reply.parts.push(replies.notUnderstood(effect.text, effect.detail));
  },
  unsupported(effect, { reply }) {
    reply.parts.push(replies.unsupported(effect.kind));
  },
};
