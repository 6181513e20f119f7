import type { Prisma, User } from '@spendline/db';
import { budgetAlertText, crossedBudgets } from '@spendline/ledger';
import { NOTICE_TEMPLATE, queueNotice } from '@spendline/whatsapp/store';

/**
 * Tells the user on WhatsApp when spending recorded outside the chat (the dashboard, the
 * API) crossed 80% or 100% of a budget this month, in the transaction that recorded it:
 * as a message while their chat is open, as the notice template otherwise. Each
 * threshold is told once a month, however the spending arrived.
 */
export async function noticeCrossedBudgets(
  tx: Prisma.TransactionClient,
  user: User,
  categoryIds: (string | null)[],
  now: Date,
): Promise<void> {
  const alerts = await crossedBudgets(tx, {
    userId: user.id,
    timeZone: user.timeZone,
    now,
    categoryIds,
  });
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
}
