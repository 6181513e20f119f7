import { handleInbound } from '@spendline/bot/testing';
import type { Database, Prisma } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { firstRun, type Recurrence } from '@spendline/ledger';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDueRecurring } from './recurring.ts';

let db: Database;
let userId: string;
let rentId: string;
const phone = '+919812345678';

async function makeUser(timeZone: string): Promise<void> {
  await db.prisma.user.deleteMany();
  const user = await db.prisma.user.create({
    data: { email: 'r@example.com', displayName: 'R', timeZone },
  });
  userId = user.id;
  rentId = (await db.prisma.category.create({ data: { userId, name: 'Rent', nameKey: 'rent' } }))
    .id;
  await db.prisma.whatsAppLink.create({ data: { userId, phoneNumber: phone } });
}

/** A rule as the API or the bot would create it at `createdAt`. */
async function rule(
  recurrence: Recurrence,
  createdAt: Date,
  extra: Partial<Prisma.RecurringExpenseUncheckedCreateInput> = {},
): Promise<string> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
  const first = firstRun(recurrence, createdAt, user.timeZone);
  const created = await db.prisma.recurringExpense.create({
    data: {
      userId,
      amountMinor: 1_500_000n,
      currency: 'INR',
      categoryId: rentId,
      frequency: recurrence.frequency,
      interval: recurrence.interval,
      dayOfMonth: recurrence.dayOfMonth ?? null,
      dayOfWeek: recurrence.dayOfWeek ?? null,
      startsOn: new Date(`${recurrence.startsOn}T00:00:00Z`),
      nextRunAt: first?.at ?? null,
      ...extra,
    },
  });
  return created.id;
}

const recorded = async (ruleId?: string) =>
  (
    await db.prisma.expense.findMany({
      where: { userId, deletedAt: null, ...(ruleId ? { recurringExpenseId: ruleId } : {}) },
      orderBy: { occurredAt: 'asc' },
    })
  ).map((e) => e.occurredAt.toISOString());

const notices = async () =>
  (await db.prisma.outboundMessage.findMany({ orderBy: { createdAt: 'asc' } })).map(
    (m) => m.payload as Record<string, unknown>,
  );

beforeAll(async () => {
  db = await createTestDatabase();
});
beforeEach(async () => {
  await db.prisma.outboundMessage.deleteMany();
  await db.prisma.conversation.deleteMany();
  await makeUser('Asia/Kolkata');
});
afterAll(async () => {
  await db.close();
});

const monthly: Recurrence = {
  frequency: 'MONTHLY',
  interval: 1,
  dayOfMonth: 1,
  startsOn: '2026-12-02',
};

