import { describe, expect, it } from 'vitest';
import { contexts } from '../corpus/contexts.ts';
import { parse } from '../parse.ts';
import { looksLikeBook, readBook } from './read.ts';
import type { ParseContext } from '../types.ts';
import type { BookContext, BookReading } from './types.ts';

const books: BookContext = {
  books: [
    { name: 'Home', members: ['Rahul Sharma', 'Priya'] },
    { name: 'Goa trip', members: ['Rahul Sharma', 'Anand'] },
  ],
  defaultBook: 'Home',
};
const personalDefault: BookContext = { ...books, defaultBook: null };

const read = (text: string, context: BookContext = books) =>
  readBook(text, contexts.india, context);

function entry(text: string, context: BookContext = books) {
  const reading = read(text, context);
  if (reading?.kind !== 'entry') throw new Error(`"${text}" gave ${JSON.stringify(reading)}`);
  return reading;
}

function command(text: string) {
  const reading = read(text);
  if (reading?.kind !== 'command') throw new Error(`"${text}" gave ${reading?.kind ?? 'null'}`);
  return reading.command;
}

describe('readBook: commands', () => {
  it.each([
    ['new book Home', { type: 'createBook', name: 'Home' }],
    ['create book Goa trip', { type: 'createBook', name: 'Goa trip' }],
    ['new shared book Flat 302', { type: 'createBook', name: 'Flat 302' }],
    ['use flat 302', { type: 'useBook', book: 'flat 302' }],
    ['add +919812300000 to home', { type: 'inviteMember', phone: '+919812300000', book: 'home' }],
    [
      'add +91 98123 00000 to Goa trip',
      { type: 'inviteMember', phone: '+919812300000', book: 'Goa trip' },
    ],
    [
      'invite 98123-00000 to the home book',
      { type: 'inviteMember', phone: '+919812300000', book: 'home' },
    ],
    ['add 9812300000', { type: 'inviteMember', phone: '+919812300000', book: null }],
    ['add +1 415 555 0100 to goa', { type: 'inviteMember', phone: '+14155550100', book: 'goa' }],
    ['join home', { type: 'joinBook', book: 'home' }],
    ['Join Goa Trip!', { type: 'joinBook', book: 'Goa Trip' }],
    ['use home', { type: 'useBook', book: 'home' }],
    ['use personal', { type: 'useBook', book: null }],
    ['switch to goa trip', { type: 'useBook', book: 'goa trip' }],
    ['balances', { type: 'balances', book: null }],
    ['show my balances', { type: 'balances', book: null }],
    ['who owes', { type: 'balances', book: null }],
    ['who owes what?', { type: 'balances', book: null }],
    ['balances home', { type: 'balances', book: 'home' }],
    ['who owes in goa trip', { type: 'balances', book: 'goa trip' }],
    ['leave home', { type: 'leaveBook', book: 'home' }],
    ['books', { type: 'listBooks' }],
    ['notify home', { type: 'notifyBook', book: 'home', on: true }],
    ['notify goa trip off', { type: 'notifyBook', book: 'goa trip', on: false }],
    ['mute home', { type: 'notifyBook', book: 'home', on: false }],
    ['my books', { type: 'listBooks' }],
  ])('reads "%s"', (text, expected) => {
    expect(command(text)).toEqual(expected);
  });

  it.each([
    ['settled 400 with rahul', 'rahul', 40_000n, null, null],
    ['settled 12.50 usd with Priya in goa trip', 'Priya', 1_250n, null, 'goa trip'],
    ['settled up with rahul', 'rahul', null, null, null],
    ['rahul paid me 400', 'rahul', 40_000n, 'toMe', null],
    ['Rahul Sharma paid me ₹400 in home', 'Rahul Sharma', 40_000n, 'toMe', 'home'],
  ])('reads the settlement "%s"', (text, member, amountMinor, direction, book) => {
    expect(command(text)).toMatchObject({ type: 'settle', member, amountMinor, direction, book });
  });

  it('keeps the currency a settlement names, else the person’s own', () => {
    expect(command('settled 20 eur with rahul')).toMatchObject({ currency: 'EUR' });
    expect(command('settled 20 with rahul')).toMatchObject({ currency: 'INR' });
  });

  it.each([
    ['new book', 'book_name'],
    ['new book ' + 'x'.repeat(41), 'book_name'],
    ['add +91 12345 67890 to home', 'phone'],
    ['add 0000000000 to home', 'phone'],
    ['settled lots with rahul', 'amount'],
  ])('explains what is wrong with "%s"', (text, reason) => {
    expect(read(text)).toMatchObject({ kind: 'unknown', reason });
  });

  it.each([
    'add 500 to rent',
    'use',
    'join',
    'leave',
    'new phone 20000',
    'paid 500 rent',
    'new book 450',
    'new book for 300 rs',
    'use 500 coupon',
  ])('leaves "%s" to the ordinary parser', (text) => {
    expect(read(text)).toBeNull();
  });
});

