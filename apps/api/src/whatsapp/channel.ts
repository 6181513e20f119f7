import { randomUUID } from 'node:crypto';
import { createConversationHandler } from '@spendline/bot';
import type { Config } from '@spendline/config';
import type { SqlDatabase } from '@spendline/db';
import type { ExpenseEvents } from '@spendline/entries';
import type { Logger } from '@spendline/log';
import { createGraphClient, type OutboundMessage, type SendResult } from '@spendline/whatsapp';
import {
  createDispatcher,
  createInboxProcessor,
  createReadReceipts,
  startPruning,
  type Dispatcher,
  type InboundHandler,
  type InboxProcessor,
} from '@spendline/whatsapp/store';
import { createMediaWorker, type MediaReaders, type MediaWorker } from '@spendline/media';
import { createMediaReaders } from '../media/readers.ts';
import { graphMediaSource, sandboxMediaSource } from '../media/sources.ts';
import type { ApiMetrics } from '../metrics/metrics.ts';

export interface WhatsAppChannel {
  processor: InboxProcessor;
  dispatcher: Dispatcher;
  /** Reads the photos and voice notes the chat queued. */
  media: MediaWorker;
  sandbox: boolean;
  /**
   * Takes no more work, lets the conversations under way finish their batch, and gives
   * the sends under way `sendGraceMs` before cutting them (their rows stay in the outbox
   * and are sent after the next start).
   */
  stop(options?: { sendGraceMs?: number }): Promise<void>;
  /** Cuts the sends under way now. */
  abortSends(): Promise<void>;
}

export interface ChannelOptions {
  db: SqlDatabase;
  config: Config;
  logger: Logger;
  handler?: InboundHandler;
  /** Where the bot announces the expenses it writes, for live dashboards. */
  events?: ExpenseEvents;
  /** Counts processed batches and sends. */
  metrics?: Pick<ApiMetrics, 'batch' | 'send'>;
  sweepIntervalMs?: number;
  dispatchIntervalMs?: number;
  /** How often old inbound and outbound messages are deleted (one replica at a time). */
  pruneIntervalMs?: number;
  /** How photos and voice notes are read; default OCR threads and the configured transcriber. */
  mediaReaders?: MediaReaders & { close?(): Promise<void> };
  mediaPollMs?: number;
}

// Sandbox: nothing leaves the machine; the message counts as delivered at once.
const sandboxSend = (): Promise<SendResult> =>
  Promise.resolve({ ok: true, providerMessageId: `sandbox.${randomUUID()}` });

/**
 * Starts the background half of the channel: the inbox processor (with a sweep that
 * picks up anything acknowledged but not processed, e.g. after a crash) and the
 * outbox dispatcher, to Meta's Graph API or, without an access token, the sandbox.
 */
export async function startWhatsAppChannel({
  db,
  config,
  logger,
  events,
  metrics,
  handler = createConversationHandler({
    publicUrl: config.PUBLIC_URL,
    secretKey: config.SECRET_KEY,
    ...(events ? { events } : {}),
  }),
  sweepIntervalMs = 30_000,
  dispatchIntervalMs = 1_000,
  pruneIntervalMs = 60 * 60_000,
  mediaReaders = createMediaReaders(config),
  mediaPollMs = 500,
}: ChannelOptions): Promise<WhatsAppChannel> {
  const sandbox = !config.WHATSAPP_ACCESS_TOKEN;
  const graph = sandbox
    ? undefined
    : createGraphClient({
        apiUrl: config.WHATSAPP_API_URL,
        phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID ?? '',
        accessToken: config.WHATSAPP_ACCESS_TOKEN ?? '',
      });
  const send = graph ? (body: OutboundMessage) => graph.send(body) : sandboxSend;
  const dispatcher = createDispatcher({
    db,
    send,
    logger: logger.child({ component: 'outbox' }),
    deliveredOnSend: sandbox,
    ratePerSecond: config.WHATSAPP_MESSAGES_PER_SECOND,
    ...(metrics ? { onSent: metrics.send } : {}),
  });
  const processor = createInboxProcessor({
    db,
    handler,
    logger: logger.child({ component: 'inbox' }),
    onProcessed: () => dispatcher.kick(),
    ...(metrics ? { onBatch: metrics.batch } : {}),
    // Replies leave as their transaction commits, without waiting for a claim.
    handOver: { leaseMs: dispatcher.leaseMs, send: (rows) => dispatcher.handOver(rows) },
    ...(graph
      ? {
          onTaken: createReadReceipts({
            markRead: (body) => graph.markRead(body),
            logger: logger.child({ component: 'read-receipts' }),
          }),
        }
      : {}),
  });
  dispatcher.start(dispatchIntervalMs);
  const media = createMediaWorker({
    db,
    source: sandbox
      ? sandboxMediaSource(db)
      : graphMediaSource(config.WHATSAPP_API_URL, config.WHATSAPP_ACCESS_TOKEN ?? ''),
    readers: mediaReaders,
    concurrency: config.OCR_WORKERS,
    // The reading is a message of the chat's own: take it now rather than at the sweep.
    onReading: (conversationId) => processor.kick([conversationId]),
    onError: (error, job) =>
      logger.error({ err: error, mediaJob: job?.id }, 'reading a photo or voice note failed'),
  });
  media.start(mediaPollMs);
  const recovered = await processor.sweep();
  if (recovered > 0)
    logger.info({ conversations: recovered }, 'processed messages left from before start');
  const stopPruning = startPruning(db, logger.child({ component: 'pruning' }), pruneIntervalMs);
  let aborted = false;
  const abortSends = async () => {
    if (aborted || !graph) return;
    aborted = true;
    logger.warn('cutting the Graph API sends under way; they stay queued for the next start');
    await graph.abort();
  };
  const sweeper = setInterval(() => {
    processor.sweep().catch((error: unknown) => logger.error({ err: error }, 'inbox sweep failed'));
  }, sweepIntervalMs);
  return {
    processor,
    dispatcher,
    media,
    sandbox,
    async stop({ sendGraceMs = 2000 } = {}) {
      clearInterval(sweeper);
      await Promise.all([stopPruning(), processor.stop(), media.stop()]);
      await mediaReaders.close?.();
      const dispatching = dispatcher.stop();
      let grace: NodeJS.Timeout | undefined;
      const settled = await Promise.race([
        dispatching.then(() => true),
        new Promise<false>((resolve) => (grace = setTimeout(resolve, sendGraceMs, false))),
      ]);
      clearTimeout(grace);
      if (!settled) await abortSends();
      await dispatching;
      if (!aborted) await graph?.close();
    },
    abortSends,
  };
}
