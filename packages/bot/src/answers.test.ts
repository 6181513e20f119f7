// Questions over the chat, through the runtime against a real database: the figure and
// its comparison, follow-ups that keep the period or the category over several turns,
// "show them", paging with "more", and a question that would work for one that won't.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestChat, type TestChat } from './test-chat.ts';

let chat: TestChat;
let sequence = 0;
/** Sends `body` on Monday 7 December 2026, noon in Kolkata, and returns the reply's text. */
const say = (body: string) => chat.say(body, new Date(Date.UTC(2026, 11, 7, 6, ++sequence % 60)));

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
  await spend('2026-11-20', 300, 'Food', 'lunch');
  await spend('2026-12-02', 250, 'Food', 'swiggy');
  await spend('2026-11-10', 200, 'Transport', 'uber');
  await spend('2026-12-03', 150, 'Transport', 'uber');
  await spend('2026-12-01', 400, 'Transport', 'ola');
});
afterEach(async () => {
  await chat.db.close();
});

describe('questions in the chat', () => {
  it('answers with the figure first and follows up over several turns', async () => {
    const food = await say('how much did I spend on food last month');
    expect(food).toContain('*Food · last month*: ₹800.00 (2 entries)');
    // Nothing the month before: no percentage of nothing.
    expect(food).toContain('Nothing the month before.');
    expect(food).not.toContain('%');

    // Keeps the period.
    expect(await say('and transport?')).toContain('*Transport · last month*: ₹200.00 (1 entry)');
    // Keeps the category.
    const now = await say('what about this month?');
    expect(now).toContain('*Transport · this month*: ₹550.00 (2 entries)');
    expect(now).toContain('₹350.00 more than the month before (₹200.00, +175%).');
    // The entries behind the last answer.
    const shown = await say('show them');
    expect(shown).toContain('*Transport · this month*: 2 entries, ₹550.00');
    expect(shown).toContain('3 Dec · ₹150.00 · Transport · uber');
    expect(shown).toContain('1 Dec · ₹400.00 · Transport · ola');
  });

  it('compares two periods and ranks categories with bars', async () => {
    const compared = await say('food this month vs last month');
    expect(compared).toContain('*Food · this month*: ₹250.00 (1 entry)');
    expect(compared).toContain('₹550.00 less than last month (₹800.00, -69%).');
    const top = await say('top 2 categories this month');
    expect(top).toContain('*Top 2 categories · this month* (of ₹800.00)');
    expect(top).toMatch(/Transport +▓{10} +₹550\.00/);
    expect(top).toMatch(/Food +▓{5}░{5} +₹250\.00/);
  });

  it('still saves expenses and keeps a statement period for a follow-up', async () => {
    expect(await say('120 petrol')).toContain('✅ ₹120.00 · Fuel');
    await say('yesterday');
    expect(await say('and food?')).toBe('Nothing recorded for Food yesterday.');
  });

  it('pages a long answer with "more" instead of cutting it', async () => {
    for (let i = 1; i <= 40; i++) await spend('2026-12-04', i, 'Food', `snack number ${i}`);
    const first = await say('list food this month');
    expect(first).toContain('*Food · this month*: 41 entries');
    const pages = /_Page 1 of (\d+)_/.exec(first);
    expect(Number(pages?.[1])).toBeGreaterThan(1);
    const second = await say('more');
    expect(second).toContain(`_Page 2 of ${pages?.[1]}_`);
    expect(second).not.toContain('*Food · this month*');
  });

  it('averages this month over its days so far, and the month before over all of its days', async () => {
    // A seeded month: ₹100 on each of December's first seven days, beside the ₹800 above.
    for (let day = 1; day <= 7; day++) await spend(`2026-12-0${day}`, 100, 'Groceries', 'dmart');
    const average = await say('average per day this month');
    // ₹1,500 over 7 days, not over December's 31.
    expect(average).toContain(
      '*Average per day · this month so far*: ₹214.28 (₹1,500.00 over 7 days).',
    );
    // November: ₹1,000 over its 30 days.
    expect(average).toContain('₹180.95 more than the month before (₹33.33, +543%).');
    const groceries = await say('average per day on groceries this week');
    // The week began on Sunday 6 December: two days so far.
    expect(groceries).toContain(
      '*Average per day on Groceries · this week so far*: ₹100.00 (₹200.00 over 2 days).',
    );
    // A finished month is not "so far".
    expect(await say('average per day last month')).toContain(
      '*Average per day · last month*: ₹33.33 (₹1,000.00 over 30 days).',
    );
  });

  it('answers a period with nothing in it, or not begun, plainly', async () => {
    expect(await say('how much did I spend on food in january 2027')).toBe(
      'Nothing recorded for Food in January 2027 yet.',
    );
    // No division by the days of a period that has not begun.
    expect(await say('average per day in january 2027')).toBe(
      'Nothing recorded in January 2027 yet.',
    );
    expect(await say('shopping this month')).toBe('Nothing recorded for Shopping this month yet.');
    expect(await say('shopping last month')).toBe('Nothing recorded for Shopping last month.');
    // What the other period had is still said, without a percentage of nothing.
    expect(await say('transport in october vs november')).toBe(
      'Nothing recorded for Transport in October 2026.\nIn November 2026: ₹200.00.',
    );
  });

  it('offers a question that would work for one it cannot answer', async () => {
    expect(await say('how much did i waste on silly little things last month')).toBe(
      `🤔 I couldn't answer "how much did i waste on silly little things last month". Try a question like "how much on food last month".`,
    );
  });
});
