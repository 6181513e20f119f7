// Forwarded bank and card alerts in a real chat: never saved without a Save, corrected
// with Change, dropped with Cancel; alerts that record nothing say why, and the same
// payment forwarded twice is recorded once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleInbound, openTestChat, TEST_PHONE, type TestChat } from './test-chat.ts';
import { CHOICE, type ReviewAnswer } from './types.ts';

let chat: TestChat;
let minute = 0;
const next = () => new Date(Date.UTC(2026, 11, 4, 6, ++minute));
const say = (body: string) => chat.say(body, next());

const SWIGGY =
  'Rs.500.00 debited from a/c **1234 on 03-12-26 to VPA swiggy@icici (UPI Ref No 334455667788). Not you? Call 18002586161';
const CHAAYOS =
  'Money Sent! Rs.180.00 from HDFC Bank A/c **1234 to CHAAYOS on 04/12/26 Ref 634500011122 Not You? Call 18002586161';
const SALARY =
  'Dear Customer, Acct XX123 is credited with Rs 12,000.00 on 04-Dec-26 from RAVI KUMAR. UPI:634599887766-ICICI Bank.';

/** Taps a reply button of the bot's last message, as WhatsApp sends it. */
async function tap(answer: ReviewAnswer): Promise<string> {
  sequence += 1;
  const conversation = await chat.db.prisma.conversation.findFirstOrThrow();
  const message = await chat.db.prisma.inboundMessage.create({
    data: {
      waMessageId: `wamid.tap${sequence}`,
      conversationId: conversation.id,
      phoneNumberId: '1',
      type: 'interactive',
      payload: {
        sender: { phoneNumber: TEST_PHONE },
        content: { kind: 'button_reply', id: CHOICE.review(answer), title: answer },
      },
      sentAt: next(),
    },
  });
  await handleInbound(chat.db, message);
  return lastReply();
}
let sequence = 0;

async function lastReply(): Promise<string> {
  const reply = await chat.db.prisma.outboundMessage.findFirstOrThrow({
    orderBy: { createdAt: 'desc' },
  });
  const payload = reply.payload as {
    text?: { body: string };
    interactive?: { body: { text: string } };
  };
  return payload.text?.body ?? payload.interactive?.body.text ?? '';
}

/** The buttons under the bot's last message. */
async function buttons(): Promise<string[]> {
  const reply = await chat.db.prisma.outboundMessage.findFirstOrThrow({
    orderBy: { createdAt: 'desc' },
  });
  const payload = reply.payload as {
    interactive?: { action: { buttons?: { reply: { title: string } }[] } };
  };
  return payload.interactive?.action.buttons?.map((b) => b.reply.title) ?? [];
}

const entries = () =>
  chat.db.prisma.expense.findMany({
    where: { deletedAt: null },
    include: { category: true },
    orderBy: { createdAt: 'asc' },
  });

beforeEach(async () => {
  chat = await openTestChat();
});
afterEach(async () => {
  await chat.db.close();
});

