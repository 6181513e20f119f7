import type { Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createLogger } from '@spendline/log';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeInboundMessages } from './inbox.ts';
import { createInboxProcessor } from './processor.ts';
import { textEvent } from './test-messages.ts';

let db: Database;
const logger = createLogger({ level: 'silent' });
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.close();
});

// WhatsApp's timestamps are whole seconds: both messages carry the same one.
const sameSecond = new Date(Date.UTC(2026, 11, 6, 13, 5, 9));
// Meta's ids sort the other way round from the order the messages arrived in.
const lunch = textEvent('919812345678', '100 lunch', {
  waMessageId: 'wamid.HBgMOTE5ODEyMzQ1Njc4FQIAEhgUM0Z',
  sentAt: sameSecond,
});
const undo = textEvent('919812345678', 'undo', {
  waMessageId: 'wamid.HBgMOTE5ODEyMzQ1Njc4FQIAEhgUM0A',
  sentAt: sameSecond,
});

const bodyOf = (payload: unknown) => (payload as { content: { body: string } }).content.body;

/** The bodies in the order the handler saw them, a batch of batchSize at a time. */
async function processed(conversationId: string, batchSize?: number): Promise<string[]> {
  const seen: string[] = [];
  const processor = createInboxProcessor({
    db: db.sql,
    logger,
    ...(batchSize ? { batchSize } : {}),
    handler: ({ message }) => {
      seen.push(bodyOf(message.payload));
      return Promise.resolve();
    },
  });
  await processor.processConversation(conversationId);
  return seen;
}

describe('messages sent in the same second', () => {
  it('are handled in the order they arrived in one webhook, not in message id order', async () => {
    const [stored] = await storeInboundMessages(db.sql, [lunch, undo]);
    expect(await processed(stored!.conversationId)).toEqual(['100 lunch', 'undo']);
  });

  it('are handled in the order their webhooks arrived, one at a time too', async () => {
    const [stored] = await storeInboundMessages(db.sql, [lunch]);
    await storeInboundMessages(db.sql, [undo]);
    expect(await processed(stored!.conversationId, 1)).toEqual(['100 lunch', 'undo']);
  });
});
