// What people say between expenses in a real chat: thanks, an ok, a quick correction;
// answered in kind, never "not understood" or a new expense.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestChat, type TestChat } from './test-chat.ts';

let chat: TestChat | undefined;
const at = (minute: number) => new Date(Date.UTC(2026, 11, 8, 6, minute));

afterEach(async () => {
  await chat?.db.close();
});

describe('small talk', () => {
  it('answers thanks and an ok, and keeps an open question open', async () => {
    chat = await openTestChat();
    expect(await chat.say('120 petrol', at(0))).toContain('✅ ₹120.00 · Fuel');
    expect(await chat.say('Thanks!', at(1))).toBe(
      '🙂 Anytime! Send the next expense whenever you like.',
    );
    expect(await chat.say('ok', at(2))).toBe('👍');
    expect(await chat.say('👍🏽', at(2))).toBe('👍');
    expect(await chat.say('🙏', at(2))).toBe(
      '🙂 Anytime! Send the next expense whenever you like.',
    );
    await chat.say('45 bread', at(3));
    expect(await chat.say('got it', at(4))).toBe(
      '👍\n\nStill waiting: which category for "45 bread"?',
    );
    expect(await chat.db.prisma.expense.count()).toBe(1);
  });

  it('takes "actually 350" as a correction of the last amount, not a new expense', async () => {
    chat = await openTestChat();
    await chat.say('300 lunch', at(0));
    expect(await chat.say('actually 350', at(1))).toBe('✏️ Changed ₹300.00 · Food to ₹350.00.');
    expect(await chat.say('make it 350', at(2))).toBe(
      'Nothing to change: it is already ₹350.00 · Food.',
    );
    expect(await chat.say('move it to food', at(3))).toBe(
      'Nothing to change: it is already ₹350.00 · Food.',
    );
    const rows = await chat.db.prisma.expense.findMany();
    expect(rows.map((row) => row.amountMinor)).toEqual([35_000n]);
  });

  it('thanks back in the chat’s language', async () => {
    chat = await openTestChat({ locale: 'hi-IN' });
    expect(await chat.say('धन्यवाद', at(0))).toBe('🙂 कोई बात नहीं! अगला खर्च जब चाहें भेजें।');
  });
});
