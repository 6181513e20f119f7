// Shared books from the chat, end to end: two and three people on their own numbers,
// signed webhooks into the real api, the bot's replies and notices read back from the
// Graph simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChatApp, WebUser, type ChatApp, type Phone } from './test-chat.ts';

let app: ChatApp;
let numbers = 0;

beforeAll(async () => {
  app = await startChatApp();
});
afterAll(async () => {
  await app.close();
});

const REGISTER = `mutation ($email: String!, $name: String!) {
  register(input: { email: $email, password: "correct horse battery", displayName: $name }) {
    __typename ... on Error { message }
  }
}`;

/** A new account called `name`, its phone linked by OTP. */
async function person(name: string): Promise<Phone> {
  numbers += 1;
  const web = new WebUser(app.graphqlUrl);
  await web.gql(REGISTER, { email: `books${numbers}@example.com`, name });
  const phone = app.phone(`9197000${String(numbers).padStart(5, '0')}`);
  await web.gql(
    `mutation ($phone: String!) { requestWhatsAppOtp(phoneNumber: $phone) { __typename } }`,
    {
      phone: `+${phone.number}`,
    },
  );
  const code = /\b(\d{6})\b/.exec((await phone.next('the OTP')).text)?.[1];
  await web.gql(`mutation ($code: String!) { verifyWhatsAppOtp(code: $code) { __typename } }`, {
    code,
  });
  return phone;
}

