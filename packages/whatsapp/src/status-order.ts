/**
 * Delivery states of an outbound message: `pending` and `sending` are ours (queued,
 * request in flight), the rest come from Meta's status webhooks.
 */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed';

/*
 * Webhooks arrive out of order, so a status only moves forward. `failed` sits after
 * `sent` (a late `sent` must not revive a failed message) and before `delivered`: a
 * delivery or read receipt proves the message arrived, so it wins over a failure, and a
 * `failed` reported after `delivered` is stale and ignored.
 */
const RANK: Readonly<Record<DeliveryStatus, number>> = {
  pending: 0,
  sending: 1,
  sent: 2,
  failed: 3,
  delivered: 4,
  read: 5,
};

function isDeliveryStatus(status: string): status is DeliveryStatus {
  return Object.hasOwn(RANK, status);
}

/** Position in the forward order, or undefined for statuses outside it (`deleted`, `warning`). */
export function statusRank(status: string): number | undefined {
  return isDeliveryStatus(status) ? RANK[status] : undefined;
}

/**
 * Whether `incoming` may replace the stored status `current` (null/undefined: none
 * stored yet). Repeats are not applied, so duplicate webhooks are no-ops. Unknown
 * incoming statuses never apply; an unknown stored status yields to any known one.
 */
export function shouldApplyStatus(current: string | null | undefined, incoming: string): boolean {
  const next = statusRank(incoming);
  if (next === undefined) return false;
  const now = current == null ? undefined : statusRank(current);
  return now === undefined || next > now;
}
