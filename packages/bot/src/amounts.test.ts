// Amounts the bot cannot read for certain: refused in words, never saved as another number.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestChat, type TestChat } from './test-chat.ts';

let chat: TestChat;
let minute = 0;
const say = (body: string) => chat.say(body, new Date(Date.UTC(2026, 10, 24, 6, ++minute)));

beforeEach(async () => {
  chat = await openTestChat();
});
afterEach(async () => {
  await chat.db.close();
});

describe('amounts in the chat', () => {
  it.each(['1e9 food', '1e3', '1.5E3 tea', '12..5 chai', '1_000 lunch', '1.5krs food'])(
    'refuses "%s" and saves nothing',
    async (text) => {
      const reply = await say(text);
      expect(reply).not.toContain('✅');
      expect(reply).toContain(`I didn't understand "${text}"`);
      expect(reply).toContain("I can't read its amount for certain, so nothing was saved.");
      expect(await chat.db.prisma.expense.count()).toBe(0);
    },
  );

  it.each(['12345678901234567890 food', '2000000000 petrol'])(
    'refuses "%s" as too large and saves nothing',
    async (text) => {
      const reply = await say(text);
      expect(reply).not.toContain('✅');
      expect(reply).toContain('more than any single expense could be, so nothing was saved');
      expect(await chat.db.prisma.expense.count()).toBe(0);
    },
  );

  it('still saves a plain amount after a refused one', async () => {
    await say('1e9 food');
    expect(await say('100 food')).toContain('✅ ₹100.00 · Food');
    const rows = await chat.db.prisma.expense.findMany();
    expect(rows.map((r) => r.amountMinor)).toEqual([10_000n]);
  });
});
