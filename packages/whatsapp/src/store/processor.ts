import type {
  Conversation,
  InboundMessage,
  OutboundMessage as OutboundRow,
  Queries,
  SqlDatabase,
} from '@spendline/db';
import { sql } from '@spendline/db';
import type { Logger } from '@spendline/log';
import { CONVERSATION_PREFIX, conversationColumns, takenColumns } from './columns.ts';
import { claimedInsert, pendingInsert, type OutboxSlot } from './outbox.ts';
import { createArrivalRate, createGate } from './pacing.ts';

export interface InboundWork {
  tx: Queries;
  message: InboundMessage;
  /**
   * The conversation as this message finds it (after the earlier messages of the same
   * transaction), its 24-hour window already counting this message.
   */
  conversation: Conversation;
  /** Where the handler queues its replies (see OutboxSlot). */
  outbox: OutboxSlot;
}

/**
 * Acts on one inbound message inside the transaction that marks it processed:
 * whatever it writes (entries, outbound messages) commits with that mark or not at all.
 */
export type InboundHandler = (work: InboundWork) => Promise<void>;

export interface InboxProcessorOptions {
  db: SqlDatabase;
  handler: InboundHandler;
  logger: Logger;
  /** Tries before a message that keeps failing is set aside as FAILED. */
  maxAttempts?: number;
  transactionTimeoutMs?: number;
  /**
   * Called after each transaction that processed messages commits (to wake the
   * dispatcher), unless every reply it queued was handed over.
   */
  onProcessed?: () => void;
  /**
   * Replies are queued already claimed, when nothing else waits for their recipient,
   * and handed over here once their transaction commits: sent without a claim of their
   * own. leaseMs is the claim's lease (the dispatcher's).
   */
  handOver?: { leaseMs: number; send: (rows: OutboundRow[]) => void };
  /**
   * Conversations worked on at once in this process. Each holds a database connection
   * for its transaction, mostly waiting on round trips, so several keep the machine
   * busy; the bound keeps connections of the pool free for acknowledging webhooks.
   */
  concurrency?: number;
  /** Messages of one conversation handled in one transaction at most. */
  batchSize?: number;
  /**
   * Webhooks being acknowledged at once (see receiving()), or arriving within 100 ms
   * (50: 500 a second, well above a chat's ordinary traffic), from which acknowledging
   * comes first: Meta retries and may disable a slow endpoint, while replies can wait
   * out a burst. Meanwhile one conversation is worked on at a time, resting
   * burstRestFactor times as long as each batch took.
   */
  burstReceiving?: number;
  burstArrivals?: number;
  burstRestFactor?: number;
  /**
   * Told of each message as it is taken for processing, before its handler runs (read
   * receipts). Must not block: it is not awaited, and may hear of a message again
   * when a transaction is retried.
   */
  onTaken?: (message: InboundMessage, conversation: Conversation) => void;
  /**
   * Told of the messages a transaction processed, once it has committed (metrics: how
   * long they waited, how many went together). Not awaited; must not throw.
   */
  onBatch?: (messages: readonly InboundMessage[]) => void;
}

export interface InboxProcessor {
  /** Processes what is waiting in these conversations, in the background. */
  kick(conversationIds: Iterable<string>): void;
  /**
   * Says a webhook is being acknowledged, until the returned function is called, so a
   * burst of them gets the machine first.
   */
  receiving?(): () => void;
  /** Processes every conversation with waiting messages; resolves when done. */
  sweep(): Promise<number>;
  /** Processes one conversation now; resolves to the number of messages handled. */
  processConversation(conversationId: string): Promise<number>;
  /** Waits for background work to finish. */
  idle(): Promise<void>;
  /**
   * Takes no more work: each conversation under way stops after its current batch and
   * what is left stays stored for the next start. Resolves when the batches are done.
   */
  stop(): Promise<void>;
}

interface Batch {
  handled: number;
  /** The messages it processed (none when it set one aside as failing). */
  processed: InboundMessage[];
  /** More messages may be waiting behind this batch. */
  more: boolean;
  /** Replies it queued already claimed, to hand over (see handOver). */
  claimed: OutboundRow[];
  /** Replies it queued for the dispatcher to claim. */
  waiting: number;
}

/** A handler threw: the transaction rolled back, and this is the message it was on. */
class HandlerFailure extends Error {
  readonly index: number;
  readonly inbound: InboundMessage;
  constructor(index: number, inbound: InboundMessage, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.index = index;
    this.inbound = inbound;
  }
}

