// One person's book messages through the runtime against a real database: what each
// command answers, and what it answers when it cannot do what was asked.
import { createAccount, deleteAccount } from '@spendline/auth';
import {
  acceptInviteLink,
  createInviteLink,
  leaveBooksForDeletion,
  settle,
} from '@spendline/books';
import { sql } from '@spendline/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleInbound, openTestChat, TEST_PHONE, type TestChat } from './test-chat.ts';
import { CHOICE } from './types.ts';

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

  it('keeps entries and settlements with a deleted account as they are, and names it a former member', async () => {
    const { book, paid, ravi } = await withRavi();
    // While Ravi is a member, his payment can be undone (and is recorded again).
    expect(await tap(CHOICE.undoSettlement(paid.id))).toBe(
      '↩️ Removed that settlement from *Home*.',
    );
    const again = await ravi.pays(book.id);
    await ravi.deletes();
    expect(await tap(CHOICE.undoSettlement(again.id))).toBe(
      'Not undone: that settlement is with someone who is no longer in *Home*, so it stays as it is.',
    );
    const entryStays =
      'Not removed: that entry is shared with someone who is no longer in the book, so it stays as it is.';
    expect(await say('undo')).toBe(entryStays);
    expect(await say('delete last')).toBe(entryStays);
    expect(await say('edit last 150')).toBe(
      "Not changed: that entry is shared with someone who is no longer in the book, so its amount can't change. Its note and category still can.",
    );
    expect(await say('balances home')).toBe('✅ *Home*: everyone is settled up.');
    // An undo from before Ravi's payment could no longer be: his share is owed again.
    await chat.db.sql.execute(sql`
      UPDATE settlements SET deleted_at = now() WHERE id = ${again.id}::uuid`);
    expect(await say('balances home')).toContain('• Former member owes you ₹1,500.00');
  });

  it("says in the reader's language why an entry with someone gone stays", async () => {
    await chat.db.close();
    chat = await openTestChat({ locale: 'pt-BR' });
    const { paid, ravi } = await withRavi();
    await ravi.deletes();
    expect(await say('desfazer')).toBe(
      'Não removido: esse lançamento é dividido com alguém que não está mais no livro, então fica como está.',
    );
    expect(await tap(CHOICE.undoSettlement(paid.id))).toBe(
      'Não desfeito: esse acerto é com alguém que não está mais em *Home*, então fica como está.',
    );
  });
});

describe('a settlement with someone in no book', () => {
  const spent = () =>
    chat.db.prisma.expense.findMany({
      where: { userId: chat.userId },
      select: { amountMinor: true, note: true },
    });

  it('is an ordinary expense from someone in no shared book', async () => {
    expect(await say('settled 400 with the plumber')).toBe(
      'Which category for "settled 400 with the plumber"?',
    );
    expect(await say('other')).toMatch(/^✅ ₹400\.00 · Other/);
    expect(await spent()).toEqual([{ amountMinor: 40_000n, note: 'settled with the plumber' }]);
  });

  it('is an ordinary expense in Portuguese too', async () => {
    await chat.db.close();
    chat = await openTestChat({ locale: 'pt-BR' });
    expect(await say('acertei 400 com o pedreiro')).toMatch(/^Em qual categoria fica /);
    expect(await say('contas')).toContain('✅ ₹\u00a0400,00 · Contas');
    expect(await spent()).toEqual([{ amountMinor: 40_000n, note: 'acertei com o pedreiro' }]);
  });

  it('names no such member to someone with books, as the name may be a typo', async () => {
    await say('new book Home');
    expect(await say('settled 400 with the plumber')).toBe(
      'None of your books has a member called "the plumber".',
    );
    await chat.db.close();
    chat = await openTestChat({ locale: 'pt-BR' });
    await say('novo livro Casa');
    expect(await say('acertei 400 com o pedreiro')).toBe(
      'Nenhum dos seus livros tem um membro chamado "o pedreiro".',
    );
    expect(await spent()).toEqual([]);
  });

  it('never saves money received as spent', async () => {
    expect(await say('rahul paid me 400')).toBe('None of your books has a member called "rahul".');
    expect(await spent()).toEqual([]);
  });
});

const password = 'ravi long passphrase';

/**
 * Asha's book Home with Ravi in it, her 3,000 rent split with him, and his 1,500 paying
 * his share.
 */
async function withRavi() {
  await say('new book Home');
  const { db } = chat;
  const book = await db.prisma.book.findFirstOrThrow({ where: { name: 'Home' } });
  const user = await createAccount(db.prisma, {
    email: 'ravi@example.com',
    password,
    displayName: 'Ravi',
  });
  const link = await db.sql.transaction((tx) => createInviteLink(tx, chat.userId, book.id));
  await db.sql.transaction((tx) => acceptInviteLink(tx, user.id, link.token));
  await say('home: 3000 rent split with ravi');
  const ravi = {
    pays: (bookId: string) =>
      db.sql.transaction((tx) =>
        settle(tx, user.id, bookId, {
          fromUserId: user.id,
          toUserId: chat.userId,
          amountMinor: 150000n,
          currency: 'INR',
          occurredAt: new Date(),
        }),
      ),
    deletes: async () => {
      await deleteAccount(
        db.prisma,
        { userId: user.id, password },
        new Date(),
        leaveBooksForDeletion,
      );
    },
  };
  return { book, ravi, paid: await ravi.pays(book.id) };
}

/** Taps a reply button, as WhatsApp sends it, and returns the bot's answer. */
async function tap(id: string): Promise<string> {
  const conversation = await chat.db.prisma.conversation.findFirstOrThrow();
  const message = await chat.db.prisma.inboundMessage.create({
    data: {
      waMessageId: `wamid.tap${++sequence}`,
      conversationId: conversation.id,
      phoneNumberId: '1',
      type: 'interactive',
      payload: {
        sender: { phoneNumber: TEST_PHONE },
        content: { kind: 'button_reply', id, title: 'Undo' },
      },
      sentAt: new Date(Date.UTC(2026, 10, 24, 6, ++sequence % 60)),
    },
  });
  await handleInbound(chat.db, message);
  const reply = await chat.db.prisma.outboundMessage.findFirstOrThrow({
    orderBy: { createdAt: 'desc' },
  });
  const payload = reply.payload as { text?: { body: string } };
  return payload.text?.body ?? '';
}
