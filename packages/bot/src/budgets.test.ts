// Budgets over the chat, through the runtime against a real database: set them, see
// them, and hear once when spending crosses 80% and 100% of one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestChat, type TestChat } from './test-chat.ts';

let chat: TestChat;
let sequence = 0;
/** Sends `body` on 24 November 2026 (day 24 of 30 in Kolkata) and returns the reply's text. */
const say = (body: string) => chat.say(body, new Date(Date.UTC(2026, 10, 24, 6, ++sequence % 60)));
const db = () => chat.db;

beforeEach(async () => {
  chat = await openTestChat();
});
afterEach(async () => {
  await chat.db.close();
});

describe('budgets in the chat', () => {
  it('sets budgets, warns once at 80% and at 100%, and lists them with bars', async () => {
    expect(await say('budget')).toMatch(/^No budgets yet\. Send "budget 40000"/);
    expect(await say('budget 2000')).toBe(
      '✅ Monthly budget: ₹2,000.00 a month, from November 2026.\n' +
        'So far: 0% · ₹0.00 of ₹2,000.00 · ₹2,000.00 left',
    );
    expect(await say('budget food 500')).toMatch(/^✅ Food budget: ₹500\.00 a month/);

    const first = await say('300 lunch');
    expect(first).toContain('✅ ₹300.00 · Food');
    expect(first).not.toMatch(/budget/i);

    // 450 of 500 on day 24 of 30: 562.50 at this pace.
    const second = await say('150 lunch');
    expect(second).toContain(
      '⚠️ 80% of your Food budget used: ₹450.00 of ₹500.00. At this pace: ₹562.50 by month end.',
    );
    expect(await say('20 tea')).not.toMatch(/budget/);

    const third = await say('100 dinner');
    expect(third).toContain('🚨 Food budget used up: ₹570.00 of ₹500.00.');
    expect(third).not.toContain('Monthly budget');

    const list = await say('budget');
    expect(list).toContain('*Budgets, November 2026* · day 24 of 30');
    expect(list).toContain('Monthly  ▓▓▓░░░░░░░  28%');
    expect(list).toContain('Food     ▓▓▓▓▓▓▓▓▓▓ 114%');
    expect(list).toContain('Food: ₹570.00 of ₹500.00 · ₹70.00 over');
    expect(list).toContain('Monthly: ₹570.00 of ₹2,000.00 · ₹1,430.00 left');

    expect(await say('budget food')).toBe('Food budget: 114% · ₹570.00 of ₹500.00 · ₹70.00 over');
    expect(await say('summary')).toContain('Monthly budget: 28% · ₹570.00 of ₹2,000.00');
    expect(await db().prisma.budgetAlert.count()).toBe(2);
  });

  it('counts what is already spent when a budget is set, and names unknown categories', async () => {
    await say('900 petrol');
    const set = await say('budget fuel 1000');
    expect(set).toContain('So far: 90% · ₹900.00 of ₹1,000.00');
    expect(await say('50 diesel')).not.toMatch(/budget/);
    expect(await say('budget yachts 500')).toMatch(/You have no category called "yachts"/);
    expect(await db().prisma.budget.count()).toBe(1);
  });
});
