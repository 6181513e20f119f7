// "week" and the weekly digest cut weeks where the person's weeks start.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { weeklyDigest } from './digests.ts';
import { openTestChat, type TestChat } from './test-chat.ts';

let chat: TestChat;

// Asha lives in Kolkata (UTC+05:30); Sunday 2026-12-06 is the day in question.
const SUNDAY_2351 = new Date('2026-12-06T18:21:00Z');
const MONDAY_0005 = new Date('2026-12-06T18:35:00Z');

async function spend(rupees: number, at: string): Promise<void> {
  await chat.db.prisma.expense.create({
    data: {
      userId: chat.userId,
      amountMinor: BigInt(rupees * 100),
      currency: 'INR',
      occurredAt: new Date(at),
      source: 'WEB',
    },
  });
}

async function startWeeksOn(weekStartsOn: number | null, locale = 'en-IN'): Promise<void> {
  await chat.db.prisma.user.update({ where: { id: chat.userId }, data: { weekStartsOn, locale } });
}

beforeEach(async () => {
  chat = await openTestChat();
  await spend(400, '2026-11-30T04:30:00Z'); // Monday 30 Nov, 10:00
  await spend(1000, '2026-12-05T14:30:00Z'); // Saturday 5 Dec, 20:00
  await spend(2000, '2026-12-06T06:30:00Z'); // Sunday 6 Dec, 12:00
  await spend(50, '2026-12-06T18:31:00Z'); // Monday 7 Dec, 00:01
});
afterEach(async () => {
  await chat.db.close();
});

describe('the week statement', () => {
  it('runs from Sunday for a Sunday week, on either side of Monday midnight', async () => {
    await startWeeksOn(7);
    // The week's days count whole: Monday's first minute is in it already at 23:51.
    expect(await chat.say('week', SUNDAY_2351)).toMatch(
      /^\*This week\*: ₹2,050\.00\n_Sun, 6 Dec – Sat, 12 Dec_\n/,
    );
    expect(await chat.say('week', MONDAY_0005)).toMatch(
      /^\*This week\*: ₹2,050\.00\n_Sun, 6 Dec – Sat, 12 Dec_\n/,
    );
  });

  it('runs from Monday for a Monday week, even where the locale starts on Sunday', async () => {
    await startWeeksOn(1);
    expect(await chat.say('week', SUNDAY_2351)).toMatch(
      /^\*This week\*: ₹3,400\.00\n_Mon, 30 Nov – Sun, 6 Dec_\n/,
    );
    expect(await chat.say('week', MONDAY_0005)).toMatch(
      /^\*This week\*: ₹50\.00\n_Mon, 7 Dec – Sun, 13 Dec_\n/,
    );
    expect(await chat.say('last week', MONDAY_0005)).toMatch(
      /^\*Last week\*: ₹3,400\.00\n_Mon, 30 Nov – Sun, 6 Dec_\n/,
    );
  });

  it("follows the locale's first day when the person chose none", async () => {
    await startWeeksOn(null, 'en-IN');
    expect(await chat.say('week', SUNDAY_2351)).toMatch(/^\*This week\*: ₹2,050\.00\n/);
    await startWeeksOn(null, 'en-GB');
    expect(await chat.say('week', SUNDAY_2351)).toMatch(/^\*This week\*: ₹3,400\.00\n/);
  });
});

describe('the weekly digest', () => {
  it("sums the person's last week, whichever day it starts on", async () => {
    const user = () => chat.db.prisma.user.findUniqueOrThrow({ where: { id: chat.userId } });
    const digest = async (now: Date) => weeklyDigest({ tx: chat.db.sql, user: await user(), now });
    await startWeeksOn(7);
    // Sunday 6 Dec, 09:00: last week was Sunday 29 Nov to Saturday 5 Dec.
    expect(await digest(new Date('2026-12-06T03:30:00Z'))).toMatch(
      /^\*Last week\*: ₹1,400\.00\n_Sun, 29 Nov – Sat, 5 Dec_\n/,
    );
    await startWeeksOn(1);
    // Monday 7 Dec, 09:00: last week was Monday 30 Nov to Sunday 6 Dec.
    expect(await digest(new Date('2026-12-07T03:30:00Z'))).toMatch(
      /^\*Last week\*: ₹3,400\.00\n_Mon, 30 Nov – Sun, 6 Dec_\n/,
    );
  });
});
