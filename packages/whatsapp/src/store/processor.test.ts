import { sql } from '@spendline/db';
import type { Database, OutboundMessage as OutboundRow } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createLogger } from '@spendline/log';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textMessage } from '../messages.ts';
import { storeInboundMessages } from './inbox.ts';
import { claimOutbound, enqueueOutbound } from './outbox.ts';
import { createInboxProcessor, type InboundHandler } from './processor.ts';
import { textEvent } from './test-messages.ts';

let db: Database;
const logger = createLogger({ level: 'silent' });
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.close();
});

const at = (s: number) => new Date(Date.UTC(2026, 10, 24, 9, 0, s));

async function chat(...bodies: string[]): Promise<string> {
  const rows = await storeInboundMessages(
    db.sql,
    bodies.map((body, i) => textEvent('919812345678', body, { sentAt: at(i + 1) })),
  );
  return rows[0]?.conversationId ?? '';
}

const bodyOf = (payload: unknown) => (payload as { content: { body: string } }).content.body;
const textOf = (payload: unknown) => (payload as { text: { body: string } }).text.body;

/** Replies to each message and counts it on the conversation, as the bot would. */
const replying: InboundHandler = async ({ tx, message, conversation }) => {
  await enqueueOutbound(tx, textMessage('919812345678', `re: ${bodyOf(message.payload)}`));
  const saved = await tx.execute(sql`
    UPDATE conversations SET version = version + 1
     WHERE id = ${conversation.id}::uuid AND version = ${conversation.version}`);
  if (saved !== 1) throw new Error('stale conversation');
};

