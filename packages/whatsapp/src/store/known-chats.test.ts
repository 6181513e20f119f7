import type { Database, Queries, Statement } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeInboundMessages } from './inbox.ts';
import { createKnownChats } from './known-chats.ts';
import { textEvent } from './test-messages.ts';

let db: Database;
let statements: string[];
let counting: Queries;
beforeEach(async () => {
  db = await createTestDatabase();
  statements = [];
  const seen = (statement: Statement) => statements.push(statement.text);
  counting = {
    rows: (statement) => (seen(statement), db.sql.rows(statement)),
    rowsOf: (statement, schema) => (seen(statement), db.sql.rowsOf(statement, schema)),
    execute: (statement) => (seen(statement), db.sql.execute(statement)),
  };
});
afterEach(async () => {
  await db.close();
});

const readsConversations = (text: string) => /FROM conversations/.test(text);

describe('storing messages of senders seen before', () => {
  it('stores a known sender’s next messages without reading their conversation', async () => {
    const chats = createKnownChats();
    const [first] = await storeInboundMessages(counting, [textEvent('919811111111', 'hi')], chats);
    expect(statements.filter(readsConversations)).toHaveLength(1);

    statements = [];
    const later = [textEvent('919811111111', '120 petrol'), textEvent('919811111111', 'today')];
    const rows = await storeInboundMessages(counting, later, chats);

    expect(statements).toHaveLength(1);
    expect(statements.filter(readsConversations)).toHaveLength(0);
    expect(rows.map((row) => row?.conversationId)).toEqual([
      first?.conversationId,
      first?.conversationId,
    ]);
    const stored = await db.prisma.inboundMessage.findMany({
      where: { id: { in: rows.map((row) => row!.id) } },
      orderBy: { id: 'asc' },
    });
    expect(stored.map((m) => [m.waMessageId, m.status])).toEqual(
      later.map((m) => [m.event.waMessageId, 'RECEIVED']),
    );
  });

  it('answers a redelivery with null and stores it once', async () => {
    const chats = createKnownChats();
    const message = textEvent('919812222222', '50 tea');
    await storeInboundMessages(counting, [textEvent('919812222222', 'hi')], chats);
    const [stored] = await storeInboundMessages(counting, [message], chats);
    const [again] = await storeInboundMessages(counting, [message, message], chats);

    expect(stored).not.toBeNull();
    expect(again).toBeNull();
    expect(
      await db.prisma.inboundMessage.count({ where: { waMessageId: message.event.waMessageId } }),
    ).toBe(1);
  });

  it('records a new identity Meta gives a known sender', async () => {
    const chats = createKnownChats();
    await storeInboundMessages(counting, [textEvent('919813333333', 'hi')], chats);
    const bsuid = 'IN.1234567890abcdef';
    const named = textEvent('919813333333', '80 lunch', {
      sender: { phoneNumber: '+919813333333', bsuid },
    });
    await storeInboundMessages(counting, [named], chats);

    const conversation = await db.prisma.conversation.findUniqueOrThrow({
      where: { waKey: '+919813333333' },
    });
    expect(conversation.bsuid).toBe(bsuid);
  });

  it('starts a new conversation when the known one was deleted meanwhile', async () => {
    const chats = createKnownChats();
    const [first] = await storeInboundMessages(counting, [textEvent('919814444444', 'hi')], chats);
    // As deleting the account does: the sender's chat and its messages go.
    await db.prisma.conversation.delete({ where: { id: first!.conversationId } });

    const [next] = await storeInboundMessages(
      counting,
      [textEvent('919814444444', '30 bus')],
      chats,
    );

    expect(next?.conversationId).toBeDefined();
    expect(next?.conversationId).not.toBe(first?.conversationId);
    const conversation = await db.prisma.conversation.findUniqueOrThrow({
      where: { waKey: '+919814444444' },
      include: { inbound: true },
    });
    expect(conversation.id).toBe(next?.conversationId);
    expect(conversation.inbound.map((m) => m.id)).toEqual([next?.id]);
  });

  it('forgets the least recently seen sender beyond its capacity', () => {
    const chats = createKnownChats(2);
    const [a, b, c] = ['91981', '91982', '91983'].map((n) => textEvent(n, 'x').event);
    chats.remember(a!, 'chat-a');
    chats.remember(b!, 'chat-b');
    expect(chats.conversationOf(a!)).toBe('chat-a');
    chats.remember(c!, 'chat-c');

    expect(chats.conversationOf(b!)).toBeUndefined();
    expect(chats.conversationOf(a!)).toBe('chat-a');
    expect(chats.conversationOf(c!)).toBe('chat-c');
  });
});
