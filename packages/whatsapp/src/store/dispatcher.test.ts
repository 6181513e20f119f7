import { sql } from '@spendline/db';
import type { Database, OutboundMessage as OutboundRow } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createLogger } from '@spendline/log';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGraphClient } from '../graph-client.ts';
import { textMessage } from '../messages.ts';
import { startGraphSimulator, type GraphSimulator } from '../simulator/index.ts';
import { createDispatcher, type DispatcherOptions, type SendOutcome } from './dispatcher.ts';
import { claimedInsert, claimOutbound, enqueueOutbound } from './outbox.ts';

let db: Database;
let simulator: GraphSimulator;
const logger = createLogger({ level: 'silent' });

beforeEach(async () => {
  db = await createTestDatabase();
  simulator = await startGraphSimulator({ seed: 7, hangMs: 2_000, accessToken: 'test-token' });
});
afterEach(async () => {
  await simulator.close();
  await db.close();
});

function dispatcher(options: Partial<DispatcherOptions> = {}) {
  const graph = createGraphClient({
    apiUrl: simulator.apiUrl,
    phoneNumberId: '1234567890',
    accessToken: 'test-token',
    timeoutMs: 300,
  });
  return createDispatcher({
    db: db.sql,
    send: (body) => graph.send(body),
    logger,
    retryBaseMs: 5,
    ratePerSecond: 1000,
    ...options,
  });
}