describe('readBook: commands in other languages', () => {
  const other = (text: string, context: ParseContext) => readBook(text, context, books);

  it.each([
    ['novo livro Casa', contexts.brazil, { type: 'createBook', name: 'Casa' }],
    ['nuevo libro Casa', contexts.mexico, { type: 'createBook', name: 'Casa' }],
    ['buku baru Rumah', contexts.indonesia, { type: 'createBook', name: 'Rumah' }],
    ['नई बही घर', contexts.hindi, { type: 'createBook', name: 'घर' }],
    ['नई किताब घर बनाओ', contexts.hindi, { type: 'createBook', name: 'घर' }],
    ['nayi bahi Ghar', contexts.india, { type: 'createBook', name: 'Ghar' }],
    ['saldos', contexts.brazil, { type: 'balances', book: null }],
    ['saldos casa', contexts.mexico, { type: 'balances', book: 'casa' }],
    ['saldo', contexts.indonesia, { type: 'balances', book: null }],
    ['बकाया', contexts.hindi, { type: 'balances', book: null }],
    ['usar casa', contexts.brazil, { type: 'useBook', book: 'casa' }],
    ['usar pessoal', contexts.brazil, { type: 'useBook', book: null }],
    ['usar personal', contexts.mexico, { type: 'useBook', book: null }],
    ['pakai rumah', contexts.indonesia, { type: 'useBook', book: 'rumah' }],
    ['pakai pribadi', contexts.indonesia, { type: 'useBook', book: null }],
    ['घर चुनो', contexts.hindi, { type: 'useBook', book: 'घर' }],
    ['निजी चुनो', contexts.hindi, { type: 'useBook', book: null }],
    [
      'adicionar +5511987654321 em casa',
      contexts.brazil,
      { type: 'inviteMember', phone: '+5511987654321', book: 'casa' },
    ],
    [
      'agregar +52 1 55 1234 5678 a casa',
      contexts.mexico,
      { type: 'inviteMember', phone: '+5215512345678', book: 'casa' },
    ],
    [
      'tambah +6281234567890 ke rumah',
      contexts.indonesia,
      { type: 'inviteMember', phone: '+6281234567890', book: 'rumah' },
    ],
    [
      '+919812300000 को घर में जोड़ो',
      contexts.hindi,
      { type: 'inviteMember', phone: '+919812300000', book: 'घर' },
    ],
    // The same verb typed with its dotted letter as one character.
    [
      '+919812300000 को घर में जो\u095cो',
      contexts.hindi,
      { type: 'inviteMember', phone: '+919812300000', book: 'घर' },
    ],
    ['entrar casa', contexts.brazil, { type: 'joinBook', book: 'casa' }],
    ['entrar no casa', contexts.brazil, { type: 'joinBook', book: 'casa' }],
    ['unirme a casa', contexts.mexico, { type: 'joinBook', book: 'casa' }],
    ['gabung rumah', contexts.indonesia, { type: 'joinBook', book: 'rumah' }],
    ['घर में शामिल', contexts.hindi, { type: 'joinBook', book: 'घर' }],
    ['ghar mein shamil ho', contexts.india, { type: 'joinBook', book: 'ghar' }],
    ['avisar casa', contexts.brazil, { type: 'notifyBook', book: 'casa', on: true }],
    ['silenciar casa', contexts.mexico, { type: 'notifyBook', book: 'casa', on: false }],
    ['kabari rumah', contexts.indonesia, { type: 'notifyBook', book: 'rumah', on: true }],
    ['घर की सूचना बंद', contexts.hindi, { type: 'notifyBook', book: 'घर', on: false }],
  ] as const)('reads "%s"', (text, context, expected) => {
    expect(other(text, context)).toEqual({ kind: 'command', command: expected });
  });

  it.each([
    ['acertei 400 com rahul', contexts.brazil, 'rahul', 40_000n],
    ['saldé 400 con Rahul', contexts.mexico, 'Rahul', 40_000n],
    ['lunas 50000 dengan rahul', contexts.indonesia, 'rahul', 50_000n],
    ['राहुल को 400 चुकाए', contexts.hindi, 'राहुल', 40_000n],
    ['rahul ko 400 chukaye', contexts.india, 'rahul', 40_000n],
    ['rahul ke saath hisab chukta', contexts.india, 'rahul', null],
    // As the replies write an amount owed: "acertei ₹ 400,00 com rahul".
    ['acertei ₹\u00a0400,00 com rahul', contexts.brazil, 'rahul', 40_000n],
    ['saldé INR\u00a0400.00 con rahul', contexts.mexico, 'rahul', 40_000n],
    ['lunas Rp\u00a050.000 dengan rahul', contexts.indonesia, 'rahul', 50_000n],
    ['राहुल को ₹400.00 चुकाए', contexts.hindi, 'राहुल', 40_000n],
  ] as const)('reads the settlement "%s"', (text, context, member, amountMinor) => {
    expect(other(text, context)).toMatchObject({
      kind: 'command',
      command: { type: 'settle', member, amountMinor },
    });
  });

  it.each([
    ['acertei 400 com rahul em casa', contexts.brazil, 'rahul', 'casa'],
    ['saldé 400 con rahul en casa', contexts.mexico, 'rahul', 'casa'],
    ['lunas 50000 dengan rahul di rumah', contexts.indonesia, 'rahul', 'rumah'],
    ['घर में राहुल को 400 चुकाए', contexts.hindi, 'राहुल', 'घर'],
  ] as const)('reads the book of the settlement "%s"', (text, context, member, book) => {
    expect(other(text, context)).toMatchObject({
      kind: 'command',
      command: { type: 'settle', member, book },
    });
  });

  it.each([
    ['1200 jantar dividir com rahul e priya', contexts.brazil],
    ['1200 cena dividir con rahul y priya', contexts.mexico],
    ['120000 makan bagi dengan rahul dan priya', contexts.indonesia],
    ['1200 खाना राहुल और प्रिया के साथ बाँटो', contexts.hindi],
    ['1200 dinner rahul aur priya ke saath baanto', contexts.india],
  ] as const)('splits "%s" with the sender and two others', (text, context) => {
    const reading = other(text, context);
    if (reading?.kind !== 'entry') throw new Error(`"${text}" gave ${reading?.kind ?? 'null'}`);
    expect(reading.split?.parts.map((p) => p.member)).toEqual([
      null,
      expect.stringMatching(/^(rahul|राहुल)$/),
      expect.stringMatching(/^(priya|प्रिया)$/),
    ]);
    expect(reading.result).toMatchObject({
      kind: 'expenses',
      expenses: [{ amountMinor: expect.any(BigInt) }],
    });
    if (reading.result.kind === 'expenses')
      expect(reading.result.expenses[0]!.note).not.toMatch(/rahul|राहुल/);
  });

  it.each([
    ['3000 hotel dividir 2:1 com rahul', contexts.brazil],
    ['3000 hotel dividir 2:1 con rahul', contexts.mexico],
    ['300000 hotel bagi 2:1 dengan rahul', contexts.indonesia],
    ['3000 होटल राहुल के साथ 2:1 बाँटो', contexts.hindi],
  ] as const)('reads the ratio of "%s", the sender first', (text, context) => {
    expect(other(text, context)).toMatchObject({
      kind: 'entry',
      split: { how: 'ratio', parts: [{ member: null, weight: 2 }, { weight: 1 }] },
    });
  });

  it.each([
    ['paguei 500 para priya', contexts.brazil],
    ['pagué 500 por priya', contexts.mexico],
    ['bayar 50000 untuk priya', contexts.indonesia],
    ['priya के लिए 500 दिए', contexts.hindi],
    ['priya ke liye 500 diye', contexts.india],
  ] as const)('gives the whole of "%s" to the member', (text, context) => {
    expect(other(text, context)).toMatchObject({
      kind: 'entry',
      split: { how: 'for', parts: [{ member: 'priya', weight: 1 }] },
    });
  });

  it.each([
    ['saldo 500', contexts.brazil],
    ['isi saldo 50000', contexts.indonesia],
    ['saldo 50000 gopay', contexts.indonesia],
    ['pakai gopay 50000', contexts.indonesia],
    ['buat buku tulis 5000', contexts.indonesia],
    ['novo livro 45', contexts.brazil],
    ['livros 89', contexts.brazil],
    ['हिसाब', contexts.hindi],
    ['rahul ko 400 diye', contexts.india],
    ['adicionar 500 em casa', contexts.brazil],
    ['entrar no cinema 30', contexts.brazil],
    ['agregar 50 a la cuenta', contexts.mexico],
    ['tambah pulsa 50000', contexts.indonesia],
    ['hadiah bagi ibu 50000', contexts.indonesia],
    ['bayar listrik 200000', contexts.indonesia],
    ['gabung 50000', contexts.indonesia],
    ['paguei 500 para almoço', contexts.brazil],
    ['pagué 300 por la cena', contexts.mexico],
    ['bayar 50000 untuk listrik', contexts.indonesia],
    ['दवाई के लिए 500 दिए', contexts.hindi],
    ['bijli ke liye 900 diye', contexts.india],
    ['avisar 30', contexts.brazil],
    ['500 जोड़ो', contexts.hindi],
    ['पंखा बंद 500', contexts.hindi],
    ['दवाई के साथ 200', contexts.hindi],
  ] as const)('leaves "%s" to the ordinary parser', (text, context) => {
    expect(other(text, context)).toBeNull();
  });
});

