// Thanks and acknowledgements in a real chat: answered in kind, never "not understood".
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

  it('thanks back in the chat’s language', async () => {
    chat = await openTestChat({ locale: 'hi-IN' });
    expect(await chat.say('धन्यवाद', at(0))).toBe('🙂 कोई बात नहीं! अगला खर्च जब चाहें भेजें।');
  });
});