async function drain(...dispatchers: ReturnType<typeof dispatcher>[]): Promise<void> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    await Promise.all(dispatchers.map((d) => d.runOnce()));
    const open = await db.prisma.outboundMessage.count({
      where: { status: { in: ['PENDING', 'SENDING'] } },
    });
    if (open === 0) return;
    if (Date.now() > deadline) throw new Error(`${open} messages still unsent`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const recipients = ['919800000001', '919800000002', '919800000003', '919800000004'];

async function enqueueMany(count: number): Promise<string[]> {
  const bodies: string[] = [];
  for (let i = 0; i < count; i++) {
    const body = `message ${i}`;
    bodies.push(body);
    await enqueueOutbound(db.sql, textMessage(recipients[i % recipients.length] ?? '', body));
  }
  return bodies;
}

const sentBodies = () =>
  simulator.messages.map((m) => (m.body.text as { body: string } | undefined)?.body ?? '');

describe('the outbox dispatcher', () => {
  it('delivers every message exactly once through 429s, 500s and timeouts', async () => {
    const bodies = await enqueueMany(16);
    simulator.failNext('429', '500', 'timeout', '500', 'timeout');
    simulator.setFailure({ failRate: 0.25, failWith: ['500', 'timeout'] });
    await drain(dispatcher());

    expect(simulator.failures.length).toBeGreaterThanOrEqual(5);
    expect(sentBodies().sort()).toEqual([...bodies].sort());
    const rows = await db.prisma.outboundMessage.findMany();
    expect(
      rows.every((r) => r.status === 'SENT' && r.providerMessageId?.startsWith('wamid.')),
    ).toBe(true);
    expect(rows.some((r) => r.attempts > 1)).toBe(true);
  });

  it("keeps each recipient's messages in the order they were queued", async () => {
    await enqueueMany(12);
    simulator.setFailure({ failRate: 0.3, failWith: ['500'] });
    await drain(dispatcher());
    for (const to of recipients) {
      const order = simulator.messages.filter((m) => m.to === to).map((m) => m.body.text);
      const numbers = order.map((t) => Number((t as { body: string }).body.split(' ')[1]));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    }
  });

  it("claims each recipient's oldest unsent message only, oldest first, skipping sent history", async () => {
    await enqueueMany(8);
    const first = await claimOutbound(db.sql, 10, 60_000);
    expect(first.map((row) => (row.payload as { text: { body: string } }).text.body)).toEqual([
      'message 0',
      'message 1',
      'message 2',
      'message 3',
    ]);
    // Still leased: nothing else of those recipients may go before them.
    expect(await claimOutbound(db.sql, 10, 60_000)).toEqual([]);
    await db.prisma.outboundMessage.updateMany({
      where: { id: { in: first.map((row) => row.id) } },
      data: { status: 'DELIVERED' },
    });
    const second = await claimOutbound(db.sql, 2, 60_000);
    expect(second.map((row) => (row.payload as { text: { body: string } }).text.body)).toEqual([
      'message 4',
      'message 5',
    ]);
  });

  it('sends to one recipient while a send to another is still waiting on Meta', async () => {
    const sent: string[] = [];
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const passes = createDispatcher({
      db: db.sql,
      logger,
      ratePerSecond: 1000,
      send: async (body) => {
        if (body.to === recipients[0]) await slow;
        sent.push(body.to ?? '');
        return { ok: true, providerMessageId: `wamid.${sent.length}` };
      },
    });
    await enqueueOutbound(db.sql, textMessage(recipients[0]!, 'slow'));
    passes.start(60_000);
    await enqueueOutbound(db.sql, textMessage(recipients[1]!, 'quick'));
    passes.kick();
    const deadline = Date.now() + 5_000;
    while (!sent.includes(recipients[1]!) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(sent).toEqual([recipients[1]]);
    release();
    await passes.stop();
    expect(sent).toEqual([recipients[1], recipients[0]]);
  });

  it('never double-sends when two dispatchers (two replicas) run together', async () => {
    const bodies = await enqueueMany(24);
    await drain(dispatcher(), dispatcher());
    expect(sentBodies().sort()).toEqual([...bodies].sort());
  });

  it('marks a message failed with the reason on a permanent error, without retrying', async () => {
    const graph = createGraphClient({
      apiUrl: simulator.apiUrl,
      phoneNumberId: '1234567890',
      accessToken: 'wrong-token',
    });
    await enqueueMany(1);
    const outcomes: SendOutcome[] = [];
    await drain(
      createDispatcher({
        db: db.sql,
        send: (b) => graph.send(b),
        logger,
        retryBaseMs: 5,
        onSent: (outcome) => outcomes.push(outcome),
      }),
    );
    const [row] = await db.prisma.outboundMessage.findMany();
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(row?.lastError).toMatch(/190|401/);
    expect(simulator.messages).toHaveLength(0);
    expect(outcomes).toEqual([{ result: 'failed', code: 190 }]);
  });

  it('sets aside a queued body it cannot read, sending the others', async () => {
    await enqueueMany(2);
    await db.sql.execute(sql`
      UPDATE outbound_messages SET payload = '{"type": "text", "text": {}}'::jsonb
       WHERE id = (SELECT id FROM outbound_messages ORDER BY created_at LIMIT 1)`);
    const outcomes: SendOutcome[] = [];
    await drain(dispatcher({ onSent: (outcome) => outcomes.push(outcome) }));
    const rows = await db.prisma.outboundMessage.findMany({ orderBy: { createdAt: 'asc' } });
    expect(rows.map((row) => row.status)).toEqual(['FAILED', 'SENT']);
    expect(rows[0]?.lastError).toBe('stored message body unreadable');
    expect(sentBodies()).toEqual(['message 1']);
    expect(outcomes).toEqual([{ result: 'failed' }, { result: 'sent' }]);
  });

  it('gives up after the last attempt and says why', async () => {
    await enqueueMany(1);
    simulator.setFailure({ failRate: 1, failWith: ['500'] });
    const outcomes: SendOutcome[] = [];
    await drain(dispatcher({ maxAttempts: 3, onSent: (outcome) => outcomes.push(outcome) }));
    const [row] = await db.prisma.outboundMessage.findMany();
    expect(row).toMatchObject({ status: 'FAILED', attempts: 3 });
    expect(row?.lastError).toMatch(/131000/);
    expect(outcomes).toEqual([
      { result: 'retry', code: 131000 },
      { result: 'retry', code: 131000 },
      { result: 'failed', code: 131000 },
    ]);
  });

  describe('rows handed over by the transaction that claimed them', () => {
    const queue = async (to: string, body: string) => {
      const [row] = await db.sql.rows<OutboundRow>(sql`
        ${claimedInsert(60_000)(textMessage(to, body))}`);
      if (!row) throw new Error('nothing queued');
      return row;
    };

    it('claims a row for its caller only when nothing else waits for the recipient', async () => {
      const first = await queue(recipients[0]!, 'first');
      const second = await queue(recipients[0]!, 'second');
      const other = await queue(recipients[1]!, 'other');
      expect([first.status, second.status, other.status]).toEqual([
        'SENDING',
        'PENDING',
        'SENDING',
      ]);
      expect(first.attempts).toBe(1);
      expect(first.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
      // Leased to its caller: no dispatcher claims it meanwhile, nor the row behind it.
      expect(await claimOutbound(db.sql, 10, 60_000)).toEqual([]);
    });

    it('sends them without a claim, then releases the messages queued behind them', async () => {
      const sender = dispatcher();
      sender.start(60_000);
      const first = await queue(recipients[0]!, 'first');
      const second = await queue(recipients[0]!, 'second');
      expect(second.status).toBe('PENDING');
      sender.handOver([first]);
      // The processor wakes the dispatcher for the row that has to wait its turn.
      sender.kick();
      const deadline = Date.now() + 5_000;
      while (sentBodies().length < 2 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await sender.stop();
      expect(sentBodies()).toEqual(['first', 'second']);
      const rows = await db.prisma.outboundMessage.findMany({ orderBy: { createdAt: 'asc' } });
      expect(rows.map((r) => [r.status, r.attempts])).toEqual([
        ['SENT', 1],
        ['SENT', 1],
      ]);
    });

    it('leaves a row whose sender died to any dispatcher once the lease runs out', async () => {
      const [row] = await db.sql.rows<OutboundRow>(sql`
        ${claimedInsert(1)(textMessage(recipients[2]!, 'orphan'))}`);
      expect(row?.status).toBe('SENDING');
      await new Promise((resolve) => setTimeout(resolve, 20));
      await drain(dispatcher());
      expect(sentBodies()).toEqual(['orphan']);
    });
  });
});
