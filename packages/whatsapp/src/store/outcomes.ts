import type { PrismaClient } from '@spendline/db';
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
  /** Queues an outcome; it is written within maxDelayMs. */
  add(outcome: Outcome): void;
  /** Writes everything queued so far. */
  flush(): Promise<void>;
}

type Sql = Pick<PrismaClient, '$executeRaw'>;

/**
 * Records send outcomes in one UPDATE per group instead of one per message. An outcome
 * waits at most maxDelayMs, so the provider's message id is stored before Meta's first
 * status webhook for it is likely to arrive (a status for an id we do not know yet is
 * dropped). A failed write leaves the rows leased; the lease runs out and they are
 * retried, as when a dispatcher dies.
 */
export function createOutcomeWriter(db: Sql, logger: Logger, maxDelayMs = 25): OutcomeWriter {
  let queued: Outcome[] = [];
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  function write(outcomes: Outcome[]): Promise<void> {
    const column = <T>(pick: (o: Outcome) => T) => outcomes.map(pick);
    return db.$executeRaw`
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
       WHERE o.id = r.id`.then(
      () => {},
      (error: unknown) => {
        logger.error(
          { err: error, outboundIds: outcomes.map((o) => o.id) },
          'outcome write failed',
        );
      },
    );
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const outcomes = queued;
    queued = [];
    // One write at a time, in order: a later outcome for a row never lands first.
    if (outcomes.length > 0) writing = writing.then(() => write(outcomes));
    return writing;
  }

  return {
    add(outcome) {
      queued.push(outcome);
      timer ??= setTimeout(() => void flush(), maxDelayMs);
    },
    flush,
  };
}
