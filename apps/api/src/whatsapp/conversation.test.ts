// The conversation end to end: signed webhooks into the real api, the bot's replies
// read back from the Graph simulator, accounts and linking through GraphQL over HTTP.
import sharp from 'sharp';
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

const REGISTER = `mutation ($email: String!) {
  register(input: { email: $email, password: "correct horse battery", displayName: "Asha" }) {
    __typename ... on Error { message }
  }
}`;

/** A new account and a new phone; linked by OTP unless told otherwise. */
async function newUser(link = true): Promise<{ web: WebUser; phone: Phone }> {
  numbers += 1;
  const web = new WebUser(app.graphqlUrl);
  await web.gql(REGISTER, { email: `user${numbers}@example.com` });
  const phone = app.phone(`9198000${String(numbers).padStart(5, '0')}`);
  if (link) await linkByOtp(web, phone);
  return { web, phone };
}

async function linkByOtp(web: WebUser, phone: Phone): Promise<void> {
  const sent = await web.gql<{ requestWhatsAppOtp: { __typename: string } }>(
    `mutation ($phone: String!) { requestWhatsAppOtp(phoneNumber: $phone) { __typename } }`,
    { phone: `+${phone.number}` },
  );
  expect(sent.requestWhatsAppOtp.__typename).toBe('WhatsAppOtpSent');
  const message = await phone.next('the OTP');
  const code = /\b(\d{6})\b/.exec(message.text)?.[1];
  expect(code).toBeDefined();
  const verified = await web.gql<{ verifyWhatsAppOtp: { __typename: string } }>(
    `mutation ($code: String!) { verifyWhatsAppOtp(code: $code) { __typename } }`,
    { code },
  );
  expect(verified.verifyWhatsAppOtp.__typename).toBe('WhatsAppLink');
}

async function activeExpenses(phone: Phone) {
  return app.db.prisma.expense.findMany({
    where: { deletedAt: null, inboundMessage: { conversation: { waKey: `+${phone.number}` } } },
    include: { category: true },
    orderBy: { createdAt: 'asc' },
  });
}

describe('a number nobody linked', () => {
  it('explains how to link, and links with the code the dashboard shows', async () => {
    const { web, phone } = await newUser(false);
    const hello = await phone.say('hi');
    expect(hello.text).toMatch(
      /isn't linked to an account yet: open http:\/\/\S+\/link-whatsapp\//,
    );
    expect((await phone.say('123456')).text).toMatch(/verification code: type it on the website/);

    expect((await phone.say('LINK 00000000')).text).toMatch(/wrong or has expired/);
    const { createWhatsAppLinkCode } = await web.gql<{
      createWhatsAppLinkCode: { code: string };
    }>(`mutation { createWhatsAppLinkCode { ... on WhatsAppLinkCode { code } } }`);
    expect((await phone.say(`link ${createWhatsAppLinkCode.code}`)).text).toMatch(
      /^Hi Asha! 🎉 This number is now linked/,
    );
    expect((await phone.say('120 petrol')).text).toMatch(/^✅ ₹120\.00 · Fuel/);
  });

  it('refuses more than five link codes from one number in a quarter hour', async () => {
    const { phone } = await newUser(false);
    for (let i = 0; i < 5; i++) {
      expect((await phone.say(`LINK 1234567${i}`)).text).toMatch(/wrong or has expired/);
    }
    expect((await phone.say('LINK 12345679')).text).toMatch(/Too many codes/);
  });
});