/** A row of takenColumns, parted into its message and its conversation. */
function splitTaken(row: Record<string, unknown>): {
  message: InboundMessage;
  conversation: Conversation;
} {
  const message: Record<string, unknown> = {};
  const conversation: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith(CONVERSATION_PREFIX))
      conversation[key.slice(CONVERSATION_PREFIX.length)] = value;
    else message[key] = value;
  }
  return {
    message: message as unknown as InboundMessage,
    conversation: conversation as unknown as Conversation,
  };
}

/**
 * Hands stored inbound messages to the handler, one at a time per conversation and in
 * the order the user sent them. The conversation row is locked for the whole
 * transaction, so replicas never work on one chat at once; different chats proceed in
 * parallel.
 *
 * A transaction takes all the conversation's waiting messages (up to batchSize) and
 * marks them processed together, which saves a transaction per message when a chat has
 * a backlog. Each message's writes still commit exactly with its mark: a batch commits
 * whole or not at all. When a handler throws, the batch rolls back, the messages before
 * the failing one are processed again as a shorter batch, and the failing one is then
 * tried alone, its failures counted as before.
 */
export function createInboxProcessor({
  db,
  handler,
  logger,
  maxAttempts = 5,
  transactionTimeoutMs = 15_000,
  onProcessed = () => {},
  concurrency = 12,
  batchSize = 20,
  burstReceiving = 4,
  burstArrivals = 50,
  burstRestFactor = 3,
  onTaken,
  onBatch,
  handOver,
}: InboxProcessorOptions): InboxProcessor {
  // A claimed reply's lease must outlast its transaction: it becomes visible at commit,
  // which may come up to transactionTimeoutMs after the insert, and a lease that ran out
  // meanwhile would let a claim pass send it beside the hand-over.
  const insert = handOver ? claimedInsert(handOver.leaseMs + transactionTimeoutMs) : pendingInsert;

  async function runBatch(conversationId: string, limit: number): Promise<Batch> {
    // Filled as the handlers queue replies; only a committed batch reports them.
    const claimed: OutboundRow[] = [];
    let waiting = 0;
    const outbox: OutboxSlot = {
      insert,
      queued: (row) => {
        if (row.status === 'SENDING') claimed.push(row);
        else waiting += 1;
      },
    };
    return db.transaction(
      async (tx) => {
        // Takes the waiting messages, then locks the conversation (an UPDATE: it waits
        // for another holder and then reads the row as that one committed it), moving
        // its 24-hour window on. The lock comes second, so a processor that waits for it
        // already holds its messages; their ordering and exactly-once rest on the row
        // locks: a message another transaction took is re-checked when that one ends,
        // found PROCESSED and skipped. NO KEY: a new message's foreign key check (KEY
        // SHARE) does not wait for it, so acknowledging never waits for the processor.
        // Marked processed as they are taken: a handler that throws rolls the mark back
        // with everything else, and the commit needs no statement of its own.
        const rows = await tx.rows<Record<string, unknown>>(sql`
          WITH taken AS (
            UPDATE inbound_messages m
               SET status = 'PROCESSED', processed_at = now(), attempts = m.attempts + 1
              FROM (SELECT id FROM inbound_messages
                     WHERE conversation_id = ${conversationId}::uuid AND status = 'RECEIVED'
                     ORDER BY sent_at, id
                     LIMIT ${limit}) pick
             WHERE m.id = pick.id AND m.status = 'RECEIVED'
            RETURNING m.*
          ), locked AS (
            UPDATE conversations
               SET last_inbound_at = GREATEST(last_inbound_at, (SELECT max(sent_at) FROM taken)),
                   updated_at = now()
             WHERE id = ${conversationId}::uuid AND EXISTS (SELECT 1 FROM taken)
            RETURNING *
          )
          SELECT ${takenColumns} FROM taken CROSS JOIN locked
           ORDER BY taken.sent_at, taken.id`);
        const taken = rows.map(splitTaken);
        let conversation: Conversation | undefined = taken[0]?.conversation;
        for (const [index, { message }] of taken.entries()) {
          // The handler may have changed it (snapshot, version): read it afresh.
          conversation ??= (
            await tx.rows<Conversation>(sql`
              SELECT ${conversationColumns} FROM conversations WHERE id = ${conversationId}::uuid`)
          )[0];
          if (!conversation) throw new Error(`conversation ${conversationId} vanished`);
          onTaken?.(message, conversation);
          try {
            await handler({ tx, message, conversation, outbox });
          } catch (error) {
            throw new HandlerFailure(index, message, error);
          }
          conversation = undefined;
        }
        return {
          handled: taken.length,
          processed: taken.map(({ message }) => message),
          more: taken.length === limit,
          claimed,
          waiting,
        };
      },
      { timeoutMs: transactionTimeoutMs },
    );
  }

  async function recordFailure(failure: HandlerFailure): Promise<void> {
    const message = failure.inbound;
    // The user wrote whether or not we could act on it: the 24-hour window moves anyway.
    const [row] = await db.rows<{ attempts: number; status: string }>(sql`
      WITH failed AS (
        UPDATE inbound_messages
           SET attempts = attempts + 1,
               last_error = ${failure.message.slice(0, 1000)},
               status = CASE WHEN attempts + 1 >= ${maxAttempts} THEN 'FAILED'::"InboundStatus"
                             ELSE status END
         WHERE id = ${message.id}::uuid
        RETURNING attempts, status, conversation_id, sent_at
      ), windowed AS (
        UPDATE conversations c SET last_inbound_at = f.sent_at, updated_at = now()
          FROM failed f
         WHERE c.id = f.conversation_id
           AND (c.last_inbound_at IS NULL OR c.last_inbound_at < f.sent_at)
      )
      SELECT attempts, status::text AS status FROM failed`);
    logger.error(
      {
        err: failure.cause,
        inboundId: message.id,
        attempts: row?.attempts,
        giveUp: row?.status === 'FAILED',
      },
      'inbound handler failed',
    );
  }

  async function processBatch(conversationId: string, limit: number): Promise<Batch> {
    try {
      return await runBatch(conversationId, limit);
    } catch (error) {
      if (!(error instanceof HandlerFailure)) throw error;
      // The messages before the failing one did nothing wrong: process them on their own.
      if (error.index > 0) return processBatch(conversationId, error.index);
      await recordFailure(error);
      return { handled: 1, processed: [], more: true, claimed: [], waiting: 0 };
    }
  }

  // Set by stop(): no batch starts after it.
  let stopped = false;
  const nothing: Batch = { handled: 0, processed: [], more: false, claimed: [], waiting: 0 };

  async function processConversation(
    conversationId: string,
    run: <T>(work: () => Promise<T>) => Promise<T> = (work) => work(),
  ): Promise<number> {
    let handled = 0;
    for (;;) {
      // A conversation waiting its turn at the gate when the stop came leaves its messages stored.
      const batch = await run(() =>
        stopped ? Promise.resolve(nothing) : processBatch(conversationId, batchSize),
      );
      handled += batch.handled;
      if (batch.processed.length > 0) onBatch?.(batch.processed);
      if (batch.claimed.length > 0) handOver?.send(batch.claimed);
      // Unless all it queued was handed over, something may wait for the dispatcher.
      if (batch.handled > 0 && (batch.waiting > 0 || batch.claimed.length === 0)) onProcessed();
      if (!batch.more || stopped) return handled;
    }
  }

  // Webhooks in progress at once: latency times rate, so it grows when either does.
  let receiving = 0;
  // A steady stream of quick acknowledgements, which the count above would miss.
  const arrivals = createArrivalRate(100);
  // Each batch takes a place: conversations with a backlog take turns.
  const gate = createGate({
    concurrency,
    busyConcurrency: 1,
    restFactor: burstRestFactor,
    busy: () => receiving >= burstReceiving || arrivals.recent() >= burstArrivals,
  });

  // In-process coalescing only; correctness across replicas comes from the row lock.
  const active = new Map<string, Promise<void>>();
  const rerun = new Set<string>();

  function kickOne(conversationId: string): void {
    if (stopped) return;
    if (active.has(conversationId)) {
      rerun.add(conversationId);
      return;
    }
    const work = (async () => {
      do {
        rerun.delete(conversationId);
        await processConversation(conversationId, gate).catch((error: unknown) => {
          logger.error({ err: error, conversationId }, 'conversation processing failed');
        });
      } while (rerun.has(conversationId) && !stopped);
    })().finally(() => active.delete(conversationId));
    active.set(conversationId, work);
  }

  return {
    processConversation: (conversationId) => processConversation(conversationId),
    kick(conversationIds) {
      for (const id of new Set(conversationIds)) kickOne(id);
    },
    receiving() {
      receiving++;
      arrivals.mark();
      let done = false;
      return () => {
        if (!done) receiving--;
        done = true;
      };
    },
    async sweep() {
      const waiting = await db.rows<{ id: string }>(sql`
        SELECT DISTINCT conversation_id AS id FROM inbound_messages WHERE status = 'RECEIVED'`);
      for (const { id } of waiting) kickOne(id);
      await Promise.all(active.values());
      return waiting.length;
    },
    async idle() {
      while (active.size > 0) await Promise.all(active.values());
    },
    async stop() {
      stopped = true;
      await this.idle();
    },
  };
}
