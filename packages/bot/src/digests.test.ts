// Digests and reminders are turned off from the chat.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestChat, type TestChat } from './test-chat.ts';

let chat: TestChat;
const now = new Date('2026-12-02T06:00:00Z');

beforeEach(async () => {
  chat = await openTestChat();
});
afterEach(async () => {
  await chat.db.close();
});

describe('stop digests', () => {
  it('turns every digest and the reminder off, and says when none was on', async () => {
    await chat.db.prisma.user.update({
      where: { id: chat.userId },
      data: { dailyDigestHour: 21, weeklyDigest: true, reminderHour: 20 },
    });
    expect(await chat.say('stop digests', now)).toBe(
      '🔕 Digests and reminders are off. Turn them back on in Settings: https://spendline.example/dashboard/settings/',
    );
    expect(
      await chat.db.prisma.user.findUniqueOrThrow({
        where: { id: chat.userId },
        select: { dailyDigestHour: true, weeklyDigest: true, reminderHour: true },
      }),
    ).toEqual({ dailyDigestHour: null, weeklyDigest: false, reminderHour: null });
    expect(await chat.say('stop reminders', now)).toMatch(/^You get no digests or reminders/);
  });
});
