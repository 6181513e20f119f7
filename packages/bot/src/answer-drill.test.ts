// The list under an answer with a breakdown, tapped as WhatsApp sends a list reply: a
// category row asks the same question for that category, a day row for that day, and the
// chat keeps the narrowed question for the next follow-up.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleInbound, openTestChat, TEST_PHONE, type TestChat } from './test-chat.ts';
import { CHOICE } from './types.ts';

let chat: TestChat;
let minute = 0;
/** Monday 7 December 2026, noon in Kolkata, a minute later each message. */
const next = () => new Date(Date.UTC(2026, 11, 7, 6, ++minute));
const say = (body: string) => chat.say(body, next());

interface Row {
  id: string;
  title: string;
  description?: string;
}

async function lastPayload() {
  const reply = await chat.db.prisma.outboundMessage.findFirstOrThrow({
    orderBy: { createdAt: 'desc' },
  });
  return reply.payload as {
    text?: { body: string };
    interactive?: {
      body: { text: string };
      action: { button?: string; sections?: { rows: Row[] }[] };
    };
  };
}

/** The rows of the list under the bot's last message (none for plain text). */
async function rows(): Promise<Row[]> {
  const payload = await lastPayload();
  return payload.interactive?.action.sections?.flatMap((s) => s.rows) ?? [];
}

/** Taps the row titled `title` of the bot's last list and returns the reply's text. */
async function tap(title: string): Promise<string> {
  const row = (await rows()).find((r) => r.title === title);
  if (!row) throw new Error(`no row ${title}`);
  return tapRow(row);
}

async function tapRow(row: Row): Promise<string> {
  minute += 1;
  const conversation = await chat.db.prisma.conversation.findFirstOrThrow();
  const message = await chat.db.prisma.inboundMessage.create({
    data: {
      waMessageId: `wamid.list${minute}`,
      conversationId: conversation.id,
      phoneNumberId: '1',
      type: 'interactive',
      payload: {
        sender: { phoneNumber: TEST_PHONE },
        content: { kind: 'list_reply', ...row },
      },
      sentAt: next(),
    },
  });
  await handleInbound(chat.db, message);
  const payload = await lastPayload();
  return payload.text?.body ?? payload.interactive?.body.text ?? '';
}

async function spend(day: string, rupees: number, category: string, note: string): Promise<void> {
  const { id } = await chat.db.prisma.category.findFirstOrThrow({
    where: { userId: chat.userId, name: category },
  });
  await chat.db.prisma.expense.create({
    data: {
      userId: chat.userId,
      occurredAt: new Date(`${day}T12:00:00+05:30`),
      amountMinor: BigInt(rupees * 100),
      currency: 'INR',
      categoryId: id,
      note,
      source: 'WEB',
    },
  });
}

beforeEach(async () => {
  chat = await openTestChat();
  await spend('2026-11-05', 500, 'Food', 'swiggy');
  await spend('2026-12-02', 250, 'Food', 'swiggy');
  await spend('2026-12-01', 400, 'Transport', 'ola');
  await spend('2026-12-03', 150, 'Transport', 'uber');
  await spend('2026-12-03', 90, 'Transport', 'auto');
});
afterEach(async () => {
  await chat.db.close();
});

describe('drilling into an answer', () => {
  it('narrows to a tapped category, then to a tapped day, and keeps that for "show them"', async () => {
    const week = await say('how much in the last 7 days');
    expect(week).toContain('*Spending · last 7 days*: ₹890.00 (4 entries)');
    expect(week).toContain('Tap a category to look closer.');
    const categories = await rows();
    expect(categories.map((r) => r.title)).toEqual(['Transport', 'Food']);
    expect(categories[0]).toMatchObject({ description: '₹640.00 · 72%' });

    const transport = await tap('Transport');
    expect(transport).toContain('*Transport · last 7 days*: ₹640.00 (3 entries)');
    // By day, with a bar each, and a row per day to tap.
    expect(transport).toMatch(/1 Dec +▓{10} +₹400\.00/);
    expect(transport).toMatch(/3 Dec +▓{6}░{4} +₹240\.00/);
    const days = await rows();
    expect(days.map((r) => r.title)).toEqual(['Tue, 1 Dec', 'Thu, 3 Dec']);
    expect(days[1]).toMatchObject({ description: '₹240.00 · 2 entries' });

    const third = await tap('Thu, 3 Dec');
    expect(third).toContain('*Transport · 3 Dec*: ₹240.00 (2 entries)');
    expect(third).toContain('Nothing the day before.');
    expect(await rows()).toEqual([]);

    const shown = await say('show them');
    expect(shown).toContain('*Transport · 3 Dec*: 2 entries, ₹240.00');
    expect(shown).toContain('3 Dec · ₹150.00 · Transport · uber');
    expect(shown).toContain('3 Dec · ₹90.00 · Transport · auto');
    expect(shown).not.toContain('ola');
  });

  it('narrows a ranking to one category', async () => {
    await say('top 2 categories this month');
    expect(await tap('Food')).toContain('*Food · this month*: ₹250.00 (1 entry)');
  });

  it('treats a row that no longer fits the last question as stale', async () => {
    await say('how much in the last 7 days');
    const [transport] = await rows();
    await tap('Food');
    // Food is already narrowed to a category: Transport's row belongs to the earlier answer.
    expect(await tapRow(transport!)).toBe(
      'That button belongs to an earlier question, so I did nothing.',
    );
    // A day outside the last question's period is stale too.
    expect(await tapRow({ id: CHOICE.drillDay('2026-11-05'), title: 'Thu, 5 Nov' })).toBe(
      'That button belongs to an earlier question, so I did nothing.',
    );
  });
});