describe('readBook: the book of an entry', () => {
  it('takes the book a prefix names and reads the rest as usual', () => {
    const reading = entry('home: 1200 groceries');
    expect(reading.book).toEqual({ kind: 'book', name: 'Home' });
    expect(reading.split).toBeNull();
    expect(reading.result).toEqual(parse('1200 groceries', contexts.india));
  });

  it.each([
    ['Goa Trip: 3000 hotel', 'Goa trip', '3000 hotel'],
    ['#goa 3000 hotel', 'Goa trip', '3000 hotel'],
    ['#goatrip 3000 hotel', 'Goa trip', '3000 hotel'],
    ['3000 hotel #goa', 'Goa trip', '3000 hotel'],
    ['#HOME 200 milk, 50 bread', 'Home', '200 milk, 50 bread'],
  ])('reads "%s" into %s', (text, name, rest) => {
    const reading = entry(text);
    expect(reading.book).toEqual({ kind: 'book', name });
    expect(reading.result).toEqual(parse(rest, contexts.india));
  });

  it('aims an entry at the personal book by name', () => {
    expect(entry('personal: 300 haircut').book).toEqual({ kind: 'personal' });
  });

  it.each([
    '12:30 lunch 200',
    'lunch: 200',
    'note: 300 fuel',
    '#food 200 lunch',
    'time 10:30 taxi 250',
  ])('leaves "%s", whose colon or hashtag names no book, to the ordinary parser', (text) => {
    expect(read(text)).toBeNull();
  });
});

