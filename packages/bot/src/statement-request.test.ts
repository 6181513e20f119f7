import { sql } from '@spendline/db';
import { createLogger } from '@spendline/log';
import { createRenderPool, createStatementSender } from '@spendline/reports';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestChat, TEST_PHONE, type TestChat } from './test-chat.ts';

let chat: TestChat;
const at = new Date('2026-12-03T06:00:00Z');

beforeAll(async () => {
  chat = await openTestChat();
});

afterAll(async () => {
  await chat.db.close();
});

describe('statement in the chat', () => {
  it('records the request in the conversation and answers at once; the PDF follows', async () => {
    await chat.say('450 groceries 2 nov', new Date('2026-11-02T06:00:00Z'));
    const reply = await chat.say('statement november', at);
    expect(reply).toBe('📄 Making your November 2026 statement: the PDF follows in a moment.');
    const requests = await chat.db.sql.rows<{ month: string; recipient: string }>(sql`
      SELECT to_char(month, 'YYYY-MM-DD') AS month, recipient FROM statement_requests`);
    expect(requests).toEqual([{ month: '2026-11-01', recipient: TEST_PHONE }]);

    // The inbox marks the 24-hour window when a message arrives; here it is just now.
    await chat.db.prisma.conversation.updateMany({ data: { lastInboundAt: at } });
    const pool = createRenderPool({ size: 1 });
    try {
      const sender = createStatementSender({
        db: chat.db.sql,
        pool,
        downloadUrl: (month) => `https://spendline.example/dashboard/statement/${month}.pdf`,
        logger: createLogger({ level: 'silent' }),
        now: () => at,
      });
      expect(await sender.runOnce()).toBe(1);
    } finally {
      await pool.close();
    }
    const [last] = await chat.db.sql.rows<{ type: string; caption: string }>(sql`
      SELECT type, payload->'document'->>'caption' AS caption FROM outbound_messages
       ORDER BY created_at DESC, id DESC LIMIT 1`);
    expect(last).toEqual({
      type: 'document',
      caption: '📄 Your statement for November 2026: ₹450.00 spent.',
    });
  });
});
