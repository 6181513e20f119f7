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
    expect(food).toContain('₹800.00 more than the month before (₹0.00).');

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
    expect(await say('and food?')).toContain('*Food · yesterday*: ₹0.00');
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

  it('offers a question that would work for one it cannot answer', async () => {
    expect(await say('how much did i waste on silly little things last month')).toBe(
      `🤔 I couldn't answer "how much did i waste on silly little things last month". Try a question like "how much on food last month".`,
    );
  });
});
