import { randomUUID } from 'node:crypto';
import { createConversationHandler } from '@spendline/bot';
import type { Config } from '@spendline/config';
import type { PrismaClient } from '@spendline/db';
import type { Logger } from '@spendline/log';
import { createGraphClient, type OutboundMessage, type SendResult } from '@spendline/whatsapp';
import {
  createDispatcher,
  createInboxProcessor,
  type Dispatcher,
  type InboundHandler,
  type InboxProcessor,
} from '@spendline/whatsapp/store';

export interface WhatsAppChannel {
  processor: InboxProcessor;
  dispatcher: Dispatcher;
  sandbox: boolean;
  stop(): Promise<void>;
}

export interface ChannelOptions {
  prisma: PrismaClient;
  config: Config;
  logger: Logger;
  handler?: InboundHandler;
  sweepIntervalMs?: number;
  dispatchIntervalMs?: number;
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
  prisma,
  config,
  logger,
  handler = createConversationHandler({
    publicUrl: config.PUBLIC_URL,
    secretKey: config.SECRET_KEY,
  }),
  sweepIntervalMs = 30_000,
  dispatchIntervalMs = 1_000,
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
    prisma,
    send,
    logger: logger.child({ component: 'outbox' }),
    deliveredOnSend: sandbox,
    ratePerSecond: config.WHATSAPP_MESSAGES_PER_SECOND,
  });
  const processor = createInboxProcessor({
    prisma,
    handler,
    logger: logger.child({ component: 'inbox' }),
    onProcessed: () => dispatcher.kick(),
  });
  dispatcher.start(dispatchIntervalMs);
  const recovered = await processor.sweep();
  if (recovered > 0)
    logger.info({ conversations: recovered }, 'processed messages left from before start');
  const sweeper = setInterval(() => {
    processor.sweep().catch((error: unknown) => logger.error({ err: error }, 'inbox sweep failed'));
  }, sweepIntervalMs);
  return {
    processor,
    dispatcher,
    sandbox,
    async stop() {
      clearInterval(sweeper);
      await processor.idle();
      await dispatcher.stop();
    },
  };
}
