import { sql, type Queries } from '@spendline/db';
import type { Logger } from '@spendline/log';

/** What became of one send: the row's next status and what goes with it. */
export interface Outcome {
  id: string;
  status: 'SENT' | 'DELIVERED' | 'FAILED' | 'PENDING';
  providerMessageId?: string;
  lastError?: string;
  nextAttemptAt?: Date;
}

export interface OutcomeWriter {
  /** Queues an outcome; resolves once it is written, or its write failed and was logged. */
  add(outcome: Outcome): Promise<void>;
}

interface Queued {
  outcome: Outcome;
  written: () => void;
}

/**
 * Group commit for send outcomes: an outcome is written at once when no write is under
 * way, otherwise with everything that queued meanwhile, in one UPDATE, as soon as the
 * current write ends. A quiet moment costs no wait, a busy one a statement per group
 * instead of per message, and the provider's message id is stored before Meta's first
 * status webhook for it is likely to arrive (a status for an id we do not know yet is
 * dropped). A failed write leaves the rows leased; the lease runs out and they are
 * retried, as when a dispatcher dies.
 */
export function createOutcomeWriter(db: Queries, logger: Logger): OutcomeWriter {
  let queued: Queued[] = [];
  // One write at a time, in order: a later outcome for a row never lands first.
  let writing = false;

  function write(outcomes: Outcome[]): Promise<void> {
    const column = <T>(pick: (o: Outcome) => T) => outcomes.map(pick);
    return db
      .execute(
        sql`
      UPDATE outbound_messages AS o
         SET status = r.status::"OutboundStatus",
             provider_message_id = coalesce(r.provider_message_id, o.provider_message_id),
             sent_at = CASE WHEN r.provider_message_id IS NULL THEN o.sent_at ELSE now() END,
             last_error = r.last_error,
             next_attempt_at = coalesce(r.next_attempt_at, o.next_attempt_at),
             updated_at = now()
        FROM unnest(
          ${column((o) => o.id)}::uuid[],
          ${column((o) => o.status)}::text[],
          ${column((o) => o.providerMessageId ?? null)}::text[],
          ${column((o) => o.lastError ?? null)}::text[],
          ${column((o) => o.nextAttemptAt?.toISOString() ?? null)}::timestamptz[]
        ) AS r(id, status, provider_message_id, last_error, next_attempt_at)
       -- = ANY reads the primary key whatever the planner believes of the table's size.
       WHERE o.id = ANY(${column((o) => o.id)}::uuid[]) AND o.id = r.id`,
      )
      .then(
        () => {},
        (error: unknown) => {
          logger.error(
            { err: error, outboundIds: outcomes.map((o) => o.id) },
            'outcome write failed',
          );
        },
      );
  }

  function pump(): void {
    if (writing || queued.length === 0) return;
    const group = queued;
    queued = [];
    writing = true;
    void write(group.map((entry) => entry.outcome)).finally(() => {
      writing = false;
      for (const entry of group) entry.written();
      pump();
    });
  }

  return {
    add(outcome) {
      return new Promise((written) => {
        queued.push({ outcome, written });
        pump();
      });
    },
  };
}
