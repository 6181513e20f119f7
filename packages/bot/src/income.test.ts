// Money coming in, typed in the chat: saved as income at once, kept out of spending.
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

describe('income in the chat', () => {
  it('saves income without questions and shows it beside spending and the net', async () => {
    expect(await say('120 petrol')).toContain('Today so far: ₹120.00');
    const salary = await say('received 50000 salary');
    expect(salary).toContain('💰 Income ₹50,000.00 · salary');
    // Spending today is unchanged by income.
    expect(salary).toContain('Today so far: ₹120.00');
    expect(await say('+5000 freelance')).toContain('💰 Income ₹5,000.00 · freelance');

    const today = await say('today');
    expect(today).toContain('*Today*: ₹120.00');
    expect(today).toContain('Income ₹55,000.00 · net +₹54,880.00');
    expect(await say('summary')).toContain('Income ₹55,000.00 · net +₹54,880.00');

    const rows = await chat.db.prisma.expense.findMany({ orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => [r.kind, r.amountMinor, r.categoryId === null])).toEqual([
      ['EXPENSE', 12_000n, false],
      ['INCOME', 5_000_000n, true],
      ['INCOME', 500_000n, true],
    ]);
  });

  it('undoes income like any entry, and says so when a day had only income', async () => {
    await say('income 1200 refund');
    expect(await say('today')).toBe('*Today*: nothing spent.\nIncome ₹1,200.00 · net +₹1,200.00');
    expect(await say('undo')).toContain('Removed ₹1,200.00');
    expect(await say('today')).toBe('*Today*: nothing recorded.');
  });
});
