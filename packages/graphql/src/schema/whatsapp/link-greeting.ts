import type { Queries } from '@spendline/db';
import { textMessage } from '@spendline/whatsapp';
import { enqueueOutbound, serviceWindow } from '@spendline/whatsapp/store';

/** The welcome a number gets once it is linked from the dashboard. */
export function linkGreetingText(displayName: string): string {
  return (
    `Hi ${displayName}! 🎉 This number is now linked to your Spendline account.\n` +
    'Try "120 petrol" or "spent 250 on lunch yesterday".'
  );
}

/**
 * Queues the welcome in the outbox when Meta would deliver it: a free-form text is refused
 * outside the 24-hour window, and a greeting is not worth an approved template, so then
 * nothing is sent. Returns whether it was queued.
 */
export async function queueLinkGreeting(
  tx: Queries,
  greeting: { phoneNumber: string; displayName: string; now: Date },
): Promise<boolean> {
  const service = await serviceWindow(tx, greeting.phoneNumber, greeting.now);
  if (!service.open) return false;
  await enqueueOutbound(
    tx,
    textMessage(greeting.phoneNumber, linkGreetingText(greeting.displayName)),
    service.conversationId,
  );
  return true;
}
