// Expenses that wait for an answer in a real chat: those sent while a question is open are
// acknowledged, and what waited only for a category is saved when its question expires.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestChat, type TestChat } from './test-chat.ts';

let chat: TestChat;
const at = (minute: number) => new Date(Date.UTC(2026, 11, 8, 6, minute));

beforeEach(async () => {
  chat = await openTestChat();
});
afterEach(async () => {
  await chat.db.close();
});

async function stored(): Promise<[bigint, string | null, string | null][]> {
  const rows = await chat.db.prisma.expense.findMany({
    include: { category: true },
    orderBy: { amountMinor: 'asc' },
  });
  return rows.map((row) => [row.amountMinor, row.note, row.category?.name ?? null]);
}

describe('an expense sent while a question is open', () => {
  it('is acknowledged and asked about once the open question is answered', async () => {
    expect(await chat.say('45 bread', at(0))).toBe('Which category for "45 bread"?');
    expect(await chat.say('90 widget', at(1))).toBe(
      'Next, I\'ll ask about "90 widget".\n\nStill waiting: which category for "45 bread"?',
    );
    expect(await chat.say('groceries', at(2))).toContain('Which category for "90 widget"?');
    expect(await stored()).toEqual([[4_500n, 'bread', 'Groceries']]);
  });
});

describe('a category question answered "no"', () => {
  it('saves nothing of that expense and asks about the next', async () => {
    await chat.say('45 bread', at(0));
    await chat.say('90 widget', at(1));
    expect(await chat.say('no', at(2))).toBe(
      'OK, not saved: "45 bread".\n\nWhich category for "90 widget"?',
    );
    expect(await chat.say('cancel', at(3))).toBe('OK, not saved: "90 widget".');
    expect(await stored()).toEqual([]);
  });
});

describe('questions nobody answers in time', () => {
  it('names what was not saved, one or several', async () => {
    await chat.say('450', at(0));
    await chat.say('90', at(1));
    expect(await chat.say('today', at(30))).toMatch(
      /^No answer about "450", "90" in time, so I didn't save them\. Send them again if you want\.\n/,
    );
  });
});

describe('a category question nobody answers in time', () => {
  it('saves what waited only for a category under Other, and answers the new message', async () => {
    await chat.say('45 bread', at(0));
    await chat.say('90 widget', at(1));

    const reply = await chat.say('120 petrol', at(30));
    expect(reply).toBe(
      [
        'No answer in time, so I saved "45 bread", "90 widget" under Other; change that on the dashboard if you like.',
        '✅ ₹120.00 · Fuel',
        'Today so far: ₹255.00',
      ].join('\n'),
    );
    expect(await stored()).toEqual([
      [4_500n, 'bread', 'Other'],
      [9_000n, 'widget', 'Other'],
      [12_000n, 'petrol', 'Fuel'],
    ]);
  });

  it('can be undone at once when the late message is a command', async () => {
    await chat.say('45 bread', at(0));
    expect(await chat.say('undo', at(30))).toBe(
      'No answer in time, so I saved "45 bread" under Other; change that on the dashboard if you like.\n↩️ Removed ₹45.00 · Other.',
    );
    expect(await chat.db.prisma.expense.count({ where: { deletedAt: null } })).toBe(0);
  });

  it('is still answered by its category picked after the time is up', async () => {
    await chat.say('45 bread', at(0));
    expect(await chat.say('groceries', at(30))).not.toContain('No answer');
    expect(await stored()).toEqual([[4_500n, 'bread', 'Groceries']]);
  });
});
