// Repeating expenses typed in the chat become rules the scheduler records.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestChat, type TestChat } from './test-chat.ts';

let chat: TestChat;
// Wednesday 2 December 2026, 11:30 in Kolkata.
const now = new Date('2026-12-02T06:00:00Z');

beforeEach(async () => {
  chat = await openTestChat();
});
afterEach(async () => {
  await chat.db.close();
});

const rules = () =>
  chat.db.prisma.recurringExpense.findMany({
    include: { category: true },
    orderBy: { createdAt: 'asc' },
  });

describe('repeating expenses in the chat', () => {
  it('saves "every month 15000 rent on 1st" to be recorded on the 1st at 09:00', async () => {
    const reply = await chat.say('every month 15000 rent on 1st', now);
    expect(reply).toMatch(/^🔁 ₹15,000\.00 · Rent, every month on the 1st\. First on .*1 Jan/);
    expect(reply).toContain('https://spendline.example/dashboard/recurring/');
    const [rule] = await rules();
    expect(rule).toMatchObject({
      userId: chat.userId,
      amountMinor: 1_500_000n,
      currency: 'INR',
      frequency: 'MONTHLY',
      interval: 1,
      dayOfMonth: 1,
      category: { name: 'Rent' },
      nextRunAt: new Date('2027-01-01T03:30:00Z'),
    });
    expect(await chat.db.prisma.expense.count()).toBe(0);
  });

  it('starts a weekly rule today when today is its day, without a category it cannot tell', async () => {
    const reply = await chat.say('every week 300 house cleaning', now);
    expect(reply).toMatch(/^🔁 ₹300\.00 · house cleaning, every week on Wednesday\. First on/);
    expect(await rules()).toMatchObject([
      {
        categoryId: null,
        note: 'house cleaning',
        dayOfWeek: 3,
        nextRunAt: new Date('2026-12-02T03:30:00Z'),
      },
    ]);
  });

  it('explains a repetition it cannot follow, and saves nothing', async () => {
    const reply = await chat.say('every week on the 15th 300 cleaning', now);
    expect(reply).toContain('does not fit');
    expect(reply).toContain('every month 15000 rent on 1st');
    expect(await rules()).toEqual([]);
  });
});