/** A fresh book called Home, owned by the first phone, the others joined through the chat. */
async function home(owner: Phone, ...others: Phone[]): Promise<void> {
  await owner.say('new book Home');
  for (const other of others) {
    await owner.say(`add +${other.number} to home`);
    await other.next('the invitation');
    expect((await other.say('join home')).text).toMatch(/^🎉 You're in \*Home\*/);
    await owner.next('the join notice');
  }
}

async function splitsOf(note: string) {
  return app.db.prisma.split.findMany({
    where: { expense: { note, deletedAt: null } },
    include: { user: true },
    orderBy: { position: 'asc' },
  });
}

describe('shared books in the chat', () => {
  it('creates, invites, accepts, splits, shows balances and settles across two numbers', async () => {
    const asha = await person('Asha');
    const rahul = await person('Rahul');
    // Rahul wrote today, so the invitation comes with its Accept button.
    await rahul.say('hi');

    expect((await asha.say('new book Home')).text).toMatch(/^📒 Book \*Home\* created\./);
    expect((await asha.say(`add +${rahul.number} to home`)).text).toBe(
      `📨 Invited +${rahul.number} to *Home*. They can tap Accept, or reply "join Home".`,
    );
    const invitation = await rahul.next('the invitation');
    expect(invitation.text).toBe(
      '📒 Asha invited you to the shared book *Home*. Tap Accept, or reply "join Home".',
    );
    expect(invitation.buttons).toEqual([
      { id: expect.stringMatching(/^book:join:[0-9a-f-]{36}$/), title: 'Accept' },
    ]);
    expect((await rahul.tap(invitation.buttons[0]!, 'button')).text).toMatch(
      /^🎉 You're in \*Home\*\./,
    );
    // The owner follows the book from the start.
    expect((await asha.next('the join notice')).text).toBe('📒 Rahul joined *Home*.');

    const dinner = await asha.say('home: 1200 dinner split with rahul');
    expect(dinner.text).toBe(
      '✅ ₹1,200.00 · Food\n📒 Home · you ₹600.00, Rahul ₹600.00\nToday so far: ₹1,200.00',
    );
    expect(dinner.buttons.map((b) => b.title)).toEqual(['Undo']);
    expect((await splitsOf('dinner')).map((s) => [s.user.displayName, s.shareMinor])).toEqual([
      ['Asha', 60_000n],
      ['Rahul', 60_000n],
    ]);

    expect((await rahul.say('notify home')).text).toMatch(/^🔔 You'll hear when others add/);
    const hotel = await rahul.say('#home 3000 hotel split 2:1 with asha');
    expect(hotel.text).toMatch(/\n📒 Home · you ₹2,000\.00, Asha ₹1,000\.00\n/);
    expect((await asha.next('the notice of the hotel')).text).toMatch(
      /^📒 Rahul added ₹3,000\.00 · \S+ to \*Home\*\. Your share: ₹1,000\.00\.$/,
    );

    expect((await asha.say('balances')).text).toBe('⚖️ *Home*\n• You owe Rahul ₹400.00');
    expect((await rahul.say('who owes')).text).toBe('⚖️ *Home*\n• Asha owes you ₹400.00');
    expect((await asha.say('leave home')).text).toBe(
      "You can't leave *Home* until you're settled up:\n• You owe Rahul ₹400.00\n" +
        'For example: "settled ₹400.00 with Rahul".',
    );

    expect((await asha.say('settled 400 with rahul')).text).toBe(
      '🤝 Noted: you paid Rahul ₹400.00 in *Home*.\n\n✅ *Home*: everyone is settled up.',
    );
    expect((await rahul.next('the settlement notice')).text).toBe(
      '🤝 Asha noted that they paid you ₹400.00 in *Home*.',
    );
    const [settlement] = await app.db.prisma.settlement.findMany({
      where: { fromUser: { displayName: 'Asha' }, toUser: { displayName: 'Rahul' } },
    });
    expect(settlement?.amountMinor).toBe(40_000n);
    expect((await asha.say('leave home')).text).toBe('👋 You left *Home*.');
    expect((await asha.say('books')).text).toMatch(/^You have no shared books yet\./);
  });

  it('reads a typed "join" and an invitation sent as the notice template, and "rahul paid me"', async () => {
    const priya = await person('Priya');
    const dev = await person('Dev');
    await priya.say('new book Home');
    await priya.say(`add +${dev.number} to home`);
    // Dev has not written in 24 hours: the notice template carries the invitation.
    const invitation = await dev.next('the invitation');
    expect(invitation.type).toBe('template');
    expect(invitation.text).toMatch(/Priya invited you to the shared book \*Home\*/);
    expect((await dev.say('join home')).text).toMatch(/^🎉 You're in \*Home\*/);
    await priya.next('the join notice');

    expect((await priya.say('home: 900 cab')).text).toMatch(
      /\n📒 Home · you ₹450\.00, Dev ₹450\.00\n/,
    );
    const settled = await priya.say('dev paid me 450');
    expect(settled.text).toBe(
      '🤝 Noted: Dev paid you ₹450.00 in *Home*.\n\n✅ *Home*: everyone is settled up.',
    );
    // A settlement noted by mistake is taken back with its Undo, and the debt is back.
    const undo = settled.buttons[0]!;
    expect(undo.title).toBe('Undo');
    expect((await priya.tap(undo, 'button')).text).toBe('↩️ Removed that settlement from *Home*.');
    expect((await priya.say('balances')).text).toBe('⚖️ *Home*\n• Dev owes you ₹450.00');
    expect((await priya.tap(undo, 'button')).text).toBe('That settlement is already removed.');
  });

  it('uses a default book, names members it does not know, and undoes a split', async () => {
    const meera = await person('Meera');
    const arjun = await person('Arjun');
    await home(meera, arjun);

    expect((await meera.say('home: 300 cab split with priya')).text).toBe(
      '*Home* has no member called "priya". Its members: Arjun.',
    );
    expect((await meera.say('600 cab split with arjun')).text).toMatch(
      /^Splits are for shared books/,
    );
    expect((await meera.say('use home')).text).toBe(
      '📒 From now on, entries go to *Home*. "use personal" switches back.',
    );
    expect((await meera.say('120 petrol')).text).toMatch(
      /^✅ ₹120\.00 · Fuel\n📒 Home · you ₹60\.00, Arjun ₹60\.00\n/,
    );
    // Nothing names a category: it is asked, and the split waits with the expense.
    const asked = await meera.say('paid 500 for arjun');
    expect(asked.text).toBe('Which category for "500"?');
    const paid = await meera.tap(asked.rows.find((row) => row.id === 'cat:other')!);
    expect(paid.text).toMatch(/^✅ ₹500\.00 · Other\n📒 Home · Arjun ₹500\.00\n/);
    expect((await meera.say('balances')).text).toBe('⚖️ *Home*\n• Arjun owes you ₹560.00');
    expect((await meera.tap(paid.buttons[0]!, 'button')).text).toMatch(/^↩️ Removed ₹500\.00/);
    expect((await meera.say('balances home')).text).toBe('⚖️ *Home*\n• Arjun owes you ₹60.00');

    expect((await meera.say('use personal')).text).toBe(
      '📒 From now on, entries go to your personal book.',
    );
    expect((await meera.say('80 tea')).text).toMatch(/^✅ ₹80\.00 · Food\nToday so far/);
    expect(
      (await app.db.prisma.expense.findFirst({ where: { note: 'tea', amountMinor: 8_000n } }))
        ?.bookId,
    ).toBeNull();
    // Her own name and "me" are one share.
    expect((await meera.say('home: 300 dinner split with meera and arjun')).text).toMatch(
      /\n📒 Home · you ₹150\.00, Arjun ₹150\.00\n/,
    );
  });

  it('keeps balances per currency, asks which book a settlement is in, and mutes notices', async () => {
    const kiran = await person('Kiran');
    const lena = await person('Lena');
    await home(kiran, lena);
    await kiran.say('new book Goa trip');
    await kiran.say(`add +${lena.number} to goa trip`);
    await lena.next('the invitation');
    expect((await lena.say('join goa')).text).toMatch(/^🎉 You're in \*Goa trip\*/);
    await kiran.next('the join notice');

    await kiran.say('home: 1000 groceries split with lena');
    await kiran.say('home: 20 usd taxi split with lena');
    await kiran.say('goa: 600 fuel split with lena');
    const balances = (await kiran.say('balances home')).text.split('\n');
    expect(balances[0]).toBe('⚖️ *Home*');
    expect(balances.slice(1).sort()).toEqual(['• Lena owes you $10.00', '• Lena owes you ₹500.00']);
    const owed = (await lena.say('who owes')).text;
    expect(owed).toMatch(/^⚖️ \*Goa trip\*\n• You owe Kiran ₹300\.00\n\n⚖️ \*Home\*\n/);
    expect(owed).toContain('• You owe Kiran $10.00');
    expect(owed).toContain('• You owe Kiran ₹500.00');

    expect((await kiran.say('settled 100 with lena')).text).toBe(
      'You share Goa trip, Home with lena: say which, e.g. "settled 400 with lena in Goa trip".',
    );
    expect((await kiran.say('lena paid me 500 in home')).text).toBe(
      '🤝 Noted: Lena paid you ₹500.00 in *Home*.\n\n⚖️ *Home*\n• Lena owes you $10.00',
    );

    expect((await lena.say('home: 40 groceries')).text).toMatch(/^✅ ₹40\.00 · Groceries\n/);
    expect((await kiran.next('the notice of the groceries')).text).toBe(
      '📒 Lena added ₹40.00 · Groceries to *Home*. Your share: ₹20.00.',
    );
    expect((await kiran.say('mute home')).text).toBe(
      '🔕 No more notices when others add to *Home*.',
    );
    expect((await lena.say('home: 100 milk')).text).toMatch(
      /\n📒 Home · Kiran ₹50\.00, you ₹50\.00\n/,
    );
    // Kiran's next message is the answer to his own: no notice of the milk came before it.
    expect((await kiran.say('books')).text).toMatch(/^📒 Your books:/);
  });
});
