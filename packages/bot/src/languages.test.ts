// The chat in each language it speaks, through the runtime against a real database: the
// user's locale picks the words, and a language command switches them mid-chat.
import { startOtpChallenge } from '@spendline/auth';
import type { Database } from '@spendline/db';
import { describeRecurrence, formatMoney, type Recurrence } from '@spendline/ledger';
import { LIMITS } from '@spendline/whatsapp';
import { afterEach, describe, expect, it } from 'vitest';
import { alertRepliesFor } from './alert-replies.ts';
import { bookReplies } from './book-replies.ts';
import { reminderText } from './digests.ts';
import { repliesFor } from './replies.ts';
import { handleInbound, openTestChat, type TestChat } from './test-chat.ts';

let chat: TestChat | undefined;
let sequence = 0;
/** 24 November 2026, a minute later each message. */
const at = () => new Date(Date.UTC(2026, 10, 24, 6, ++sequence % 60));

/** Asha's chat in `locale`, with `say` sending a message a minute after the last. */
async function open(locale: string) {
  const opened = await openTestChat({ locale });
  chat = opened;
  return {
    say: (text: string) => opened.say(text, at()),
    db: opened.db,
    userId: opened.userId,
  };
}

afterEach(async () => {
  await chat?.db.close();
  chat = undefined;
});

describe('replies in the user’s language', () => {
  it('pt-BR: saves, totals with Brazilian numbers, undoes and helps in Portuguese', async () => {
    const { say } = await open('pt-BR');
    const saved = await say('50 almoço');
    expect(saved).toContain('✅ ₹\u00a050,00 · Alimentação');
    expect(saved).toContain('Hoje até agora: ₹\u00a050,00');
    expect(await say('desfazer')).toBe('↩️ Removido: ₹\u00a050,00 · Alimentação.');
    expect(await say('desfazer')).toBe('Não há nada para desfazer.');
    expect(await say('ajuda')).toMatch(/^\*Registrar\*: "120 gasolina" ou /);
    expect(await say('categories')).toMatch(/^\*Suas categorias\*\n.*Alimentação/);
  });

  it('es-MX: confirms and reports today in Spanish', async () => {
    const { say } = await open('es-MX');
    // The user's currency stays rupees; Mexican Spanish writes it INR.
    expect(await say('120 gasolina')).toContain('Hoy hasta ahora: INR\u00a0120.00');
    expect(await say('hoy')).toMatch(/^\*Hoy\*: INR\u00a0120\.00/);
    expect(await say('purple elephant')).toMatch(/^🤔 No entendí "purple elephant"\./);
  });

  it('id-ID: confirms in Indonesian and lists no budgets', async () => {
    const { say } = await open('id-ID');
    expect(await say('35000 makan siang')).toContain('Hari ini sejauh ini:');
    expect(await say('budget')).toMatch(/^Belum ada anggaran\./);
  });

  it('hi-IN: confirms in Devanagari with Indian grouping', async () => {
    const { say } = await open('hi-IN');
    const saved = await say('150000 rent');
    expect(saved).toContain('किराया');
    expect(saved).toContain('आज अब तक: ₹1,50,000.00');
    expect(await say('undo')).toMatch(/^↩️ हटा दिया:/);
    // The help's own word for it.
    await say('250 चाय');
    expect(await say('हटाओ')).toBe('↩️ हटा दिया: ₹250.00 · खाना।');
  });
});

