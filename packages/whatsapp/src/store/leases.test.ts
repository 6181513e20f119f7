import { sql } from '@spendline/db';
import type { Database, OutboundMessage as OutboundRow } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createLogger } from '@spendline/log';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendResult } from '../graph-client.ts';
import { textMessage, type OutboundMessage } from '../messages.ts';
import { createDispatcher, type DispatcherOptions } from './dispatcher.ts';
import { claimedInsert, enqueueOutbound } from './outbox.ts';

let db: Database;
const logger = createLogger({ level: 'silent' });
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const textOf = (body: OutboundMessage) => (body as { text?: { body: string } }).text?.body ?? '';

/** Every send any dispatcher of a test made, with when it started. */
function recorder(delayMs = 0) {
  const sent: { text: string; at: number }[] = [];
  const send = async (body: OutboundMessage): Promise<SendResult> => {
    sent.push({ text: textOf(body), at: Date.now() });
    await pause(delayMs);
    return { ok: true, providerMessageId: `wamid.${sent.length}` };
  };
  return { sent, send };
}

function dispatcher(options: Partial<DispatcherOptions> & Pick<DispatcherOptions, 'send'>) {
  return createDispatcher({ db: db.sql, logger, ratePerSecond: 1000, ...options });
}

async function until(check: () => boolean | Promise<boolean>, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms`);
    await pause(20);
  }
}

describe('outbound leases', () => {
  it('retries a reply that a crashed process was sending within seconds of the restart', async () => {
    const { sent, send } = recorder();
    const restarted = dispatcher({ send });
    expect(restarted.leaseMs).toBeLessThanOrEqual(10_000);
    // The crashed process had claimed the reply as the inbox processor does, and died
    // before sending it or writing what became of it.
    await db.sql.rows<OutboundRow>(sql`
      ${claimedInsert(restarted.leaseMs)(textMessage('919800000001', 'your reply'))}`);
    const restartedAt = Date.now();
    restarted.start(200);
    await until(() => sent.length > 0, 12_000).finally(() => restarted.stop());

    expect(sent.map((s) => s.text)).toEqual(['your reply']);
    expect(sent[0]!.at - restartedAt).toBeLessThan(restarted.leaseMs + 1_000);
    const [row] = await db.prisma.outboundMessage.findMany();
    expect(row).toMatchObject({ status: 'SENT', attempts: 2 });
  }, 20_000);

  it('never takes over a row that a live replica is still sending', async () => {
    // Meta answers after five leases; the replica renews its lease meanwhile.
    const { sent, send } = recorder(1_500);
    const slow = dispatcher({ send, leaseMs: 300 });
    const other = dispatcher({ send, leaseMs: 300 });
    await enqueueOutbound(db.sql, textMessage('919800000001', 'slow reply'));
    const sending = slow.runOnce();
    await until(() => sent.length === 1, 5_000);
    other.start(20);
    await sending;
    await other.stop();

    expect(sent.map((s) => s.text)).toEqual(['slow reply']);
    const [row] = await db.prisma.outboundMessage.findMany();
    expect(row).toMatchObject({ status: 'SENT', attempts: 1 });
  });

  it('does not start a send whose lease another dispatcher took over while it waited', async () => {
    const { sent, send } = recorder();
    // One send a second: the second row waits its turn under the rate limit.
    const waiting = dispatcher({ send, leaseMs: 300, ratePerSecond: 1 });
    const rows = {
      first: await enqueueOutbound(db.sql, textMessage('919800000001', 'first')),
      second: await enqueueOutbound(db.sql, textMessage('919800000002', 'second')),
    };
    const sending = waiting.runOnce();
    await until(() => sent.length === 1, 5_000);
    // Rows of different chats have no order between them: the other one is the one waiting.
    const [sentFirst] = sent.map((s) => s.text);
    const waited = sentFirst === 'first' ? rows.second : rows.first;
    // What another dispatcher's claim does to a row whose lease ran out.
    await db.prisma.outboundMessage.update({
      where: { id: waited.id },
      data: { attempts: { increment: 1 } },
    });
    await sending;

    expect(sent.map((s) => s.text)).toEqual([sentFirst]);
    const row = await db.prisma.outboundMessage.findUniqueOrThrow({ where: { id: waited.id } });
    expect(row).toMatchObject({ status: 'SENDING', attempts: 2 });
  });
});