describe('runDueRecurring', () => {
  it('records a monthly rule at 09:00 on its day, once, and tells the user', async () => {
    const id = await rule(monthly, new Date('2026-12-02T06:00:00Z'));
    expect(await runDueRecurring(db.sql, new Date('2027-01-01T03:29:00Z'))).toMatchObject({
      claimed: 0,
    });
    const at = new Date('2027-01-01T04:00:00Z'); // 09:30 in Kolkata
    expect(await runDueRecurring(db.sql, at)).toEqual({ claimed: 1, done: 1, failed: [] });
    expect(await runDueRecurring(db.sql, at)).toEqual({ claimed: 0, done: 0, failed: [] });
    expect(await recorded()).toEqual(['2027-01-01T03:30:00.000Z']);
    const saved = await db.prisma.recurringExpense.findUniqueOrThrow({ where: { id } });
    expect(saved.nextRunAt?.toISOString()).toBe('2027-02-01T03:30:00.000Z');
    // The chat was never opened: the notice goes as the template.
    expect(await notices()).toMatchObject([
      {
        type: 'template',
        template: {
          name: 'spendline_notice',
          components: [
            {
              parameters: [{ text: '🔁 Saved ₹15,000.00 · Rent (recurring, 1 Jan).' }],
            },
          ],
        },
      },
    ]);
  });

  it('catches up every day missed while down, in one notice with an Undo button', async () => {
    const daily: Recurrence = { frequency: 'DAILY', interval: 1, startsOn: '2026-12-02' };
    await rule(daily, new Date('2026-12-02T02:00:00Z'));
    await db.prisma.conversation.create({
      data: { waKey: phone, phoneNumber: phone, lastInboundAt: new Date('2026-12-05T01:00:00Z') },
    });
    const back = new Date('2026-12-05T05:00:00Z'); // 10:30 on the 5th
    expect(await runDueRecurring(db.sql, back)).toMatchObject({ claimed: 1, done: 4 });
    expect(await recorded()).toEqual([
      '2026-12-02T03:30:00.000Z',
      '2026-12-03T03:30:00.000Z',
      '2026-12-04T03:30:00.000Z',
      '2026-12-05T03:30:00.000Z',
    ]);
    const [notice] = await notices();
    expect(notice).toMatchObject({
      type: 'interactive',
      interactive: {
        body: { text: '🔁 Saved 4 × ₹15,000.00 · Rent (recurring, 2 Dec, 3 Dec, 4 Dec, 5 Dec).' },
        action: { buttons: [{ reply: { title: 'Undo' } }] },
      },
    });
  });

  it('keeps 09:00 local across a daylight-saving change', async () => {
    await makeUser('America/New_York');
    const weekly: Recurrence = {
      frequency: 'WEEKLY',
      interval: 1,
      dayOfWeek: 6,
      startsOn: '2026-03-01',
    };
    await rule(weekly, new Date('2026-03-01T12:00:00Z'));
    await runDueRecurring(db.sql, new Date('2026-03-16T12:00:00Z'));
    // Saturdays 7 March (EST, -5) and 14 March (EDT, -4).
    expect(await recorded()).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-14T13:00:00.000Z']);
  });

  it('skips paused rules, ends finished ones, and lets one broken rule not stop the rest', async () => {
    const created = new Date('2026-12-02T02:00:00Z');
    const daily: Recurrence = { frequency: 'DAILY', interval: 1, startsOn: '2026-12-02' };
    const paused = await rule(daily, created, { pausedAt: created });
    const ending = await rule({ ...daily, endsOn: '2026-12-03' }, created, {
      endsOn: new Date('2026-12-03T00:00:00Z'),
    });
    const broken = await rule(daily, created, { frequency: 'WEEKLY', dayOfWeek: 9 });
    const round = await runDueRecurring(db.sql, new Date('2026-12-06T12:00:00Z'));
    expect(round.failed.map((f) => f.id)).toEqual([broken]);
    expect(await recorded(paused)).toEqual([]);
    expect(await recorded(ending)).toHaveLength(2);
    expect(
      (await db.prisma.recurringExpense.findUniqueOrThrow({ where: { id: ending } })).nextRunAt,
    ).toBeNull();
  });

  it('records each occurrence once when two replicas run at the same moment', async () => {
    const daily: Recurrence = { frequency: 'DAILY', interval: 1, startsOn: '2026-12-02' };
    const ids = [];
    for (let i = 0; i < 20; i++) ids.push(await rule(daily, new Date('2026-12-02T02:00:00Z')));
    const now = new Date('2026-12-04T12:00:00Z');
    const rounds = await Promise.all([runDueRecurring(db.sql, now), runDueRecurring(db.sql, now)]);
    expect(rounds[0].claimed + rounds[1].claimed).toBe(20);
    expect(rounds[0].done + rounds[1].done).toBe(60);
    for (const id of ids) expect(await recorded(id)).toHaveLength(3);
  });

  it('undoes what one run recorded from the notice’s Undo button', async () => {
    const daily: Recurrence = { frequency: 'DAILY', interval: 1, startsOn: '2026-12-02' };
    await rule(daily, new Date('2026-12-02T02:00:00Z'));
    const chat = await db.prisma.conversation.create({
      data: { waKey: phone, phoneNumber: phone, lastInboundAt: new Date('2026-12-03T01:00:00Z') },
    });
    await runDueRecurring(db.sql, new Date('2026-12-03T05:00:00Z'));
    await runDueRecurring(db.sql, new Date('2026-12-04T05:00:00Z'));
    expect(await recorded()).toHaveLength(3);
    const [firstNotice] = await notices();
    const button = (
      firstNotice as { interactive: { action: { buttons: { reply: { id: string } }[] } } }
    ).interactive.action.buttons[0]!.reply.id;

    const message = await db.prisma.inboundMessage.create({
      data: {
        waMessageId: 'wamid.undo-run',
        conversationId: chat.id,
        phoneNumberId: '1',
        type: 'interactive',
        payload: {
          sender: { phoneNumber: phone },
          content: { kind: 'button_reply', id: button, title: 'Undo' },
        },
        sentAt: new Date('2026-12-04T06:00:00Z'),
      },
    });
    await handleInbound(db, message);
    // The first run (2 and 3 December) is gone; the second (4 December) stays.
    expect(await recorded()).toEqual(['2026-12-04T03:30:00.000Z']);
    const reply = (await notices()).at(-1) as { text: { body: string } };
    expect(reply.text.body).toBe('↩️ Removed ₹15,000.00 · Rent, ₹15,000.00 · Rent.');
  });
});
