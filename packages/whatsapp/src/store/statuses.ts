import { sql, type Queries } from '@spendline/db';
import type { StatusEvent } from '../payload.ts';
import { shouldApplyStatus, type DeliveryStatus } from '../status-order.ts';
import { groupCommit, type GroupCommitOptions } from './group-commit.ts';

const stored: readonly DeliveryStatus[] = [
  'pending',
  'sending',
  'sent',
  'failed',
  'delivered',
  'read',
];

/**
 * For each stored status, the ones it may replace as the column spells them
 * ("SENT,FAILED"); worked out once from shouldApplyStatus, the rule's one definition.
 */
const REPLACES = new Map<string, string>(
  stored.map((status) => [
    status,
    stored
      .filter((current) => shouldApplyStatus(current, status))
      .map((current) => current.toUpperCase())
      .join(','),
  ]),
);

const errorText = (event: StatusEvent) =>
  event.errors.map((e) => `${e.code} ${e.title}${e.message ? `: ${e.message}` : ''}`).join('; ') ||
  null;

interface Numbered {
  event: StatusEvent;
  /** Its place among the statuses applied together. */
  index: number;
}

/**
 * Rounds of at most one status per message, in arrival order: one UPDATE touches a row
 * once, so a message's `sent` and `read` arriving together go one after the other.
 */
function rounds(statuses: readonly Numbered[]): Numbered[][] {
  const result: Numbered[][] = [];
  const taken = new Map<string, number>();
  for (const status of statuses) {
    const round = taken.get(status.event.providerMessageId) ?? 0;
    taken.set(status.event.providerMessageId, round + 1);
    (result[round] ??= []).push(status);
  }
  return result;
}

/**
 * Moves outbound messages forward on status webhooks, one statement for any number of
 * messages. The forward-only rule is checked in the UPDATE itself, so concurrent, repeated
 * or late webhooks cannot move a row backwards (a late `delivered` never overwrites
 * `read`). Answers, for each status, whether it changed its row.
 */
export async function applyStatuses(
  db: Queries,
  events: readonly StatusEvent[],
): Promise<boolean[]> {
  const changed = events.map(() => false);
  // Statuses outside the stored ones (`deleted`, `warning`) change nothing.
  const known = events.flatMap((event, index) =>
    REPLACES.has(event.status) ? [{ event, index }] : [],
  );
  for (const entries of rounds(known)) {
    const updated = await db.rows<{ id: string }>(sql`
      UPDATE outbound_messages o
         SET status = s.target::"OutboundStatus",
             last_error = CASE WHEN s.target = 'FAILED' THEN s.error ELSE o.last_error END,
             updated_at = now()
        FROM unnest(${entries.map(({ event }) => event.providerMessageId)}::text[],
                    ${entries.map(({ event }) => event.status.toUpperCase())}::text[],
                    ${entries.map(({ event }) => errorText(event))}::text[],
                    ${entries.map(({ event }) => REPLACES.get(event.status)!)}::text[])
             AS s(id, target, error, replaces)
       WHERE o.provider_message_id = s.id
         AND o.status::text = ANY (string_to_array(s.replaces, ','))
      RETURNING s.id`);
    const moved = new Set(updated.map((row) => row.id));
    for (const { index, event } of entries) changed[index] = moved.has(event.providerMessageId);
  }
  return changed;
}

export interface StatusWriter {
  /** Applies one webhook's statuses; resolves once they are committed. */
  apply(events: readonly StatusEvent[]): Promise<boolean[]>;
}

/**
 * Statuses are most of Meta's webhooks (sent, delivered and read for every reply): those
 * arriving while a statement is under way are applied together by the next one.
 */
export function createStatusWriter(db: Queries, options: GroupCommitOptions = {}): StatusWriter {
  return { apply: groupCommit((events) => applyStatuses(db, events), options) };
}
