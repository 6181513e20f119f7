import type { Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countingQueries } from './counting-queries.ts';
import { storeInboundMessage, storeInboundMessages } from './inbox.ts';
import { createInboxWriter } from './inbox-writer.ts';
import { textEvent } from './test-messages.ts';

let db: Database;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.close();
});

describe('storing inbound messages', () => {
  it('stores the messages of one webhook together, each wamid once, each in its chat', async () => {
    const first = textEvent('919800000001', 'one');
    await storeInboundMessage(db.sql, first.event, first.payload);
    const again = { ...textEvent('919800000001', 'two'), event: { ...first.event } };
    const batch = [
      textEvent('919800000001', 'three'),
      again,
      textEvent('919800000002', 'four'),
      textEvent('919800000002', 'five'),
    ];
    batch.push({ ...batch[2]! });

    const rows = await storeInboundMessages(db.sql, batch);

    expect(rows.map((row) => row !== null)).toEqual([true, false, true, true, false]);
    expect(await db.prisma.inboundMessage.count()).toBe(4);
    const chats = await db.prisma.conversation.findMany({ orderBy: { waKey: 'asc' } });
    expect(chats.map((c) => c.waKey)).toEqual(['+919800000001', '+919800000002']);
    expect(rows[0]?.conversationId).toBe(chats[0]?.id);
    expect(rows[2]?.conversationId).toBe(chats[1]?.id);
    expect(rows[3]?.conversationId).toBe(chats[1]?.id);
  });

  it("creates one conversation when a new sender's first messages arrive at once", async () => {
    const messages = Array.from({ length: 6 }, (_, i) => textEvent('919811111111', `m${i}`));
    const rows = await Promise.all(
      messages.map((m) => storeInboundMessage(db.sql, m.event, m.payload)),
    );
    expect(rows.every((row) => row !== null)).toBe(true);
    expect(new Set(rows.map((row) => row?.conversationId)).size).toBe(1);
    expect(await db.prisma.conversation.count()).toBe(1);
    expect(await db.prisma.inboundMessage.count()).toBe(6);
  });

  it('adds an identity Meta now sends to the conversation, and never drops one', async () => {
    const bsuid = 'US.13491208655302741918';
    const anonymous = textEvent('0', 'hi', { sender: { bsuid }, waKey: bsuid });
    await storeInboundMessage(db.sql, anonymous.event, anonymous.payload);
    const withPhone = textEvent('0', 'hi again', {
      sender: { bsuid, phoneNumber: '+919822222222' },
      waKey: bsuid,
    });
    await storeInboundMessage(db.sql, withPhone.event, withPhone.payload);
    const hidden = textEvent('0', 'and again', { sender: { bsuid }, waKey: bsuid });
    await storeInboundMessage(db.sql, hidden.event, hidden.payload);
    expect(
      await db.prisma.conversation.findUniqueOrThrow({ where: { waKey: bsuid } }),
    ).toMatchObject({ bsuid, phoneNumber: '+919822222222' });
  });

  it('stores an ignored message as settled, so the processor never sees it', async () => {
    const notice = { ...textEvent('919833333333', ''), ignored: true };
    await storeInboundMessages(db.sql, [notice]);
    const row = await db.prisma.inboundMessage.findFirstOrThrow();
    expect(row.status).toBe('IGNORED');
    expect(row.processedAt).toBeInstanceOf(Date);
  });
});

describe('the inbox writer (group commit)', () => {
  it('stores webhooks that arrive together in fewer statements, answering each with its own rows', async () => {
    const counting = countingQueries(db.sql);
    const writer = createInboxWriter(counting.queries, { maxInFlight: 1 });
    const webhooks = Array.from({ length: 12 }, (_, i) => [
      textEvent(`91984444444${i % 3}`, `a${i}`),
      textEvent(`91984444444${i % 3}`, `b${i}`),
    ]);
    const answers = await Promise.all(webhooks.map((messages) => writer.store(messages)));

    expect(counting.statements()).toBeLessThan(webhooks.length);
    expect(answers.every((rows) => rows.length === 2 && rows.every((row) => row !== null))).toBe(
      true,
    );
    const stored = await db.prisma.inboundMessage.findMany();
    expect(stored).toHaveLength(24);
    for (const [i, rows] of answers.entries()) {
      const ids = rows.map((row) => row?.id);
      const wamids = stored.filter((s) => ids.includes(s.id)).map((s) => s.waMessageId);
      expect(wamids.sort()).toEqual(webhooks[i]!.map((m) => m.event.waMessageId).sort());
    }
  });

  it('fails only the webhook the database refuses, not the others stored with it', async () => {
    const writer = createInboxWriter(db.sql, { maxInFlight: 1 });
    const good = [textEvent('919855555555', 'fine'), textEvent('919855555556', 'also fine')];
    // PostgreSQL refuses \u0000 in jsonb.
    const bad = { ...textEvent('919855555557', 'x'), payload: { text: 'nul \u0000 byte' } };
    const results = await Promise.allSettled([
      writer.store([good[0]!]),
      writer.store([bad]),
      writer.store([good[1]!]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await db.prisma.inboundMessage.count()).toBe(2);
  });
});
