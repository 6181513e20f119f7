// Messages with several prices in a real chat: each saved, or the one saved named.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestChat, type TestChat } from './test-chat.ts';

let chat: TestChat;
const at = (minute: number) => new Date(Date.UTC(2026, 11, 8, 6, minute));

beforeEach(async () => {
  chat = await openTestChat();
});
afterEach(async () => {
  await chat.db.close();
});

it('saves items priced one after another as entries of their own', async () => {
  expect(await chat.say('lunch 250 dinner 400', at(0))).toBe(
    '✅ ₹250.00 · Food\n✅ ₹400.00 · Food\nToday so far: ₹650.00',
  );
});

it('says which price it saved when it could not tell the items apart', async () => {
  expect(await chat.say('tea 10 samosa 20', at(0))).toBe(
    [
      '✅ ₹10.00 · Food',
      'More than one amount in "tea 10 samosa 20": I saved ₹10.00. To save each, separate them with commas, like "50 tea, 120 auto".',
      'Today so far: ₹10.00',
    ].join('\n'),
  );
});