describe('answers to questions', () => {
  it('pt-BR: names the period and compares it in Portuguese', async () => {
    const { say } = await open('pt-BR');
    await say('50 almoço');
    expect(await say('quanto gastei com alimentação?')).toBe(
      '*Alimentação · este mês*: ₹\u00a050,00 (1 lançamento)\nNada no mês anterior.\n' +
        '_Mande "mostrar" para ver os lançamentos._',
    );
  });

  // The word an answer suggests for its entries is the chat's own, and the parser reads it.
  it.each([
    ['pt-BR', '50 almoço', 'quanto gastei com alimentação?'],
    ['es-MX', '50 almuerzo', '¿cuánto gasté en comida?'],
    ['id-ID', '50 makan siang', 'berapa untuk makanan bulan ini?'],
    ['hi-IN', '50 खाना', 'इस महीने खाने पर कितना खर्च हुआ?'],
  ])(
    '%s: the word for the entries behind an answer lists them',
    async (locale, expense, question) => {
      const { say } = await open(locale);
      const { t } = repliesFor(locale);
      await say(expense);
      expect(await say(question)).toContain(t('answerShowThem'));
      const [, word] = /"([^"]+)"/.exec(t('answerShowThem'))!;
      expect(word).not.toBe('show them');
      const shown = await say(word!);
      expect(shown).not.toContain('🤔');
      expect(shown).toContain('50');
    },
  );

  // The question suggested when one was not understood is in the chat's language, and is
  // one the parser reads: sent back, it is answered.
  it.each(['pt-BR', 'es-MX', 'id-ID', 'hi-IN'])(
    '%s: suggests a question in its own words',
    async (locale) => {
      const { say } = await open(locale);
      const example = repliesFor(locale).t('questionExample');
      const help = await say('more');
      expect(help).toContain(`"${example}"`);
      expect(help).not.toContain('how much');
      const answered = await say(example);
      expect(answered).not.toContain('🤔');
    },
  );
});

