// One person's book messages through the runtime against a real database: what each
// command answers, and what it answers when it cannot do what was asked.
import { createAccount, deleteAccount } from '@spendline/auth';
import {
  acceptInviteLink,
  createInviteLink,
  deleteSettlement,
  leaveBooksForDeletion,
  settle,
} from '@spendline/books';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestChat, type TestChat } from './test-chat.ts';

let chat: TestChat;
let sequence = 0;
const say = (body: string) => chat.say(body, new Date(Date.UTC(2026, 10, 24, 6, ++sequence % 60)));

beforeEach(async () => {
  chat = await openTestChat();
});
afterEach(async () => {
  await chat.db.close();
});

describe('book messages, one person', () => {
  it('creates books, lists them with the default, and refuses a name twice', async () => {
    expect(await say('books')).toMatch(/^You have no shared books yet\./);
    expect(await say('balances')).toMatch(/^You have no shared books yet\./);
    expect(await say('new book Home')).toMatch(/^📒 Book \*Home\* created\./);
    expect(await say('new book home')).toBe('You already have a book called *home*.');
    expect(await say('create book Goa trip')).toMatch(/^📒 Book \*Goa trip\* created\./);
    expect(await say('use goa')).toBe(
      '📒 From now on, entries go to *Goa trip*. "use personal" switches back.',
    );
    expect(await say('books')).toBe(
      '📒 Your books:\n• Personal\n• Goa trip (owner) ← entries go here\n• Home (owner)',
    );
    expect(await say('balances')).toBe(
      '✅ *Goa trip*: everyone is settled up.\n\n✅ *Home*: everyone is settled up.',
    );
    expect(await say('notify home off')).toBe('🔕 No more notices when others add to *Home*.');
    expect(await say('notify home')).toBe(
      '🔔 You\'ll hear when others add to *Home*. "mute Home" stops it.',
    );
  });

  it('says what is wrong with a book message instead of saving it', async () => {
    await say('new book Home');
    expect(await say('add +91 12345 67890 to home')).toMatch(/^That isn't a WhatsApp number/);
    expect(await say('add +919812300000 to flat')).toBe(
      'You have no book called "flat". Your books: Home.',
    );
    expect(await say('add +919812300000')).toBe(
      'Which book? Say "add +919812300000 to home", or "use home" first.',
    );
    expect(await say('join goa')).toMatch(/^There's no invitation to "goa" for this number\./);
    expect(await say('leave goa')).toBe('You have no book called "goa". Your books: Home.');
    expect(await say('home: 3000 hotel split 2:1 with rahul and priya')).toMatch(
      /^A ratio has one number above zero for each person/,
    );
    expect(await say('home: 50 tea, 30 biscuit split with rahul')).toBe(
      'A split shares one expense: send each one on its own.',
    );
    expect(await say('home: 300 tea split with')).toMatch(/^Tell me who shares/);
    expect(await say('home: 300 cab split with rahul')).toBe(
      '*Home* has no member called "rahul". Nobody else is in it yet: invite people with ' +
        '"add +919812300000 to Home".',
    );
    expect(await say('settled 400 with rahul')).toBe(
      'None of your books has a member called "rahul".',
    );
    const saved = await chat.db.prisma.expense.count({ where: { userId: chat.userId } });
    expect(saved).toBe(0);
  });

  it('keeps an entry in a book of one, and leaves it once nothing is owed', async () => {
    await say('new book Home');
    expect(await say('home: 1200 groceries')).toBe(
      '✅ ₹1,200.00 · Groceries\n📒 Home · you ₹1,200.00\nToday so far: ₹1,200.00',
    );
    expect(await say('leave home')).toBe('👋 You left *Home*.');
    expect(await say('home: 100 groceries')).toMatch(/^✅ ₹100\.00 · Groceries\nToday so far/);
  });

  it('names a deleted account in the balances as a former member', async () => {
    await say('new book Home');
    const { db } = chat;
    const book = await db.prisma.book.findFirstOrThrow({ where: { name: 'Home' } });
    const password = 'ravi long passphrase';
    const ravi = await createAccount(db.prisma, {
      email: 'ravi@example.com',
      password,
      displayName: 'Ravi',
    });
    const link = await db.sql.transaction((tx) => createInviteLink(tx, chat.userId, book.id));
    await db.sql.transaction((tx) => acceptInviteLink(tx, ravi.id, link.token));
    await say('home: 3000 rent split with ravi');
    const now = new Date();
    const paid = await db.sql.transaction((tx) =>
      settle(tx, ravi.id, book.id, {
        fromUserId: ravi.id,
        toUserId: chat.userId,
        amountMinor: 150000n,
        currency: 'INR',
        occurredAt: now,
      }),
    );
    await deleteAccount(db.prisma, { userId: ravi.id, password }, now, leaveBooksForDeletion);
    // Undone after Ravi went: his share of the rent is owed again, by nobody with a name.
    await db.sql.transaction((tx) => deleteSettlement(tx, chat.userId, paid.id, now));
    expect(await say('balances home')).toContain('• Former member owes you ₹1,500.00');
  });
});
