import { createTestDatabase } from '@spendline/db/testing';
import { sql, type Database } from '@spendline/db';
import { createLogger } from '@spendline/log';
import { createMediaUploader } from '@spendline/whatsapp';
import { startGraphSimulator, type GraphSimulator } from '@spendline/whatsapp/simulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pdfPages } from './pdf-text.ts';
import { createRenderPool, type RenderPool } from './pool.ts';
import { createStatementSender, requestStatement } from './statement-requests.ts';

const PHONE = '+919812345678';
const TOKEN = 'sim-token';
const now = new Date('2026-12-02T06:00:00Z');
const logger = createLogger({ level: 'silent' });
const downloadUrl = (month: string) => `https://spendline.example/dashboard/statement/${month}.pdf`;

let db: Database;
let pool: RenderPool;
let simulator: GraphSimulator;
let userId: string;
let conversationId: string;

interface Queued {
  type: string;
  conversationId: string | null;
  payload: Record<string, Record<string, string>>;
}

const outbound = () =>
  db.sql.rows<Queued>(sql`
    SELECT type, conversation_id::text AS "conversationId", payload
      FROM outbound_messages ORDER BY created_at, id`);

beforeAll(async () => {
  db = await createTestDatabase();
  pool = createRenderPool({ size: 1 });
  simulator = await startGraphSimulator({ accessToken: TOKEN });
  const user = await db.prisma.user.create({
    data: { email: 'asha@example.com', displayName: 'Asha', timeZone: 'Asia/Kolkata' },
  });
  userId = user.id;
  await db.prisma.whatsAppLink.create({ data: { userId, phoneNumber: PHONE } });
  conversationId = (
    await db.prisma.conversation.create({
      data: { waKey: PHONE, phoneNumber: PHONE, lastInboundAt: new Date(now.getTime() - 60_000) },
    })
  ).id;
  await db.prisma.expense.create({
    data: {
      userId,
      occurredAt: new Date('2026-11-10T06:00:00Z'),
      amountMinor: 65_000n,
      currency: 'INR',
      note: 'cylinder refill',
      source: 'WEB',
    },
  });
});

afterAll(async () => {
  await simulator.close();
  await pool.close();
  await db.close();
});

beforeEach(async () => {
  simulator.clear();
  await db.prisma.outboundMessage.deleteMany();
  await db.prisma.statementRequest.deleteMany();
});

async function request(): Promise<void> {
  await db.sql.transaction((tx) =>
    requestStatement(tx, { userId, conversationId, recipient: PHONE, month: '2026-11-01' }),
  );
}

const uploader = (accessToken = TOKEN) =>
  createMediaUploader({ apiUrl: simulator.apiUrl, phoneNumberId: '1001', accessToken });

describe('the statement sender', () => {
  it('draws the PDF, uploads it and queues the document in the conversation', async () => {
    await request();
    const sender = createStatementSender({
      db: db.sql,
      pool,
      upload: uploader(),
      downloadUrl,
      logger,
      now: () => now,
    });
    expect(await sender.runOnce()).toBe(1);
    expect(simulator.uploads).toHaveLength(1);
    const [upload] = simulator.uploads;
    expect(upload!.filename).toBe('spendline-statement-2026-11.pdf');
    const text = (await pdfPages(new Uint8Array(upload!.bytes))).join('\n');
    expect(text).toContain('₹650.00');
    expect(text).toContain('cylinder refill');
    const [message, ...others] = await outbound();
    expect(others).toEqual([]);
    expect(message).toMatchObject({ type: 'document', conversationId });
    expect(message!.payload.document).toEqual({
      id: upload!.id,
      filename: 'spendline-statement-2026-11.pdf',
      caption: '📄 Your statement for November 2026: ₹650.00 spent.',
    });
    const [row] = await db.prisma.statementRequest.findMany();
    expect(row).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(await sender.runOnce()).toBe(0);
  });

  it('links to the dashboard’s download in the sandbox, where nothing is uploaded', async () => {
    await request();
    const sender = createStatementSender({ db: db.sql, pool, downloadUrl, logger, now: () => now });
    await sender.runOnce();
    const [message] = await outbound();
    expect(message!.payload.document).toMatchObject({
      link: downloadUrl('2026-11'),
      filename: 'spendline-statement-2026-11.pdf',
    });
  });

  it('sends the approved notice with the link once the 24-hour window has closed', async () => {
    await request();
    const later = new Date(now.getTime() + 2 * 24 * 60 * 60_000);
    const sender = createStatementSender({
      db: db.sql,
      pool,
      upload: uploader(),
      downloadUrl,
      logger,
      now: () => later,
    });
    await sender.runOnce();
    const [message] = await outbound();
    expect(message!.type).toBe('template');
    expect(JSON.stringify(message!.payload)).toContain(downloadUrl('2026-11'));
  });

  it('gives up on an upload Meta refuses for good and says so in the chat', async () => {
    await request();
    const sender = createStatementSender({
      db: db.sql,
      pool,
      upload: uploader('wrong-token'),
      downloadUrl,
      logger,
      now: () => now,
    });
    await sender.runOnce();
    const [row] = await db.prisma.statementRequest.findMany();
    expect(row).toMatchObject({ status: 'FAILED' });
    expect(row!.lastError).toMatch(/token/i);
    const [message] = await outbound();
    expect(message!.type).toBe('text');
    expect(message!.payload.text!.body).toContain(downloadUrl('2026-11'));
  });

  it('tries again later when Meta cannot be reached', async () => {
    await request();
    const sender = createStatementSender({
      db: db.sql,
      pool,
      upload: createMediaUploader({
        apiUrl: 'http://127.0.0.1:1/v26.0',
        phoneNumberId: '1001',
        accessToken: TOKEN,
      }),
      downloadUrl,
      logger,
      now: () => now,
      // The first retry waits a jittered share of a second; this draw makes it 0.9 s.
      random: () => 0.9,
    });
    const failedAt = Date.now();
    await sender.runOnce();
    const [row] = await db.prisma.statementRequest.findMany();
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(failedAt + 900);
    expect(await outbound()).toEqual([]);
  });
});
