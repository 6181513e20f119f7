import { sql, type Queries } from '@spendline/db';
import { toWaDigits } from '../identity.ts';

const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;
// The outbox sends within seconds, but a free-form message sent a moment after the window
// closes fails (131047): near the edge, count the window as closed.
const WINDOW_MARGIN_MS = 5 * 60 * 1000;

export interface ServiceWindow {
  /** The number's chat with the bot, if it ever wrote; outbound messages belong to it. */
  conversationId: string | undefined;
  /** True while Meta accepts free-form messages to the number. */
  open: boolean;
}

/**
 * Meta's 24-hour customer-service window for a number (or a BSUID): free-form messages
 * are delivered only within 24 hours of the user's last message to the bot; outside
 * it, only approved templates are.
 */
export async function serviceWindow(
  tx: Queries,
  address: string,
  now: Date,
): Promise<ServiceWindow> {
  const [conversation] = await tx.rows<{ id: string; lastInboundAt: Date | null }>(sql`
    SELECT id, last_inbound_at AS "lastInboundAt" FROM conversations
     WHERE phone_number = ${address} OR bsuid = ${address}
        OR wa_key IN (${address}, ${toWaDigits(address)})
     ORDER BY last_inbound_at DESC NULLS LAST
     LIMIT 1`);
  const opensAfter = now.getTime() - SERVICE_WINDOW_MS + WINDOW_MARGIN_MS;
  return {
    conversationId: conversation?.id,
    open: (conversation?.lastInboundAt?.getTime() ?? -Infinity) > opensAfter,
  };
}