describe('readBook: splits', () => {
  it('splits equally with the sender by default', () => {
    const reading = entry('1200 dinner split with rahul and priya');
    expect(reading.book).toEqual({ kind: 'default' });
    expect(reading.split).toEqual({
      how: 'equal',
      parts: [
        { member: null, weight: 1 },
        { member: 'rahul', weight: 1 },
        { member: 'priya', weight: 1 },
      ],
    });
    expect(reading.result).toMatchObject({
      kind: 'expenses',
      expenses: [{ amountMinor: 120_000n, note: 'dinner' }],
    });
  });

  it('places the sender where the list names them, once', () => {
    expect(entry('1200 dinner split with rahul, priya and me').split?.parts).toEqual([
      { member: 'rahul', weight: 1 },
      { member: 'priya', weight: 1 },
      { member: null, weight: 1 },
    ]);
  });

  it('leaves the sender out of a split "between" others', () => {
    expect(entry('600 cab split between rahul and priya').split?.parts).toEqual([
      { member: 'rahul', weight: 1 },
      { member: 'priya', weight: 1 },
    ]);
  });

  it('reads a ratio with the sender’s weight first', () => {
    expect(entry('3000 hotel split 2:1 with rahul').split).toEqual({
      how: 'ratio',
      parts: [
        { member: null, weight: 2 },
        { member: 'rahul', weight: 1 },
      ],
    });
    expect(entry('goa: 3000 hotel split with rahul and anand 2:1:1').split?.parts).toEqual([
      { member: null, weight: 2 },
      { member: 'rahul', weight: 1 },
      { member: 'anand', weight: 1 },
    ]);
  });

  it('gives the whole amount to the member it was paid for', () => {
    const reading = entry('paid 500 for priya');
    expect(reading.split).toEqual({ how: 'for', parts: [{ member: 'priya', weight: 1 }] });
    expect(reading.result).toMatchObject({
      kind: 'expenses',
      expenses: [{ amountMinor: 50_000n }],
    });
    expect(entry('#goa paid 800 for anand').split?.parts).toEqual([{ member: 'anand', weight: 1 }]);
  });

  it.each([
    ['paid 500 for lunch', books],
    ['paid 500 for priya', personalDefault],
    ['paid 500 for priya and me', books],
    ['#goa paid 500 for priya', books],
  ])('keeps "%s" an ordinary expense when no member alone is named', (text, context) => {
    const reading = read(text, context);
    expect(reading === null || (reading.kind === 'entry' && reading.split === null)).toBe(true);
  });

  it.each(['1200 banana split', 'banana split 200', 'split pea soup 90'])(
    'reads "%s", which shares with nobody, as an ordinary expense',
    (text) => {
      expect(read(text)).toBeNull();
    },
  );

  it.each([
    ['300 tea split with', 'split'],
    ['300 tea split with 42', 'split'],
    ['300 tea split with me', 'split'],
    ['3000 hotel split 2:1 with rahul and priya', 'split_ratio'],
    ['3000 hotel split 0:1 with rahul', 'split_ratio'],
    ['50 tea, 30 biscuit split with rahul', 'split_many'],
  ])('explains what is wrong with "%s"', (text, reason) => {
    expect(read(text)).toMatchObject({ kind: 'unknown', reason });
  });
});

describe('looksLikeBook', () => {
  it.each(['120 petrol', 'spent 250 on lunch yesterday', 'today', 'edit last 150'])(
    'lets "%s" through without a second look',
    (text) => {
      expect(looksLikeBook(text)).toBe(false);
    },
  );

  it('never throws and is null for anything without a sign of books', () => {
    const inputs = ['', ' ', ':', '#', '::::', '#'.repeat(20_000), 'split', 'a'.repeat(17_000)];
    for (const text of inputs) {
      const reading: BookReading | null = read(text);
      expect(reading === null || typeof reading.kind === 'string').toBe(true);
    }
  });
});