describe('commands the chat suggests', () => {
  // Each language's hints show its own budget word, which the parser reads: sending a
  // hint's example back sets that budget instead of saving an expense.
  it.each(['pt-BR', 'es-MX', 'id-ID', 'hi-IN'])(
    '%s: the budget examples set budgets',
    async (locale) => {
      const { say, db, userId } = await open(locale);
      const { t } = repliesFor(locale);
      const examples = [t('noBudgets'), t('budgetHint')].flatMap((hint) =>
        [...hint.matchAll(/"([^"]+)"/g)].map((match) => match[1]!),
      );
      expect(examples).toHaveLength(3);
      // "orçamento" alone, as the help lists it, shows the budgets: none yet.
      expect(await say(examples[0]!.split(' ')[0]!)).toBe(t('noBudgets'));
      for (const example of examples) {
        expect(example).not.toMatch(/budget/);
        expect(await say(example), example).toMatch(/^✅ /);
      }
      expect(await db.prisma.expense.count({ where: { userId } })).toBe(0);
      expect(await db.prisma.budget.count({ where: { userId } })).toBe(2);
    },
  );

  // The category words the hints show are the language's own, and the parser reads them.
  it.each([
    ['pt-BR', 'Alimentação'],
    ['es-MX', 'Comida'],
    ['id-ID', 'Makanan'],
    ['hi-IN', 'खाना'],
  ])('%s: the category examples show categories', async (locale, food) => {
    const { say } = await open(locale);
    const { t } = repliesFor(locale);
    const quoted = (text: string) => [...text.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
    const [, list] = quoted(t('noSuchCategory', { word: 'x' }));
    const [one] = quoted(t('categoryWhich', { example: food }));
    expect(list).not.toMatch(/categor(y|ies)/);
    const categories = await say(list!);
    expect(categories.startsWith(`${t('categoriesTitle')}\n`)).toBe(true);
    expect(categories).toContain(food);
    await say(`50 ${food}`);
    const shown = await say(one!);
    expect(shown).toContain(food);
    expect(shown).not.toContain(t('categoryWhich', { example: food }));
  });

  it.each(['pt-BR', 'es-MX', 'id-ID', 'hi-IN'])(
    '%s: the digests say how to stop them in the language’s words',
    async (locale) => {
      const { say } = await open(locale);
      const { t } = repliesFor(locale);
      const [stop] = [...t('digestStop').matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
      expect(stop).not.toMatch(/digests/);
      // Read as the stop command: this user gets none, so it says so.
      expect(await say(stop!)).toBe(t('noDigests'));
    },
  );

  // The help's line for fixing entries: undo, delete the last, edit the last.
  it.each([
    ['pt-BR', 'Alimentação'],
    ['es-MX', 'Comida'],
    ['id-ID', 'Makanan'],
    ['hi-IN', 'खाना'],
  ])('%s: the help’s fixing commands work as written', async (locale, food) => {
    const { say, db, userId } = await open(locale);
    const { t } = repliesFor(locale);
    const line = t('help', { examples: '', dashboardUrl: '' }).split('\n')[2]!;
    const [, remove, change] = line.slice(line.indexOf(': ') + 2).split(' · ');
    expect(`${remove} ${change}`).not.toMatch(/delete last|edit last/);
    const amounts = () =>
      db.prisma.expense.findMany({
        where: { userId, deletedAt: null },
        orderBy: { createdAt: 'asc' },
      });
    await say('40 taxi');
    await say('60 taxi');
    await say(change!);
    expect((await amounts()).map((e) => e.amountMinor)).toEqual([4000n, 15000n]);
    const [example] = [
      ...t('whichCategory', { word: 'x', names: 'y', example: food }).matchAll(/"([^"]+)"/g),
    ]
      .map((match) => match[1]!)
      .slice(-1);
    await say(example!);
    const [, edited] = await amounts();
    const category = await db.prisma.category.findUniqueOrThrow({
      where: { id: edited!.categoryId! },
    });
    expect(category.name).toBe(food);
    await say(remove!);
    expect((await amounts()).map((e) => e.amountMinor)).toEqual([4000n]);
  });

  it.each([
    ['pt-BR', /^últimos \d+$/],
    ['es-MX', /^últimos \d+$/],
    ['id-ID', /^\d+ terakhir$/],
    ['hi-IN', /^आखिरी \d+$/],
  ])('%s: the help’s last entries are listed, not saved', async (locale, asked) => {
    const { say, db, userId } = await open(locale);
    const { t } = repliesFor(locale);
    const asks = t('help', { examples: '', dashboardUrl: '' }).split('\n')[1]!.split(' · ');
    const latest = asks.at(-1)!;
    expect(latest).toMatch(asked);
    await say('40 taxi');
    const listed = await say(latest);
    expect(listed).toContain('40');
    expect(await db.prisma.expense.count({ where: { userId } })).toBe(1);
  });
});

// The help's repeating and sharing lines, in each language's words: every example sent
// back does what it says instead of being saved as an expense.
describe('the help’s repeating and sharing examples', () => {
  const items = (line: string) => line.slice(line.indexOf(': ') + 2).split(' · ');

  it.each(['pt-BR', 'es-MX', 'id-ID', 'hi-IN'])(
    '%s: repeating examples set rules',
    async (locale) => {
      const { say, db, userId } = await open(locale);
      const { t } = repliesFor(locale);
      const [monthly, weekly] = items(
        t('help', { examples: '', dashboardUrl: '' }).split('\n')[4]!,
      );
      const [never] = [...t('recurringNever').matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
      for (const example of [monthly!, weekly!, never!]) {
        expect(example).not.toMatch(/every|\brent\b/);
        expect(await say(example), example).toMatch(/^🔁 /);
      }
      expect(await db.prisma.recurringExpense.count({ where: { userId } })).toBe(3);
      expect(await db.prisma.expense.count({ where: { userId } })).toBe(0);
    },
  );

  it.each(['pt-BR', 'es-MX', 'id-ID', 'hi-IN'])(
    '%s: sharing examples create, invite, add to, split in, use, balance and settle books',
    async (locale) => {
      const { say, db, userId } = await open(locale);
      const answer = bookReplies(locale);
      const share = items(
        repliesFor(locale).t('help', { examples: '', dashboardUrl: '' }).split('\n')[5]!,
      );
      const [create, invite, entry, split, use, balances, settled] = share;
      expect(share.join(' · ')).not.toMatch(
        /\b(book|add|to|use|balances|split|with|and|settled|dinner)\b/,
      );
      const book = create!.split(' ').at(-1)!;
      expect(await say(create!)).toBe(answer('created', { book }));
      expect(await say(invite!)).toMatch(/^📨 /);
      expect(await say(entry!)).toContain(`📒 ${book} · `);
      expect(await say(use!)).toBe(answer('usingBook', { book }));
      // Rahul and Priya are not in the book yet: the split is refused, naming it.
      expect(await say(split!)).toMatch(new RegExp(`^\\*${book}\\* `));
      expect(await say(balances!)).toBe(answer('allSettled', { book }));
      const member = settled!.split(' ').find((word) => /^(rahul|राहुल)$/.test(word))!;
      expect(await say(settled!)).toBe(answer('noSuchMember', { name: member }));
      // Only the entry written to the book is saved.
      expect(await db.prisma.expense.count({ where: { userId } })).toBe(1);
    },
  );
});

// The book replies quote commands in the reader's words; each sent back does what it says.
describe('the book replies’ examples', () => {
  const quoted = (text: string) => [...text.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);

  it.each(['pt-BR', 'es-MX', 'id-ID', 'hi-IN'])(
    '%s: create, invite, add to, use, notify, split, settle and join as written',
    async (locale) => {
      const { say, db, userId } = await open(locale);
      const answer = bookReplies(locale);
      const examples: string[] = [];
      const send = (text: string) => {
        examples.push(text);
        return say(text);
      };
      const [create, inviteHome] = quoted(answer('noBooks'));
      const book = create!.split(' ').at(-1)!;
      expect(await send(create!)).toBe(answer('created', { book }));
      const [invite, entry, use] = quoted(answer('created', { book }));
      expect(await send(invite!)).toMatch(/^📨 /);
      expect(await send(inviteHome!)).toBe(
        answer('alreadyInvited', { phone: '+919812300000', book }),
      );
      expect(await send(entry!)).toContain(`📒 ${book} · `);
      expect(await send(use!)).toBe(answer('usingBook', { book }));
      const [, balances, notify] = quoted(answer('joined', { book }));
      expect(await send(balances!)).toBe(answer('allSettled', { book }));
      expect(await send(notify!)).toBe(answer('notifyOn', { book }));
      const [mute] = quoted(answer('notifyOn', { book }));
      expect(await send(mute!)).toBe(answer('notifyOff', { book }));
      const [split, ratio] = quoted(answer('splitUsage'));
      const [inBook] = quoted(answer('splitNeedsBook'));
      for (const text of [split!, ratio!, inBook!]) {
        expect(await send(text), text).toMatch(new RegExp(`^\\*${book}\\* `));
      }
      const [settle] = quoted(answer('settleAmount'));
      const [settleIn] = quoted(answer('whichBook', { name: 'rahul', books: book, book }));
      for (const text of [settle!, settleIn!]) {
        expect(await send(text), text).toMatch(/"(rahul|राहुल)"/);
      }
      const [join] = quoted(answer('invitation', { inviter: 'Bia', book: 'Goa' }));
      expect(await send(join!)).toBe(answer('noInvitation', { name: 'Goa' }));
      const [personal] = quoted(answer('usingBook', { book }));
      expect(await send(personal!)).toBe(answer('usingPersonal'));
      expect(examples.join(' · ')).not.toMatch(
        /\b(book|add|to|use|join|balances|notify|mute|split|with|settled)\b/,
      );
      // Only the entry the example adds to the book is saved.
      expect(await db.prisma.expense.count({ where: { userId } })).toBe(1);
    },
  );
});

describe('the language command', () => {
  it('switches an English chat to Portuguese, stores the locale and answers in it', async () => {
    const { say, db, userId } = await open('en-IN');
    expect(await say('idioma português')).toBe(
      'Pronto: a partir de agora falo português com você.',
    );
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.locale).toBe('pt-BR');
    expect(await say('20 tea')).toContain('Hoje até agora: ₹\u00a020,00');
    expect(await say('language english')).toBe("Done: I'll speak English from now on.");
    expect(await say('30 coffee')).toContain('Today so far:');
  });

  it('takes Hindi in Devanagari and Indonesian', async () => {
    const { say } = await open('en-IN');
    expect(await say('भाषा हिंदी')).toBe('ठीक है, अब से मैं आपसे हिंदी में बात करूँगा।');
    expect(await say('bahasa indonesia')).toBe('Oke, mulai sekarang saya pakai bahasa Indonesia.');
  });
});

describe('a number with no account', () => {
  async function greet(text: string): Promise<string> {
    const { db } = await open('en-IN');
    return stranger(db, text);
  }

  /** What the bot answers `text` from a number no account has. */
  async function stranger(db: Database, text: string): Promise<string> {
    const phone = `+55119${String(++sequence).padStart(8, '0')}`;
    const conversation = await db.prisma.conversation.create({
      data: { waKey: phone, phoneNumber: phone },
    });
    const message = await db.prisma.inboundMessage.create({
      data: {
        waMessageId: `wamid.stranger${sequence}`,
        conversationId: conversation.id,
        phoneNumberId: '1',
        type: 'text',
        payload: { sender: { phoneNumber: phone }, content: { kind: 'text', body: text } },
        sentAt: at(),
      },
    });
    await handleInbound(db, message);
    const reply = await db.prisma.outboundMessage.findFirstOrThrow({
      where: { conversationId: conversation.id },
    });
    return (reply.payload as { text: { body: string } }).text.body;
  }

  it('welcomes a linked number in the language of the account it joins', async () => {
    const { db } = await open('en-IN');
    const bia = await db.prisma.user.create({
      data: { email: 'bia@example.com', displayName: 'Bia', locale: 'pt-BR' },
    });
    const issued = await startOtpChallenge(db.prisma, {
      userId: bia.id,
      purpose: 'LINK_CODE',
      secretKey: 'test-secret-key-of-enough-length',
      now: at(),
    });
    if (!issued.ok) throw new Error('no link code');
    expect(await stranger(db, `LINK ${issued.code}`)).toBe(
      'Oi, Bia! 🎉 Este número agora está vinculado à sua conta do Spendline.\n' +
        'Experimente "120 gasolina" ou "gastei 250 no almoço ontem".',
    );
  });

  it.each([
    ['Olá, tudo bem?', /^Olá! Eu sou o Spendline/],
    ['hola, gasté 200 ayer', /^¡Hola! Soy Spendline/],
    ['halo, makan siang 35000', /^Halo! Saya Spendline/],
    ['नमस्ते', /^नमस्ते! मैं Spendline हूँ/],
    ['hello', /^Hi! I'm Spendline/],
  ])('greets "%s" in its language', async (text, greeting) => {
    expect(await greet(text)).toMatch(greeting);
  });
});

it('keeps every button and list button within WhatsApp’s limits in each language', () => {
  const currencies: [tag: string, currency: string][] = [
    ['en-IN', 'INR'],
    ['pt-BR', 'BRL'],
    ['es-MX', 'MXN'],
    ['id-ID', 'IDR'],
    ['hi-IN', 'INR'],
  ];
  for (const [tag, currency] of currencies) {
    const replies = repliesFor(tag);
    const alerts = alertRepliesFor(tag);
    // A large bank alert: tens of millions (of rupiah, or paise of lakhs of rupees).
    const amount = formatMoney(12_345_678_00n, currency, tag);
    const buttons = [
      replies.yes,
      replies.no,
      replies.undoButton,
      replies.moreButton,
      alerts.save,
      alerts.change,
      alerts.cancel,
      alerts.keep(amount),
    ];
    for (const title of buttons)
      expect(title.length, `${tag}: ${title}`).toBeLessThanOrEqual(LIMITS.buttonTitle);
    expect(replies.categoryButton.length).toBeLessThanOrEqual(LIMITS.listButtonText);
  }
});

describe('words sent without a question', () => {
  it('words the evening reminder in the user’s language', () => {
    expect(reminderText('es-MX')).toBe(
      '📝 Nada registrado hoy. ¿Gastaste algo? Mándalo así: "120 gasolina". ' +
        'Manda "detener resúmenes" para dejar de recibirlos.',
    );
  });

  it('describes recurring rules with the language’s plurals and ordinals', () => {
    const monthly: Recurrence = {
      frequency: 'MONTHLY',
      interval: 1,
      dayOfMonth: 1,
      startsOn: '2026-11-24',
    };
    expect(describeRecurrence({ ...monthly }, 'en-IN')).toBe('every month on the 1st');
    expect(describeRecurrence({ ...monthly, interval: 3, dayOfMonth: 22 }, 'en-IN')).toBe(
      'every 3 months on the 22nd',
    );
    expect(describeRecurrence({ ...monthly }, 'pt-BR')).toBe('todo mês no dia 1');
    const weekly: Recurrence = {
      frequency: 'WEEKLY',
      interval: 2,
      dayOfWeek: 1,
      startsOn: '2026-11-24',
    };
    expect(describeRecurrence({ ...weekly }, 'es-MX')).toBe('cada 2 semanas, el lunes');
    expect(describeRecurrence({ ...weekly, interval: 1 }, 'hi-IN')).toBe('हर हफ़्ते सोमवार को');
  });
});
