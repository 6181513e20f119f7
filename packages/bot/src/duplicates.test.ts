// The likely-duplicate question in a real chat: asked only about an entry that is stored
// when the question comes, in the category the new expense ends up in.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestChat, type TestChat } from './test-chat.ts';

let chat: TestChat;
let minute = 0;
const say = (body: string) => chat.say(body, new Date(Date.UTC(2026, 10, 24, 6, ++minute)));
const AGAIN = /Save it again\?/;

beforeEach(async () => {
  chat = await openTestChat();
});
afterEach(async () => {
  await chat.db.close();
});

describe('the duplicate question', () => {
  it('is asked for the same amount in the same category a few minutes later', async () => {
    await say('100 food');
    expect(await say('100 food')).toContain(
      'You saved ₹100.00 · Food a few minutes ago. Save it again?',
    );
  });

  it('is asked when the category chosen for the new expense holds an equal entry', async () => {
    await say('100 food');
    expect(await say('100')).toContain('Which category for "100"?');
    expect(await say('food')).toMatch(AGAIN);
  });

  it('after a failed save, asks about the message sent again only once its twin is stored', async () => {
    // The first save fails in the database, as a full disk or a lost connection would.
    await chat.db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_expense() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full'; END $$`);
    await chat.db.prisma.$executeRawUnsafe(`
      CREATE TRIGGER refuse_expense BEFORE INSERT ON expenses
      FOR EACH ROW EXECUTE FUNCTION refuse_expense()`);
    await expect(say('100')).resolves.toContain('Which category for "100"?');
    await expect(say('other')).rejects.toThrow();
    await chat.db.prisma.$executeRawUnsafe('DROP TRIGGER refuse_expense ON expenses');

    // Nothing of the failed message was kept: the question is still open, and the same
    // message sent again waits behind it.
    expect(await say('100')).toContain('Still waiting: which category for "100"?');
    expect(await say('other')).toContain('✅ ₹100.00 · Other');
    // Only now is there an entry the second "100" repeats, and the question names it.
    const stored = await chat.db.prisma.expense.findMany({ include: { category: true } });
    expect(stored.map((e) => [e.amountMinor, e.category?.name])).toEqual([[10_000n, 'Other']]);
    expect(await say('other')).toContain(
      'You saved ₹100.00 · Other a few minutes ago. Save it again?',
    );
    expect(await say('no')).toContain('OK, not saved');
    expect(await chat.db.prisma.expense.count()).toBe(1);
  });

  it('is not asked when the equal entry is in another category than the one chosen', async () => {
    await say('100 food');
    expect(await say('100')).toContain('Which category for "100"?');
    const reply = await say('other');
    expect(reply).not.toMatch(AGAIN);
    expect(reply).toContain('✅ ₹100.00 · Other');
  });

  it('is not asked when the equal entry was undone before the category was chosen', async () => {
    await say('100 food');
    expect(await say('100')).toContain('Which category for "100"?');
    expect(await say('undo')).toContain('Removed');
    const reply = await say('food');
    expect(reply).not.toMatch(AGAIN);
    expect(reply).toContain('✅ ₹100.00 · Food');
  });
});