describe('the inbox processor', () => {
  it("handles a chat's backlog in order, each message seeing the conversation as the one before left it", async () => {
    const id = await chat('one', 'two', 'three');
    const seen: string[] = [];
    const processor = createInboxProcessor({
      db: db.sql,
      logger,
      handler: async (work) => {
        const window = work.conversation.lastInboundAt?.getTime() ?? 0;
        // The 24-hour window the handler sees already counts the message it handles.
        const counted = window >= work.message.sentAt.getTime();
        seen.push(
          `${bodyOf(work.message.payload)}@${work.conversation.version}${counted ? '' : '!'}`,
        );
        await replying(work);
      },
    });

    expect(await processor.processConversation(id)).toBe(3);

    expect(seen).toEqual(['one@0', 'two@1', 'three@2']);
    const statuses = await db.prisma.inboundMessage.findMany({ select: { status: true } });
    expect(statuses.every((s) => s.status === 'PROCESSED')).toBe(true);
    const conversation = await db.prisma.conversation.findUniqueOrThrow({ where: { id } });
    expect(conversation.lastInboundAt?.getTime()).toBe(at(3).getTime());
    expect(await db.prisma.outboundMessage.count()).toBe(3);
  });

  it('commits the messages before a failing one once, and sets the failing one aside after its tries', async () => {
    const id = await chat('fine', 'broken', 'fine again');
    const calls: string[] = [];
    const batches: string[][] = [];
    const processor = createInboxProcessor({
      db: db.sql,
      logger,
      maxAttempts: 3,
      onBatch: (messages) => batches.push(messages.map((m) => bodyOf(m.payload))),
      handler: async (work) => {
        const body = bodyOf(work.message.payload);
        calls.push(body);
        await replying(work);
        if (body === 'broken') throw new Error('cannot parse this');
      },
    });

    await processor.processConversation(id);

    const rows = await db.prisma.inboundMessage.findMany({ orderBy: { sentAt: 'asc' } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['PROCESSED', 1],
      ['FAILED', 3],
      ['PROCESSED', 1],
    ]);
    expect(rows[1]?.lastError).toBe('cannot parse this');
    // Rolled-back work left nothing behind: one reply per processed message.
    const replies = await db.prisma.outboundMessage.findMany({ orderBy: { createdAt: 'asc' } });
    expect(replies.map((r) => (r.payload as { text: { body: string } }).text.body)).toEqual([
      're: fine',
      're: fine again',
    ]);
    expect(calls.filter((c) => c === 'broken')).toHaveLength(4);
    // Only committed batches are reported, each message once.
    expect(batches).toEqual([['fine'], ['fine again']]);
  });

  it('hands over the replies it claimed only once their batch commits, and wakes the dispatcher for the rest', async () => {
    const id = await chat('one', 'boom', 'three');
    const handed: string[][] = [];
    let wakeUps = 0;
    const processor = createInboxProcessor({
      db: db.sql,
      logger,
      maxAttempts: 1,
      handOver: {
        leaseMs: 60_000,
        send: (rows) => handed.push(rows.map((row) => textOf(row.payload))),
      },
      onProcessed: () => (wakeUps += 1),
      handler: async ({ tx, message, outbox }) => {
        const body = bodyOf(message.payload);
        const [row] = await tx.rows<OutboundRow>(sql`
          ${outbox.insert(textMessage('919812345678', `re: ${body}`))}`);
        if (row) outbox.queued(row);
        if (body === 'boom') throw new Error('boom');
      },
    });

    expect(await processor.processConversation(id)).toBe(3);

    // The batch that failed on "boom" handed nothing over; "one" went with the retry.
    // "three" waits behind "one", PENDING: the dispatcher is woken for it (and once
    // after the failure was recorded, which handed nothing over).
    expect(handed).toEqual([['re: one']]);
    expect(wakeUps).toBe(2);
    const rows = await db.prisma.outboundMessage.findMany({ orderBy: { createdAt: 'asc' } });
    expect(rows.map((row) => [textOf(row.payload), row.status])).toEqual([
      ['re: one', 'SENDING'],
      ['re: three', 'PENDING'],
    ]);
  });

  it('keeps a handed-over reply out of the claims of others when its batch outlasts the lease', async () => {
    const id = await chat('slow');
    const handed: OutboundRow[] = [];
    const processor = createInboxProcessor({
      db: db.sql,
      logger,
      transactionTimeoutMs: 5_000,
      handOver: { leaseMs: 100, send: (rows) => handed.push(...rows) },
      handler: async ({ tx, message, outbox }) => {
        const [row] = await tx.rows<OutboundRow>(sql`
          ${outbox.insert(textMessage('919812345678', `re: ${bodyOf(message.payload)}`))}`);
        if (row) outbox.queued(row);
        // Longer than the lease: the reply is committed after it would have run out.
        await new Promise((resolve) => setTimeout(resolve, 300));
      },
    });
    expect(await processor.processConversation(id)).toBe(1);
    expect(handed).toHaveLength(1);
    // Another dispatcher looking now finds nothing to take over.
    expect(await claimOutbound(db.sql, 10, 100)).toEqual([]);
  });

  it('tells onTaken of each message before its handler runs', async () => {
    const id = await chat('a', 'b');
    const events: string[] = [];
    const processor = createInboxProcessor({
      db: db.sql,
      logger,
      onTaken: (message) => events.push(`taken ${bodyOf(message.payload)}`),
      handler: ({ message }) => {
        events.push(`handled ${bodyOf(message.payload)}`);
        return Promise.resolve();
      },
    });
    await processor.processConversation(id);
    expect(events).toEqual(['taken a', 'handled a', 'taken b', 'handled b']);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "acknowledges a chat's new message while the processor holds that chat",
    async () => {
      const id = await chat('slow');
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      let started = () => {};
      const handling = new Promise<void>((resolve) => (started = resolve));
      const processor = createInboxProcessor({
        db: db.sql,
        logger,
        handler: async (work) => {
          await replying(work);
          started();
          await released;
        },
      });
      const processing = processor.processConversation(id);
      await handling;
      const late = textEvent('919812345678', 'meanwhile', { sentAt: at(9) });
      const stored = await Promise.race([
        storeInboundMessages(db.sql, [late]),
        new Promise((resolve) => setTimeout(() => resolve('blocked'), 3000)),
      ]);
      release();
      await processing;
      expect(stored).not.toBe('blocked');
      expect(await processor.processConversation(id)).toBe(1);
    },
  );

  it.skipIf(!process.env.DATABASE_URL)(
    'shares a chat between two replicas: every message handled once, in the order sent',
    async () => {
      const bodies = Array.from({ length: 40 }, (_, i) => `m${i}`);
      const id = await chat(...bodies.slice(0, 10));
      /** Appends the message to the conversation's snapshot, with the version check. */
      const appending: InboundHandler = async ({ tx, message, conversation }) => {
        const handled = (conversation.snapshot as string[] | null) ?? [];
        const saved = await tx.execute(sql`
          UPDATE conversations
             SET snapshot = ${JSON.stringify([...handled, bodyOf(message.payload)])}::jsonb,
                 version = version + 1
           WHERE id = ${conversation.id}::uuid AND version = ${conversation.version}`);
        if (saved !== 1) throw new Error('stale conversation');
        // Long enough for the other replica to come and wait.
        await new Promise((resolve) => setTimeout(resolve, 2));
      };
      // Two processors: two replicas, each coalescing only its own kicks.
      const replicas = [1, 2].map(() =>
        createInboxProcessor({ db: db.sql, logger, handler: appending, batchSize: 3 }),
      );
      for (let i = 10; i < bodies.length; i += 5) {
        await storeInboundMessages(
          db.sql,
          bodies
            .slice(i, i + 5)
            .map((body, j) => textEvent('919812345678', body, { sentAt: at(i + j + 1) })),
        );
        for (const replica of replicas) replica.kick([id]);
      }
      for (const replica of replicas) replica.kick([id]);
      await Promise.all(replicas.map((replica) => replica.idle()));
      for (const replica of replicas) await replica.processConversation(id);

      const conversation = await db.prisma.conversation.findUniqueOrThrow({ where: { id } });
      expect(conversation.snapshot).toEqual(bodies);
      expect(conversation.version).toBe(bodies.length);
      expect(await db.prisma.inboundMessage.count({ where: { status: 'PROCESSED' } })).toBe(
        bodies.length,
      );
    },
  );
});