describe('a linked user', () => {
  it('records expenses written a dozen ways, each confirmed with the day total', async () => {
    const { phone } = await newUser();
    const cases: [string, RegExp][] = [
      ['120 petrol', /^✅ ₹120\.00 · Fuel\nToday so far: ₹120\.00$/],
      ['spent 250 on lunch', /^✅ ₹250\.00 · Food\nToday so far: ₹370\.00$/],
      ['₹45 auto', /^✅ ₹45\.00 · Transport\n/],
      ['coffee 60', /^✅ ₹60\.00 · Food\n/],
      ['rs 500 groceries', /^✅ ₹500\.00 · Groceries\n/],
      ['paid 1,200 electricity bill', /^✅ ₹1,200\.00 · Bills\n/],
      ['200 movie tickets', /^✅ ₹200\.00 · Entertainment\n/],
      ['50 tea, 20 coffee', /^✅ ₹50\.00 · Food\n✅ ₹20\.00 · Food\n/],
      ['1.5k rent', /^✅ ₹1,500\.00 · Rent\n/],
      ['Rs. 99.50 medicine', /^✅ ₹99\.50 · Health\n/],
      ['spent 300 on uber', /^✅ ₹300\.00 · Transport\n/],
      ['dinner 800 yesterday', /^✅ ₹800\.00 · Food · \w{3}, \d{1,2} \w{3}\n/],
    ];
    for (const [message, expected] of cases) {
      const reply = await phone.say(message);
      expect(reply.text, message).toMatch(expected);
      expect(reply.buttons.map((b) => b.title)).toEqual(['Undo']);
    }
    const saved = await activeExpenses(phone);
    expect(saved).toHaveLength(13);
    expect(saved.every((e) => e.source === 'WHATSAPP' && e.inboundMessageId)).toBe(true);
  });

  it('asks about an unknown word, saves on the answer and remembers it', async () => {
    const { phone } = await newUser();
    const question = await phone.say('75 zzqx');
    expect(question.text).toBe('Which category for "75 zzqx"?');
    expect(question.rows.length).toBeLessThanOrEqual(10);
    expect(question.rows.at(-2)).toEqual({ id: 'cat:new', title: 'New: zzqx' });
    expect(question.rows.at(-1)).toEqual({ id: 'cat:other', title: 'Other' });
    expect(await activeExpenses(phone)).toHaveLength(0);

    const food = question.rows.find((row) => row.title === 'Food')!;
    const answer = await phone.tap(food);
    expect(answer.text).toMatch(/^Noted: "zzqx" goes to Food from now on\.\n✅ ₹75\.00 · Food\n/);
    expect((await phone.say('30 zzqx')).text).toMatch(/^✅ ₹30\.00 · Food\n/);

    const created = await phone.say('40 pottery');
    const newRow = created.rows.find((row) => row.id === 'cat:new')!;
    expect((await phone.tap(newRow)).text).toMatch(/^✅ ₹40\.00 · Pottery\n/);
    expect((await activeExpenses(phone)).map((e) => e.category?.name)).toEqual([
      'Food',
      'Food',
      'Pottery',
    ]);
  });

  it('keeps an expense typed while a question is open, and asks again', async () => {
    const { phone } = await newUser();
    await phone.say('75 zzqy');
    const meanwhile = await phone.say('120 petrol');
    expect(meanwhile.text).toMatch(
      /^✅ ₹120\.00 · Fuel\n.*\n\nStill waiting: which category for "75 zzqy"\?$/s,
    );
    expect(meanwhile.rows.length).toBeGreaterThan(2);
    const typed = await phone.say('other');
    expect(typed.text).toMatch(/^✅ ₹75\.00 · Other/);
    expect(await activeExpenses(phone)).toHaveLength(2);
  });

  it('saves under Other what a category question left unanswered for ten minutes', async () => {
    const { phone } = await newUser();
    const start = new Date();
    await phone.say('75 zzqz', start);
    const late = await phone.say('today', new Date(start.getTime() + 11 * 60_000));
    expect(late.text).toMatch(/^No answer in time, so I saved "75 zzqz" under Other;/);
    expect(late.rows).toEqual([]);
    expect((await activeExpenses(phone)).map((e) => e.category?.name)).toEqual(['Other']);
  });

  it('asks before saving a likely duplicate and an unusually large amount', async () => {
    const { phone } = await newUser();
    await phone.say('120 petrol');
    const twice = await phone.say('120 petrol');
    expect(twice.text).toMatch(/You saved ₹120\.00 · Fuel a few minutes ago\. Save it again\?$/);
    expect(twice.buttons.map((b) => b.id)).toEqual(['confirm:yes', 'confirm:no']);
    expect((await phone.tap(twice.buttons[1]!, 'button')).text).toBe(
      'OK, not saved: "120 petrol".',
    );

    for (let i = 1; i <= 10; i++) await phone.say(`${100 + i} lunch`);
    const large = await phone.say('25000 lunch');
    expect(large.text).toMatch(
      /₹25,000\.00 · Food is much more than your usual ₹\d+\.00\. Save anyway\?/,
    );
    expect((await phone.tap(large.buttons[0]!, 'button')).text).toMatch(/^✅ ₹25,000\.00 · Food/);
    expect(await activeExpenses(phone)).toHaveLength(12);
  });

  it('undoes what a message created, by button or by typing, and edits the last one', async () => {
    const { phone } = await newUser();
    const first = await phone.say('50 tea, 20 coffee');
    await phone.say('120 petrol');
    // The first message's button still names the first message, however old.
    expect((await phone.tap(first.buttons[0]!, 'button')).text).toBe(
      '↩️ Removed ₹50.00 · Food, ₹20.00 · Food.',
    );
    expect((await phone.say('edit last 150')).text).toBe('✏️ Changed ₹120.00 · Fuel to ₹150.00.');
    expect((await phone.say('edit last category transport')).text).toBe(
      '✏️ Changed ₹150.00 · Fuel to Transport.',
    );
    expect((await phone.say('edit last note cab to the airport')).text).toBe(
      '✏️ Changed ₹150.00 · Transport to "cab to the airport".',
    );
    expect((await phone.say('edit last category zzqq')).text).toMatch(
      /^You have no category called "zzqq"/,
    );
    const [edited] = await activeExpenses(phone);
    expect(edited).toMatchObject({ amountMinor: 15000n, note: 'cab to the airport' });
    expect(edited?.category?.name).toBe('Transport');
    expect((await phone.say('undo')).text).toBe('↩️ Removed ₹150.00 · Transport.');
    expect((await phone.say('undo')).text).toBe('There is nothing to undo.');
    expect(await activeExpenses(phone)).toHaveLength(0);
  });

  it('announces what it saves and removes to live dashboards', async () => {
    const { phone } = await newUser();
    const { userId } = await app.db.prisma.whatsAppLink.findFirstOrThrow({
      where: { phoneNumber: `+${phone.number}` },
    });
    const heard: string[] = [];
    const listening = (async () => {
      for await (const event of app.events.subscribe(userId)) {
        heard.push(`${event.kind}:${event.expenseId}`);
        if (heard.length === 2) return;
      }
    })();
    await phone.say('120 petrol');
    await phone.say('undo');
    await listening;
    const [expense] = await app.db.prisma.expense.findMany({ where: { userId } });
    expect(heard).toEqual([`added:${expense?.id}`, `deleted:${expense?.id}`]);
  });

  it('answers every statement', async () => {
    const { phone } = await newUser();
    await phone.say('120 petrol');
    await phone.say('450 groceries');
    await phone.say('spent 250 on lunch yesterday');
    const month = new Intl.DateTimeFormat('en-IN', {
      month: 'long',
      timeZone: 'Asia/Kolkata',
    }).format(new Date());

    expect((await phone.say('today')).text).toMatch(
      /^\*Today\*: ₹570\.00\n```\nGroceries\s+₹450\.00\s+79%\nFuel\s+₹120\.00\s+21%\n```$/,
    );
    expect((await phone.say('yesterday')).text).toMatch(/^\*Yesterday\*: ₹250\.00\n```\nFood/);
    expect((await phone.say('week')).text).toMatch(/^\*(This|Last) week\*: ₹/);
    expect((await phone.say('month')).text).toMatch(new RegExp(`^\\*${month} \\d{4}\\*: ₹`));
    const summary = (await phone.say('summary')).text;
    expect(summary).toMatch(new RegExp(`^\\*${month} \\d{4}\\*: ₹`));
    expect(summary).toMatch(/\*Top\*\n₹450\.00 · Groceries/);
    expect((await phone.say('category food')).text).toMatch(/^\*Food\* this month: /);
    expect((await phone.say('categories')).text).toMatch(/^\*Your categories\*\n.*Bills/s);
    expect((await phone.say('last 2')).text).toMatch(/^\*Last 2\*\n• .*\n• /);
    expect((await phone.say('help')).text).toMatch(/undo · delete last · edit last/);
    expect((await phone.say('purple elephant')).text).toMatch(
      /^🤔 I didn't understand "purple elephant"\..*\nTry "120 petrol"/s,
    );
    expect((await phone.say('january')).text).toMatch(/^\*January \d{4}\*: nothing recorded\.$/);
  });

  it('pages an answer longer than a message, with a More button for each next page', async () => {
    const { phone } = await newUser();
    const { userId } = await app.db.prisma.whatsAppLink.findFirstOrThrow({
      where: { phoneNumber: `+${phone.number}` },
    });
    const now = Date.now();
    await app.db.prisma.expense.createMany({
      data: Array.from({ length: 100 }, (_, i) => ({
        userId,
        amountMinor: BigInt(10_000 + i * 100),
        currency: 'INR',
        occurredAt: new Date(now - (i + 1) * 60_000),
        note: `expense number ${i + 1} of the month`,
        source: 'WEB' as const,
      })),
    });
    let reply = await phone.say('last 100');
    const pages = Number(/_Page 1 of (\d+)_/.exec(reply.text)?.[1]);
    expect(pages).toBeGreaterThan(1);
    const shown = [reply.text];
    for (let page = 2; page <= pages; page++) {
      expect(reply.buttons).toEqual([{ id: `more:${page}:last 100`, title: 'More' }]);
      reply = await phone.tap(reply.buttons[0]!, 'button');
      expect(reply.text).toContain(`_Page ${page} of ${pages}_`);
      shown.push(reply.text);
    }
    expect(reply.buttons).toEqual([]);
    // Every expense once, newest first, across the pages.
    const order = [...shown.join('\n').matchAll(/expense number (\d+) of/g)].map((m) =>
      Number(m[1]),
    );
    expect(order).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('keeps fifty messages sent at once consistent: each saved once, replies in order', async () => {
    const { phone } = await newUser();
    const start = Date.now();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        phone.send({ text: `${i + 1} chai`, timestamp: new Date(start + i * 1000) }),
      ),
    );
    const replies = [];
    for (let i = 0; i < 50; i++) replies.push(await phone.next(`reply ${i + 1}`));
    // Messages still in flight cannot be waited for: two sent at the same instant may be
    // stored, and so answered, in either order. What must hold is that the replies leave
    // in the order they were made, each seeing exactly the expenses saved before it.
    const rupees = (text: string, pattern: RegExp) =>
      Number(pattern.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
    let running = 0;
    for (const reply of replies) {
      running += rupees(reply.text, /^✅ ₹([\d,]+)\.00/);
      expect(rupees(reply.text, /Today so far: ₹([\d,]+)\.00$/)).toBe(running);
    }
    expect(replies.map((r) => rupees(r.text, /^✅ ₹([\d,]+)\.00/)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    const saved = await activeExpenses(phone);
    expect(saved.map((e) => Number(e.amountMinor) / 100).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    expect(replies.at(-1)?.text).toMatch(/Today so far: ₹1,275\.00$/);
  });
});

/** A clear photo of a supermarket bill, drawn as an SVG and turned into a JPEG. */
async function billPhoto(): Promise<Buffer> {
  const lines = [
    ['DMART', ''],
    ['Avenue Supermarts Ltd, Thane', ''],
    ['Date: 03/12/2026', 'Bill No: 4471'],
    ['Basmati Rice 5kg', '450.00'],
    ['Sunflower Oil 1L', '189.32'],
    ['Sub Total', '639.32'],
    ['CGST 2.5%', '15.00'],
    ['SGST 2.5%', '15.00'],
    ['GRAND TOTAL', '669.32'],
    ['Cash Tendered', '700.00'],
    ['Change', '30.68'],
  ];
  const text = lines
    .map(
      ([left, right], i) =>
        `<text x="40" y="${90 + i * 56}">${left}</text>` +
        `<text x="660" y="${90 + i * 56}" text-anchor="end">${right}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="700" height="${140 + lines.length * 56}" font-family="DejaVu Sans" font-size="30"><rect width="100%" height="100%" fill="white"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

describe('photos', () => {
  it('reads a bill photo with OCR, asks before saving, and keeps the photo with the entry', async () => {
    const { phone } = await newUser();
    const reading = await phone.sendFile('image', await billPhoto(), 'image/jpeg', 'groceries');
    expect(reading.text).toBe('📷 Reading your photo…');
    const question = await phone.next('the reading of the photo');
    // The merchant is one of the bill's top lines (the shop's name or its legal name).
    expect(question.text).toMatch(
      /^Receipt from (DMART|Avenue Supermarts Ltd, Thane), .*3 Dec.*: ₹669\.32 · Groceries\?$/,
    );
    expect(question.buttons.map((b) => b.title)).toEqual(['Save', 'Change', 'Cancel']);
    expect(await activeExpenses(phone)).toEqual([]);

    const saved = await phone.tap(question.buttons[0]!, 'button');
    expect(saved.text).toMatch(/₹669\.32 · Groceries/);
    const [expense] = await activeExpenses(phone);
    expect(expense?.amountMinor).toBe(66932n);
    const kept = await app.db.prisma.attachment.findMany({ where: { expenseId: expense!.id } });
    expect(kept.map((a) => a.mimeType)).toEqual(['image/jpeg']);
  }, 60_000);

  it('tells a photo Meta no longer has, and a voice note with no transcriber set up', async () => {
    const { phone } = await newUser();
    const { id, sha256 } = app.simulator.media.add(Buffer.from('old'), 'image/jpeg');
    app.simulator.media.expire(id);
    await phone.send({ media: { type: 'image', id, mimeType: 'image/jpeg', sha256 } });
    expect((await phone.next('the reading notice')).text).toBe('📷 Reading your photo…');
    expect((await phone.next('the failure')).text).toMatch(/^WhatsApp no longer has that photo/);
    const voice = await phone.sendFile('audio', Buffer.from('OggS'), 'audio/ogg; codecs=opus');
    expect(voice.text).toBe('🎙️ Listening to your voice note…');
    expect((await phone.next('the answer')).text).toMatch(/^Voice notes are not set up/);
  });
});
