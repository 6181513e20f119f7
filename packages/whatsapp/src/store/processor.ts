import type { InboundMessage, Conversation, Prisma, PrismaClient } from '@spendline/db';
import type { Logger } from '@spendline/log';

export interface InboundWork {
  tx: Prisma.TransactionClient;
  message: InboundMessage;
  conversation: Conversation;
}

/**
 * Acts on one inbound message inside the transaction that marks it processed:
 * whatever it writes (entries, outbound messages) commits with that mark or not at all.
 */
export type InboundHandler = (work: InboundWork) => Promise<void>;

export interface InboxProcessorOptions {
  prisma: PrismaClient;
  handler: InboundHandler;
  logger: Logger;
  /** Tries before a message that keeps failing is set aside as FAILED. */
  maxAttempts?: number;
  transactionTimeoutMs?: number;
  /** Called after each message's transaction commits (e.g. to wake the dispatcher). */
  onProcessed?: () => void;
  /**
   * Conversations worked on at once in this process. Each holds a database connection
   * for its transaction; a bound keeps connections free for acknowledging webhooks.
   */
  concurrency?: number;
}

export interface InboxProcessor {
  /** Processes what is waiting in these conversations, in the background. */
  kick(conversationIds: Iterable<string>): void;
  /** Processes every conversation with waiting messages; resolves when done. */
  sweep(): Promise<number>;
  /** Processes one conversation now; resolves to the number of messages handled. */
  processConversation(conversationId: string): Promise<number>;
  /** Waits for background work to finish. */
  idle(): Promise<void>;
}

/**
 * Hands stored inbound messages to the handler, one at a time per conversation
 * and in the order the user sent them. The conversation row is locked for each
 * message, so replicas never work on one chat at once; different chats proceed in
 * parallel.
 */
export function createInboxProcessor({
  prisma,
  handler,
  logger,
  maxAttempts = 5,
  transactionTimeoutMs = 15_000,
  onProcessed = () => {},
  concurrency = 4,
}: InboxProcessorOptions): InboxProcessor {
  async function processNext(conversationId: string): Promise<'handled' | 'idle'> {
    let current: string | undefined;
    try {
      return await prisma.$transaction(
        async (tx) => {
          const [conversation] = await tx.$queryRaw<{ id: string }[]>`
            SELECT id FROM conversations WHERE id = ${conversationId}::uuid FOR UPDATE`;
          if (!conversation) return 'idle';
          const next = await tx.inboundMessage.findFirst({
            where: { conversationId, status: 'RECEIVED' },
            orderBy: [{ sentAt: 'asc' }, { waMessageId: 'asc' }],
            include: { conversation: true },
          });
          if (!next) return 'idle';
          current = next.id;
          const { conversation: chat, ...row } = next;
          await handler({ tx, message: row, conversation: chat });
          await tx.inboundMessage.update({
            where: { id: next.id },
            data: { status: 'PROCESSED', processedAt: new Date(), attempts: { increment: 1 } },
          });
          return 'handled';
        },
        { timeout: transactionTimeoutMs, maxWait: transactionTimeoutMs },
      );
    } catch (error) {
      if (!current) throw error;
      const failed = await prisma.inboundMessage.update({
        where: { id: current },
        data: {
          attempts: { increment: 1 },
          lastError: String((error as Error).message).slice(0, 1000),
        },
      });
      const giveUp = failed.attempts >= maxAttempts;
      logger.error(
        { err: error, inboundId: current, attempts: failed.attempts, giveUp },
        'inbound handler failed',
      );
      if (giveUp) {
        await prisma.inboundMessage.update({ where: { id: current }, data: { status: 'FAILED' } });
      }
      return 'handled';
    }
  }

  async function processConversation(conversationId: string): Promise<number> {
    let handled = 0;
    while ((await processNext(conversationId)) === 'handled') {
      handled++;
      onProcessed();
    }
    return handled;
  }

  // In-process coalescing only; correctness across replicas comes from the row lock.
  const active = new Map<string, Promise<void>>();
  const rerun = new Set<string>();
  let running = 0;
  const waiting: (() => void)[] = [];

  async function slot<T>(work: () => Promise<T>): Promise<T> {
    if (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  }

  function kickOne(conversationId: string): void {
    if (active.has(conversationId)) {
      rerun.add(conversationId);
      return;
    }
    const work = (async () => {
      do {
        rerun.delete(conversationId);
        await slot(() => processConversation(conversationId)).catch((error: unknown) => {
          logger.error({ err: error, conversationId }, 'conversation processing failed');
        });
      } while (rerun.has(conversationId));
    })().finally(() => active.delete(conversationId));
    active.set(conversationId, work);
  }

  return {
    processConversation,
    kick(conversationIds) {
      for (const id of new Set(conversationIds)) kickOne(id);
    },
    async sweep() {
      const waiting = await prisma.$queryRaw<{ id: string }[]>`
        SELECT DISTINCT conversation_id AS id FROM inbound_messages WHERE status = 'RECEIVED'`;
      for (const { id } of waiting) kickOne(id);
      await Promise.all(active.values());
      return waiting.length;
    },
    async idle() {
      while (active.size > 0) await Promise.all(active.values());
    },
  };
}
