// The runtime against a real database: one inbound message in, one reply and one
// snapshot out, in the caller's transaction.
import type { Conversation, Database, InboundMessage } from '@spendline/db';
import { createDefaultCategories } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { pendingInsert } from '@spendline/whatsapp/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MACHINE_VERSION } from './machine.ts';
import { ConversationConflictError, createConversationHandler } from './runtime.ts';

let db: Database;
const phone = '+919812345678';
const handle = createConversationHandler({
  publicUrl: 'https://spendline.example',
  secretKey: 'test-secret-key-of-enough-length',
});

beforeEach(async () => {
  db = await createTestDatabase();
  const user = await db.prisma.user.create({
    data: { email: 'asha@example.com', displayName: 'Asha' },
  });
  await createDefaultCategories(db.prisma, user.id);
  await db.prisma.whatsAppLink.create({ data: { userId: user.id, phoneNumber: phone } });
});
afterEach(async () => {
  await db.close();
});

let sequence = 0;
async function receive(conversation: Conversation, body: string): Promise<InboundMessage> {
  sequence += 1;
  return db.prisma.inboundMessage.create({
    data: {
      waMessageId: `wamid.test${sequence}`,
      conversationId: conversation.id,
      phoneNumberId: '1',
      type: 'text',
      payload: { sender: { phoneNumber: phone }, content: { kind: 'text', body } },
      sentAt: new Date(Date.UTC(2026, 10, 24, 6, sequence)),
    },
  });
}

async function run(conversationId: string, message: InboundMessage, version?: number) {
  const conversation = await db.prisma.conversation.findUniqueOrThrow({
    where: { id: conversationId },
  });
  await db.sql.transaction(async (tx) => {
    await handle({
      tx,
      message,
      conversation: version === undefined ? conversation : { ...conversation, version },
      outbox: { insert: pendingInsert, queued: () => {} },
    });
  });
}

const lastReply = async () =>
  JSON.stringify(
    (await db.prisma.outboundMessage.findFirstOrThrow({ orderBy: { createdAt: 'desc' } })).payload,
  );

describe('the conversation runtime', () => {
  it('saves the snapshot with its version bumped, and the reply with it', async () => {
    const chat = await db.prisma.conversation.create({
      data: { waKey: phone, phoneNumber: phone },
    });
    await run(chat.id, await receive(chat, '75 zzqx'));
    const saved = await db.prisma.conversation.findUniqueOrThrow({ where: { id: chat.id } });
    expect(saved).toMatchObject({ version: 1, machineVersion: MACHINE_VERSION });
    expect(saved.snapshot).toMatchObject({
      value: 'asking',
      context: { question: { kind: 'category' } },
    });
    expect(await lastReply()).toMatch(/Which category for \\"75 zzqx\\"\?/);
  });

  it('refuses to save over a newer snapshot, leaving nothing behind', async () => {
    const chat = await db.prisma.conversation.create({
      data: { waKey: phone, phoneNumber: phone, version: 3 },
    });
    const message = await receive(chat, '120 petrol');
    await expect(run(chat.id, message, 2)).rejects.toBeInstanceOf(ConversationConflictError);
    expect(await db.prisma.expense.count()).toBe(0);
    expect(await db.prisma.outboundMessage.count()).toBe(0);
    await run(chat.id, message);
    expect(await db.prisma.expense.count()).toBe(1);
  });

  it('tells the user when a snapshot from an older machine lost their question', async () => {
    const chat = await db.prisma.conversation.create({
      data: {
        waKey: phone,
        phoneNumber: phone,
        machineVersion: MACHINE_VERSION - 1,
        snapshot: { value: 'awaitingCategory', context: { question: { kind: 'category' } } },
      },
    });
    await run(chat.id, await receive(chat, '120 petrol'));
    const reply = await lastReply();
    expect(reply).toMatch(/I was updated and lost the question/);
    expect(reply).toMatch(/✅ ₹120\.00 · Fuel/);
  });
});
