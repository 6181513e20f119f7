import type { Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queueNotice, type Notice } from './notices.ts';

let db: Database;
let userId: string;
const phone = '+919812345678';
const now = new Date('2026-11-24T10:00:00Z');
const HOUR = 60 * 60 * 1000;

const notice = (extra: Partial<Notice> = {}): Notice => ({
  userId,
  locale: 'en-GB',
  now,
  text: '⚠️ 80% of your Food budget used:\n₹400 of ₹500.',
  template: { name: 'spendline_notice', parameters: ['⚠️ 80% of your Food budget used:\n₹400'] },
  ...extra,
});

const queue = (extra?: Partial<Notice>) =>
  db.sql.transaction((tx) => queueNotice(tx, notice(extra)));

const lastPayload = async () =>
  (await db.prisma.outboundMessage.findFirstOrThrow({ orderBy: { createdAt: 'desc' } })).payload;

beforeAll(async () => {
  db = await createTestDatabase();
});

beforeEach(async () => {
  await db.prisma.outboundMessage.deleteMany();
  await db.prisma.conversation.deleteMany();
  await db.prisma.user.deleteMany();
  userId = (await db.prisma.user.create({ data: { email: 'n@example.com', displayName: 'N' } })).id;
});

afterAll(async () => {
  await db.close();
});

describe('queueNotice', () => {
  it('sends the text (with its buttons) while the user’s 24-hour window is open', async () => {
    await db.prisma.whatsAppLink.create({ data: { userId, phoneNumber: phone } });
    const chat = await db.prisma.conversation.create({
      data: {
        waKey: 'IN.abc123',
        bsuid: 'IN.abc123',
        phoneNumber: phone,
        lastInboundAt: new Date(now.getTime() - 2 * HOUR),
      },
    });
    expect(await queue()).toBe('text');
    expect(await lastPayload()).toMatchObject({ type: 'text', text: { body: notice().text } });
    expect(await queue({ buttons: [{ id: 'undo:1', title: 'Undo' }] })).toBe('text');
    expect(await lastPayload()).toMatchObject({
      type: 'interactive',
      interactive: { action: { buttons: [{ reply: { id: 'undo:1', title: 'Undo' } }] } },
    });
    const rows = await db.prisma.outboundMessage.findMany();
    expect(rows.every((r) => r.conversationId === chat.id)).toBe(true);
  });

  it('sends the template, parameters on one line, once the window has closed', async () => {
    await db.prisma.whatsAppLink.create({ data: { userId, phoneNumber: phone } });
    await db.prisma.conversation.create({
      data: {
        waKey: phone,
        phoneNumber: phone,
        lastInboundAt: new Date(now.getTime() - 25 * HOUR),
      },
    });
    expect(await queue({ buttons: [{ id: 'undo:1', title: 'Undo' }] })).toBe('template');
    expect(await lastPayload()).toMatchObject({
      to: '919812345678',
      type: 'template',
      template: {
        name: 'spendline_notice',
        language: { code: 'en_GB' },
        components: [
          {
            type: 'body',
            parameters: [{ type: 'text', text: '⚠️ 80% of your Food budget used: ₹400' }],
          },
        ],
      },
    });
  });

  it('sends a template to a number that never wrote, and nothing without a linked number', async () => {
    expect(await queue()).toBeNull();
    await db.prisma.whatsAppLink.create({ data: { userId, phoneNumber: phone, active: false } });
    expect(await queue()).toBeNull();
    expect(await db.prisma.outboundMessage.count()).toBe(0);
    await db.prisma.whatsAppLink.updateMany({ where: { userId }, data: { active: true } });
    expect(await queue()).toBe('template');
  });
});
