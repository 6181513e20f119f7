import { sql, type Queries } from '@spendline/db';
import type { StatusEvent } from '../payload.ts';
import { shouldApplyStatus, type DeliveryStatus } from '../status-order.ts';

const stored: readonly DeliveryStatus[] = [
  'pending',
  'sending',
  'sent',
  'failed',
  'delivered',
  'read',
];

/**
 * Moves an outbound message forward on a status webhook. The forward-only rule is
 * checked in the UPDATE itself, so concurrent, repeated or late webhooks cannot
 * move a row backwards (a late `delivered` never overwrites `read`). Returns
 * whether the row changed.
 */
export async function applyStatus(db: Queries, event: StatusEvent): Promise<boolean> {
  if (!stored.includes(event.status as DeliveryStatus)) return false;
  const from = stored.filter((current) => shouldApplyStatus(current, event.status));
  if (from.length === 0) return false;
  const target = event.status.toUpperCase();
  const error = event.errors
    .map((e) => `${e.code} ${e.title}${e.message ? `: ${e.message}` : ''}`)
    .join('; ');
  const changed = await db.execute(sql`
    UPDATE outbound_messages
       SET status = ${target}::"OutboundStatus",
           last_error = CASE WHEN ${target} = 'FAILED' THEN ${error || null} ELSE last_error END,
           updated_at = now()
     WHERE provider_message_id = ${event.providerMessageId}
       AND status::text = ANY(${from.map((s) => s.toUpperCase())})`);
  return changed > 0;
}
