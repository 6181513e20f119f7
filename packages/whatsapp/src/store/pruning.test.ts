import { sql } from '@spendline/db';
import { openDatabase, type Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textMessage } from '../messages.ts';
import { storeInboundMessages } from './inbox.ts';
import { enqueueOutbound } from './outbox.ts';
import { pruneLockKeys, pruneMessages } from './pruning.ts';
import { textEvent } from './test-messages.ts';

let db: Database;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.close();
});

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

async function inbound(status: 'RECEIVED' | 'PROCESSED' | 'IGNORED', age: number) {
  const [row] = await storeInboundMessages(db.sql, [textEvent('919812345678', status)]);
  await db.prisma.inboundMessage.update({
    where: { id: row?.id ?? '' },
    data: { status, receivedAt: daysAgo(age) },
  });
  return row?.id ?? '';
}

async function outbound(age: number) {
  const row = await enqueueOutbound(db.sql, textMessage('919812345678', `${age} days`));
  await db.prisma.outboundMessage.update({
    where: { id: row.id },
    data: { status: 'DELIVERED', createdAt: daysAgo(age) },
  });
  return row.id;
}

describe('pruning old messages', () => {
  it('deletes settled inbound messages after 7 days and outbound ones after 30, nothing else', async () => {
    const oldProcessed = await inbound('PROCESSED', 8);
    const oldIgnored = await inbound('IGNORED', 8);
    const oldWaiting = await inbound('RECEIVED', 8);
    const recent = await inbound('PROCESSED', 6);
    const user = await db.prisma.user.create({
      data: { email: 'a@example.com', displayName: 'A' },
    });
    const expense = await db.prisma.expense.create({
      data: {
        userId: user.id,
        amountMinor: 12_000n,
        currency: 'INR',
        occurredAt: daysAgo(8),
        source: 'WHATSAPP',
        inboundMessageId: oldProcessed,
      },
    });
    const oldSent = await outbound(31);
    const recentSent = await outbound(29);

    expect(await pruneMessages(db.sql, { batch: 1 })).toEqual({
      ran: true,
      inbound: 2,
      outbound: 1,
      media: 0,
    });

    const left = await db.prisma.inboundMessage.findMany({ select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual([oldWaiting, recent].sort());
    expect(left.map((r) => r.id)).not.toContain(oldIgnored);
    const sent = await db.prisma.outboundMessage.findMany({ select: { id: true } });
    expect(sent.map((r) => r.id)).toEqual([recentSent]);
    expect(sent.map((r) => r.id)).not.toContain(oldSent);
    // The expense stays; only its link to the deleted message goes.
    expect(await db.prisma.expense.findUniqueOrThrow({ where: { id: expense.id } })).toMatchObject({
      inboundMessageId: null,
    });
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'leaves the work to the replica already pruning',
    async () => {
      await inbound('PROCESSED', 8);
      const [{ schema } = { schema: '' }] = await db.sql.rows<{ schema: string }>(sql`
        SELECT current_schema() AS schema`);
      const url = new URL(process.env.DATABASE_URL ?? '');
      url.searchParams.set('schema', schema);
      // Another replica, on a connection of its own, in the middle of pruning.
      const other = await openDatabase({ databaseUrl: url.toString() });
      try {
        await other.sql.transaction(async (tx) => {
          await tx.execute(sql`SELECT pg_advisory_xact_lock(${pruneLockKeys})`);
          expect(await pruneMessages(db.sql)).toEqual({
            ran: false,
            inbound: 0,
            outbound: 0,
            media: 0,
          });
        });
        expect((await pruneMessages(db.sql)).inbound).toBe(1);
      } finally {
        await other.close();
      }
    },
  );

  it.skipIf(!process.env.DATABASE_URL)(
    'is not held back by a deployment pruning in another schema of the database',
    async () => {
      await inbound('PROCESSED', 8);
      const elsewhere = await createTestDatabase();
      try {
        await elsewhere.sql.transaction(async (tx) => {
          // What pruning over there holds while it works.
          await tx.execute(sql`SELECT pg_advisory_xact_lock(${pruneLockKeys})`);
          expect(await pruneMessages(db.sql)).toMatchObject({ ran: true, inbound: 1 });
        });
      } finally {
        await elsewhere.close();
      }
    },
  );

  it('deletes finished media jobs and files never saved with an entry after 7 days', async () => {
    const user = await db.prisma.user.create({
      data: { email: 'm@example.com', displayName: 'M' },
    });
    const conversation = await db.prisma.conversation.create({ data: { waKey: '+919800000009' } });
    const expense = await db.prisma.expense.create({
      data: {
        userId: user.id,
        amountMinor: 100n,
        currency: 'INR',
        occurredAt: daysAgo(9),
        source: 'WHATSAPP',
      },
    });
    const file = (age: number, expenseId: string | null) =>
      db.prisma.attachment.create({
        data: {
          userId: user.id,
          expenseId,
          mimeType: 'image/jpeg',
          sha256: '0'.repeat(64),
          size: 1,
          bytes: Buffer.from('x'),
          createdAt: daysAgo(age),
        },
      });
    const job = (age: number, status: 'PENDING' | 'DONE' | 'FAILED') =>
      db.prisma.mediaJob.create({
        data: {
          inboundMessageId: crypto.randomUUID(),
          conversationId: conversation.id,
          mediaId: 'M',
          media: 'image',
          payload: {},
          status,
          createdAt: daysAgo(age),
        },
      });
    const kept = [await file(9, expense.id), await file(6, null)];
    await file(8, null);
    const waiting = [await job(9, 'PENDING'), await job(6, 'DONE')];
    await job(8, 'DONE');
    await job(8, 'FAILED');

    expect((await pruneMessages(db.sql)).media).toBe(3);
    const files = await db.prisma.attachment.findMany({ select: { id: true } });
    expect(files.map((f) => f.id).sort()).toEqual(kept.map((f) => f.id).sort());
    const jobs = await db.prisma.mediaJob.findMany({ select: { id: true } });
    expect(jobs.map((j) => j.id).sort()).toEqual(waiting.map((j) => j.id).sort());
  });
});
