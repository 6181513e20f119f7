// The effects of forwarded bank alerts: the Save / Change / Cancel question, the question
// for an amount, and the plain answer when an alert records nothing.
import { sql } from '@spendline/db';
import { alertRepliesFor } from '../alert-replies.ts';
import { mediaRepliesFor } from '../media-replies.ts';
import { dayLabel, expenseLabel, money } from '../statements.ts';
import { CHOICE, type DraftExpense } from '../types.ts';
import { requireUser, type EffectScope, type FamilyHandlers } from './scope.ts';

function label(scope: EffectScope, expense: DraftExpense): string {
  const user = requireUser(scope);
  const day = dayLabel(expense.occurredOn, user.locale);
  const from = expense.alert?.from;
  if (from) return mediaRepliesFor(scope.locale).label(from, expense.alert?.payee ?? null, day);
  return alertRepliesFor(scope.locale).label(
    expense.kind === 'INCOME',
    expense.alert?.payee ?? null,
    day,
  );
}

/** The live entry holding this reference, as "₹500.00 · Food, Thu, 3 Dec". */
async function recordedAs(scope: EffectScope, reference: string): Promise<string | null> {
  const user = requireUser(scope);
  const [entry] = await scope.tx.rows<{
    amountMinor: bigint;
    currency: string;
    categoryName: string | null;
    day: string;
  }>(sql`
    SELECT e.amount_minor AS "amountMinor", e.currency, c.name AS "categoryName",
           to_char(e.occurred_at AT TIME ZONE ${user.timeZone}, 'YYYY-MM-DD') AS day
      FROM expenses e LEFT JOIN categories c ON c.id = e.category_id
     WHERE e.user_id = ${user.id}::uuid AND e.reference = ${reference} AND e.deleted_at IS NULL`);
  if (!entry) return null;
  return `${expenseLabel(user, entry, entry.categoryName)}, ${dayLabel(entry.day, user.locale)}`;
}

export const alertHandlers: FamilyHandlers<'askReview' | 'askAmount' | 'notAnEntry'> = {
  askReview({ expense, reminder }, { scope, reply }) {
    const user = requireUser(scope);
    reply.question = {
      kind: 'buttons',
      body: alertRepliesFor(scope.locale).review(
        label(scope, expense),
        money(user, expense.amountMinor, expense.currency),
        expense.category?.name ?? null,
        reminder,
      ),
      buttons: [
        { id: CHOICE.review('save'), title: alertRepliesFor(scope.locale).save },
        { id: CHOICE.review('change'), title: alertRepliesFor(scope.locale).change },
        { id: CHOICE.review('cancel'), title: alertRepliesFor(scope.locale).cancel },
      ],
    };
  },
  askAmount({ expense, reminder }, { scope, reply }) {
    const user = requireUser(scope);
    const cancel = { id: CHOICE.review('cancel'), title: alertRepliesFor(scope.locale).cancel };
    if (expense.amountMinor === '0') {
      reply.question = {
        kind: 'buttons',
        body: expense.alert?.from
          ? mediaRepliesFor(scope.locale).noAmount(label(scope, expense), reminder)
          : alertRepliesFor(scope.locale).noAmount(label(scope, expense), reminder),
        buttons: [cancel],
      };
      return;
    }
    const amount = money(user, expense.amountMinor, expense.currency);
    reply.question = {
      kind: 'buttons',
      body: alertRepliesFor(scope.locale).newAmount(label(scope, expense), amount, reminder),
      buttons: [
        { id: CHOICE.review('keep'), title: alertRepliesFor(scope.locale).keep(amount) },
        cancel,
      ],
    };
  },
  async notAnEntry({ reason, reference }, { scope, reply }) {
    if (reason !== 'duplicate') {
      reply.parts.push(alertRepliesFor(scope.locale).nothingSaved(reason));
      return;
    }
    const ref = reference ?? '';
    const entry = await recordedAs(scope, ref);
    reply.parts.push(
      entry
        ? alertRepliesFor(scope.locale).duplicate(entry, ref)
        : alertRepliesFor(scope.locale).waiting(ref),
    );
  },
};
