import type { Queries } from '@spendline/db';
import { budgetAlertText, crossedBudgets, type BudgetAlert } from '@spendline/spending';
import { NOTICE_TEMPLATE, queueNotice } from '@spendline/whatsapp/store';
import type { EntryUser } from './drafts.ts';

/**
 * What a write does about budget thresholds its spending crossed (each told once a
 * month, however the spending arrived): `notice` queues a WhatsApp notice per threshold
 * (a message while the chat is open, the notice template otherwise); `return` hands the
 * alerts back for the caller to word in its own message (the bot's confirmation, the
 * recurring notice); `none` skips the check (a user with no budgets).
 */
export type BudgetTelling = 'notice' | 'return' | 'none';

/** The thresholds crossed by spending in these categories, told the way asked. */
export async function checkBudgets(
  tx: Queries,
  user: EntryUser,
  categoryIds: (string | null)[],
  now: Date,
  telling: BudgetTelling,
): Promise<BudgetAlert[]> {
  if (telling === 'none' || categoryIds.length === 0) return [];
  const alerts = await crossedBudgets(tx, {
    userId: user.id,
    timeZone: user.timeZone,
    now,
    categoryIds: [...new Set(categoryIds)],
  });
  if (telling === 'return') return alerts;
  for (const alert of alerts) {
    const text = budgetAlertText(alert, user.locale);
    await queueNotice(tx, {
      userId: user.id,
      locale: user.locale,
      now,
      text,
      template: { name: NOTICE_TEMPLATE, parameters: [text] },
    });
  }
  return alerts;
}