describe('a forwarded debit alert', () => {
  it('is asked about with the category its payee handle names, and saved on Save with its reference', async () => {
    const asked = await say(SWIGGY);
    expect(asked).toBe('Debit to swiggy@icici, Thu, 3 Dec: ₹500.00 · Food?');
    expect(await buttons()).toEqual(['Save', 'Change', 'Cancel']);
    expect(await entries()).toEqual([]);

    expect(await tap('save')).toContain('✅ ₹500.00 · Food · Thu, 3 Dec');
    const [saved] = await entries();
    expect(saved).toMatchObject({
      amountMinor: 50_000n,
      kind: 'EXPENSE',
      reference: '334455667788',
      note: 'swiggy@icici',
      source: 'WHATSAPP',
    });
    expect(saved?.category?.name).toBe('Food');
    expect(saved?.occurredAt.toISOString().slice(0, 10)).toBe('2026-12-03');
  });

  it('goes to the book chosen with "use", as a typed entry does', async () => {
    await say('new book Home');
    await say('use home');
    await say(SWIGGY);
    expect(await tap('save')).toContain('Home');
    const [saved] = await entries();
    const home = await chat.db.prisma.book.findFirstOrThrow({ where: { name: 'Home' } });
    expect(saved?.bookId).toBe(home.id);
    await say('use personal');
    await say(SWIGGY.replace('334455667788', '334455667799'));
    await tap('save');
    expect((await entries()).map((e) => e.bookId)).toEqual([home.id, null]);
  });

  it('is recorded once when forwarded again, and the bot says it is a duplicate', async () => {
    await say(SWIGGY);
    await say('save');
    expect(await say(SWIGGY)).toBe(
      'Already recorded: ₹500.00 · Food, Thu, 3 Dec (ref 334455667788). Not saved again.',
    );
    expect(await entries()).toHaveLength(1);
  });

  it('forwarded twice before the answer is asked about once', async () => {
    await say(SWIGGY);
    expect(await say(SWIGGY)).toContain(
      'That payment (ref 334455667788) is already waiting for your answer.',
    );
    expect(await say('save')).toContain('✅ ₹500.00 · Food');
    expect(await entries()).toHaveLength(1);
  });

  it('with an unknown payee asks the category on Save, and remembers it for the payee', async () => {
    expect(await say(CHAAYOS)).toBe('Debit to CHAAYOS, Fri, 4 Dec: ₹180.00. Save it?');
    expect(await tap('save')).toContain('Which category for "CHAAYOS"?');
    const saved = await say('food');
    expect(saved).toContain('✅ ₹180.00 · Food');
    expect(saved).toContain('Noted: "chaayos" goes to Food from now on.');

    const again = CHAAYOS.replace('180.00', '95.00').replace('634500011122', '634500011199');
    expect(await say(again)).toBe('Debit to CHAAYOS, Fri, 4 Dec: ₹95.00 · Food?');
  });

  it('is corrected with Change: the amount, then the category', async () => {
    await say(SWIGGY);
    expect(await tap('change')).toContain(
      'What is the right amount for Debit to swiggy@icici, Thu, 3 Dec (read as ₹500.00)?',
    );
    expect(await buttons()).toEqual(['Keep ₹500.00', 'Cancel']);
    const category = await say('450');
    expect(category).toContain('Which category for "swiggy@icici"?');
    expect(await say('groceries')).toContain('✅ ₹450.00 · Groceries');
    const [saved] = await entries();
    expect([saved?.amountMinor, saved?.category?.name]).toEqual([45_000n, 'Groceries']);
  });

  it('keeps the amount read when Keep is tapped after Change', async () => {
    await say(SWIGGY);
    await tap('change');
    expect(await tap('keep')).toContain('Which category for "swiggy@icici"?');
    expect(await say('food')).toContain('✅ ₹500.00 · Food');
  });

  it('is dropped on Cancel', async () => {
    await say(SWIGGY);
    expect(await tap('cancel')).toBe('OK, not saved: "swiggy@icici".');
    expect(await entries()).toEqual([]);
  });

  it('without an amount says so and asks for it', async () => {
    const asked = await say(
      'Your A/c XX1234 has been debited on 03-12-26 towards UPI/634512300001/JIOMART. -IDFC FIRST Bank',
    );
    expect(asked).toBe(
      "I couldn't find the amount in that bank message (Debit to JIOMART, Thu, 3 Dec). How much was it? Send just the amount, e.g. 450.",
    );
    expect(await say('799')).toBe('Debit to JIOMART, Thu, 3 Dec: ₹799.00. Save it?');
    expect(await say('save')).toContain('Which category for "JIOMART"?');
    expect(await say('groceries')).toContain('✅ ₹799.00 · Groceries');
  });

  it('ignores a Save tapped again after it was saved, and a Keep where no amount was read', async () => {
    await say(SWIGGY);
    await tap('save');
    expect(await tap('save')).toBe('That button belongs to an earlier question, so I did nothing.');
    await say(
      'Your A/c XX1234 has been debited on 03-12-26 towards UPI/634512300002/JIOMART. -IDFC FIRST Bank',
    );
    expect(await tap('keep')).toContain('Still waiting: how much was it?');
    expect(await entries()).toHaveLength(1);
  });

  it('is not saved when nobody answers in time', async () => {
    await say(SWIGGY);
    minute += 11;
    const later = await say('today');
    expect(later).toContain(
      'No answer about "swiggy@icici" in time, so I didn\'t save it. Send it again if you want.',
    );
    expect(await entries()).toEqual([]);
  });

  it('lets an ordinary expense through while its question waits, then asks again', async () => {
    await say(SWIGGY);
    const typed = await say('120 petrol');
    expect(typed).toContain('✅ ₹120.00 · Fuel');
    expect(typed).toContain('Still waiting: Debit to swiggy@icici, Thu, 3 Dec: ₹500.00 · Food?');
    expect(await say('yes')).toContain('✅ ₹500.00 · Food');
  });
});

describe('a forwarded credit alert', () => {
  it('is income once saved', async () => {
    expect(await say(SALARY)).toBe('Credit from RAVI KUMAR, Fri, 4 Dec: ₹12,000.00. Save it?');
    expect(await say('save')).toContain('💰 Income ₹12,000.00 · RAVI KUMAR');
    const [saved] = await entries();
    expect([saved?.kind, saved?.categoryId, saved?.reference]).toEqual([
      'INCOME',
      null,
      '634599887766',
    ]);
  });
});

describe('a forwarded message that records nothing', () => {
  it.each([
    [
      'OTP is 482913 for txn of INR 1,499.00 at AMAZON on HDFC Bank card ending 9876. Do not share OTP',
      "That's a one-time password message, not a payment: nothing saved.",
    ],
    [
      'Get Rs.500 cashback on your first UPI payment of Rs.100 or more! Offer valid till 31 Dec. T&C apply. Pay now: https://p.paytm.me/xyz',
      "That's an offer from a bank or an app, not a payment: nothing saved.",
    ],
    [
      'Txn of Rs.2,500.00 on HDFC Bank Card 9876 at MAKEMYTRIP has been DECLINED due to incorrect PIN. Call 18002586161 if not you',
      'That payment failed, was declined or was reversed, so no money moved: nothing saved.',
    ],
    [
      'Avl Bal in A/c no. XX4321 as on 04-12-26 09:00 IST is INR 1,02,345.50 - Axis Bank',
      "That's a balance update, not a payment: nothing saved.",
    ],
  ])('answers %s plainly', async (text, answer) => {
    expect(await say(text)).toBe(answer);
    expect(await chat.db.prisma.expense.count()).toBe(0);
  });
});
