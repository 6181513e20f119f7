// Test support (also for other packages' tests, as @spendline/bot/testing): one linked
// user's chat with the bot over a real database, message by message through the runtime,
// as the inbox processor would run it.
import type { Conversation, Database, InboundMessage } from '@spendline/db';
import { createDefaultCategories } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { pendingInsert } from '@spendline/whatsapp/store';
import { createConversationHandler } from './runtime.ts';

export interface TestChat {
  db: Database;
  userId: string;
  /** Sends `body` at `at` and returns the text of the bot's reply. */
  say(body: string, at: Date): Promise<string>;
}

export const TEST_PHONE = '+919812345678';

const handle = createConversationHandler({
  publicUrl: 'https://spendline.example',
  secretKey: 'test-secret-key-of-enough-length',
});

/** Runs one stored inbound message through the bot in its own transaction, as the inbox does. */
export async function handleInbound(db: Database, message: InboundMessage): Promise<void> {
  // Tests send one message at a time: the conversation read first is still current.
  const conversation = await db.prisma.conversation.findUniqueOrThrow({
    where: { id: message.conversationId },
  });
  await db.sql.transaction(async (tx) => {
    await handle({
      tx,
      message,
      conversation,
      outbox: { insert: pendingInsert, queued: () => {} },
    });
  });
}

/**
 * A fresh database with Asha (default categories, Kolkata) linked to TEST_PHONE; `locale`
 * makes her speak another language from the start, categories named in it.
 */
export async function openTestChat({ locale }: { locale?: string } = {}): Promise<TestChat> {
  const db = await createTestDatabase();
  const user = await db.prisma.user.create({
    data: { email: 'asha@example.com', displayName: 'Asha', ...(locale ? { locale } : {}) },
  });
  await createDefaultCategories(db.prisma, user.id, user.locale);
  return chatWith(db, user.id);
}

/** Links an existing user of `db` to TEST_PHONE and opens that number's chat. */
export async function chatWith(db: Database, userId: string): Promise<TestChat> {
  await db.prisma.whatsAppLink.create({ data: { userId, phoneNumber: TEST_PHONE } });
  const chat: Conversation = await db.prisma.conversation.create({
    data: { waKey: TEST_PHONE, phoneNumber: TEST_PHONE },
  });
  let sequence = 0;
  return {
    db,
    userId,
    async say(body, at) {
      sequence += 1;
      const message = await db.prisma.inboundMessage.create({
        data: {
          waMessageId: `wamid.chat${sequence}`,
          conversationId: chat.id,
          phoneNumberId: '1',
          type: 'text',
          payload: { sender: { phoneNumber: TEST_PHONE }, content: { kind: 'text', body } },
          sentAt: at,
        },
      });
      await handleInbound(db, message);
      const reply = await db.prisma.outboundMessage.findFirstOrThrow({
        orderBy: { createdAt: 'desc' },
      });
      const payload = reply.payload as {
        text?: { body: string };
        interactive?: { body: { text: string } };
      };
      return payload.text?.body ?? payload.interactive?.body.text ?? '';
    },
  };
}
