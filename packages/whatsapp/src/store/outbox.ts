import {
  newId,
  raw,
  sql,
  type OutboundMessage as OutboundRow,
  type Queries,
  type Statement,
} from '@spendline/db';
import type { OutboundMessage } from '../messages.ts';
import { outboundMessageColumns } from './columns.ts';

/** The columns every queued row is given, and its values for them. */
const queuedColumns = raw('id, conversation_id, recipient, type, payload, updated_at');

function queuedValues(message: OutboundMessage, conversationId?: string): Statement {
  return sql`${newId()}::uuid, ${conversationId ?? null}::uuid, ${recipientOf(message)},
    ${message.type}, ${JSON.stringify(message)}::jsonb, now()`;
}

/** A phone number travels in `to`, a BSUID in `recipient`: either identifies the chat. */
function recipientOf(message: OutboundMessage): string | undefined {
  return message.to ?? message.recipient;
}

/**
 * When a claim taken now runs out. From the statement's own moment, not its
 * transaction's start: a handler's transaction may run a while before it queues.
 */
const leaseEnd = (leaseMs: number) =>
  sql`clock_timestamp() + make_interval(secs => ${leaseMs / 1000}::float8)`;

/**
 * Where a handler queues its reply, inside the statement that saves its other changes:
 * `insert` is an INSERT ... RETURNING the row (for a CTE), and `queued` is told the row
 * once the statement ran.
 */
export interface OutboxSlot {
  insert(message: OutboundMessage, conversationId?: string): Statement;
  queued(row: OutboundRow): void;
}

/** Queues a row for the dispatcher to claim (PENDING). */
export function pendingInsert(message: OutboundMessage, conversationId?: string): Statement {
  return sql`
    INSERT INTO outbound_messages (${queuedColumns})
    VALUES (${queuedValues(message, conversationId)})
    RETURNING ${outboundMessageColumns}`;
}

/**
 * Queues a row already claimed by the caller (SENDING, leased for leaseMs) when its
 * recipient has nothing else unsent, so the caller can deliver it as soon as its
 * transaction commits, without a claim of its own; otherwise PENDING, to wait its turn
 * behind the recipient's earlier messages. If the caller dies before sending, the
 * lease runs out and any dispatcher sends it.
 */
export function claimedInsert(leaseMs: number) {
  return (message: OutboundMessage, conversationId?: string): Statement => sql`
    INSERT INTO outbound_messages (${queuedColumns}, status, attempts, next_attempt_at)
    SELECT ${queuedValues(message, conversationId)},
           CASE WHEN waiting THEN 'PENDING' ELSE 'SENDING' END::"OutboundStatus",
           CASE WHEN waiting THEN 0 ELSE 1 END,
           CASE WHEN waiting THEN now() ELSE ${leaseEnd(leaseMs)} END
      FROM (SELECT EXISTS (
              SELECT 1 FROM outbound_messages
               WHERE recipient = ${recipientOf(message)} AND status IN ('PENDING', 'SENDING')
            ) AS waiting) AS recipient_queue
    RETURNING ${outboundMessageColumns}`;
}

/**
 * Queues a message for the dispatcher. Call it with the transaction that decided to
 * send it, so the message exists exactly when the change that caused it does.
 */
export async function enqueueOutbound(
  db: Queries,
  message: OutboundMessage,
  conversationId?: string,
): Promise<OutboundRow> {
  const [row] = await db.rows<OutboundRow>(sql`${pendingInsert(message, conversationId)}`);
  if (!row) throw new Error('the outbound message was not stored');
  return row;
}

/**
 * Claims up to `limit` sendable messages for this dispatcher: pending ones that are
 * due, and sending ones whose lease ran out (their dispatcher died). Only the oldest
 * unsent message of each recipient is eligible, so one recipient's messages leave in
 * order; SKIP LOCKED lets several replicas claim side by side without sharing a row.
 */
export function claimOutbound(db: Queries, limit: number, leaseMs: number): Promise<OutboundRow[]> {
  return db.rows<OutboundRow>(sql`
    WITH claimed AS (
      UPDATE outbound_messages AS o
         SET status = 'SENDING', attempts = o.attempts + 1,
             next_attempt_at = ${leaseEnd(leaseMs)},
             updated_at = now()
       WHERE o.id IN (
         SELECT c.id FROM outbound_messages c
          WHERE c.status IN ('PENDING', 'SENDING') AND c.next_attempt_at <= now()
            -- One index probe per candidate whatever the planner believes (a NOT EXISTS
            -- may become a hash anti-join, quadratic in a backlog it did not expect).
            AND c.id = (
              SELECT e.id FROM outbound_messages e
               WHERE e.recipient = c.recipient AND e.status IN ('PENDING', 'SENDING')
               ORDER BY e.created_at, e.id
               LIMIT 1)
          ORDER BY c.created_at, c.id
          LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
      RETURNING ${outboundMessageColumns})
    -- Oldest first: the order in which they take their places under the rate limit.
    SELECT * FROM claimed ORDER BY "createdAt", id`);
}
