import type { InboundMessage } from '@spendline/db';
import type { Logger } from '@spendline/log';
import type { MarkReadResult } from '../graph-client.ts';
import { markRead, type MarkReadRequest } from '../messages.ts';

export interface ReadReceiptOptions {
  markRead: (body: MarkReadRequest) => Promise<MarkReadResult>;
  logger: Logger;
  /** Receipts under way at once; past it they are skipped, not queued. */
  maxInFlight?: number;
}

// The bot answers these, so the typing indicator is honest: a reply follows.
const ANSWERED = new Set(['text', 'interactive', 'button']);

/**
 * Blue ticks and a typing indicator for each message the processor takes, sent at once
 * and never awaited (no outbox row): a lost receipt is harmless, and neither the
 * acknowledgement nor the processing may wait for Meta.
 */
export function createReadReceipts({
  markRead: send,
  logger,
  maxInFlight = 32,
}: ReadReceiptOptions): (message: InboundMessage) => void {
  let inFlight = 0;
  return (message) => {
    if (!ANSWERED.has(message.type) || inFlight >= maxInFlight) return;
    inFlight++;
    send(markRead(message.waMessageId, { typing: true }))
      .then((result) => {
        if (!result.ok) {
          logger.debug(
            { waMessageId: message.waMessageId, reason: result.reason },
            'read receipt not sent',
          );
        }
      })
      .catch((error: unknown) => logger.debug({ err: error }, 'read receipt not sent'))
      .finally(() => inFlight--);
  };
}
