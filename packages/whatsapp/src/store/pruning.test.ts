import { sql } from '@spendline/db';
import { openDatabase, type Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textMessage } from '../messages.ts';
import { storeInboundMessages } from './inbox.ts';
import { enqueueOutbound } from './outbox.ts';
import { pruneMessages } from './pruning.ts';
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
          await tx.execute(sql`SELECT pg_advisory_xact_lock(7302114551)`);
          expect(await pruneMessages(db.sql)).toEqual({ ran: false, inbound: 0, outbound: 0 });
        });
        expect((await pruneMessages(db.sql)).inbound).toBe(1);
      } finally {
        await other.close();
      }
    },
  );
});
