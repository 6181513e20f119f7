// Portuguese, Spanish, Indonesian and Hindi users through many flows: no sentence of the English
// catalog may reach them (commands they type may be English; the answers may not).
import { readFileSync } from 'node:fs';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { afterEach, expect, it } from 'vitest';
import { openTestChat, type TestChat } from './test-chat.ts';

let chat: TestChat | undefined;
afterEach(async () => {
  await chat?.db.close();
  chat = undefined;
});

/** The literal runs of English chat messages with more than three words. */
function englishPhrases(): string[] {
  const english = JSON.parse(
    readFileSync(new URL('../../i18n/messages/en/chat.json', import.meta.url), 'utf8'),
  ) as Record<string, string>;
  const phrases: string[] = [];
  const walk = (elements: ReturnType<typeof parse>) => {
    for (const element of elements) {
      if (element.type === TYPE.literal) phrases.push(element.value.trim());
      if ('options' in element)
        for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  for (const message of Object.values(english)) walk(parse(message, { ignoreTag: true }));
  return phrases.filter((phrase) => phrase.split(/\s+/).length > 3);
}

/** The English commands the book replies quote: "add +919812300000 to ", "use ", "settled ". */
function englishCommands(): string[] {
  const english = JSON.parse(
    readFileSync(new URL('../../i18n/messages/en/books.json', import.meta.url), 'utf8'),
  ) as Record<string, string>;
  // "personal" is the name a book may not have, not a command.
  const quoted = Object.values(english).flatMap((message) =>
    [...message.matchAll(/"([a-z][^"{]*)/gi)].map((match) => `"${match[1]!}`),
  );
  return [...new Set(quoted)].filter((command) => command !== '"personal');
}

// Shared by every language: English commands people mix in, and nonsense.
const MIXED = [
  'categories',
  'last 5',
  'budget',
  'budget 40000',
  'edit last 60',
  'delete last',
  'purple elephant',
  'every month 15000 rent on 1st',
  'stop digests',
  'balances',
  'new book Home',
  'use home',
  'use personal',
];

const FLOWS: Record<string, string[]> = {
  'pt-BR': [
    'oi',
    'ajuda',
    '50 almoço',
    '120 gasolina ontem',
    'hoje',
    'ontem',
    'semana',
    'mês',
    'resumo',
    'orçamento alimentação 5000',
    'desfazer',
    '999999 almoço',
    'quanto gastei este mês?',
    'quanto gastei com alimentação semana passada?',
    'maior gasto este mês',
    'todo mês 500 aluguel',
    'todo dia 5 aluguel 1500',
    'novo livro Casa',
    'usar casa',
    'saldos',
    'acertei 400 com rahul',
    'usar pessoal',
    'adicionar +919812300000 em casa',
    'casa: 1200 jantar dividir com rahul e priya',
    'casa: 3000 hotel dividir 2:1 com rahul',
    'avisar casa',
    'silenciar casa',
    'acertei 400 com rahul em casa',
    'entrar em goa',
    'adicionar +919812300000',
  ],
  'es-MX': [
    'hola',
    'ayuda',
    '200 comida',
    'gasté 45,50 en gasolina ayer',
    'hoy',
    'ayer',
    'semana',
    'mes',
    'resumen',
    'presupuesto comida 5000',
    'deshacer',
    'deshacer',
    '999999 comida',
    '¿cuánto gasté este mes?',
    '¿cuánto gasté en comida la semana pasada?',
    'cada mes 500 renta',
    'nuevo libro Casa',
    'usar casa',
    'saldos',
    'saldé 400 con rahul',
    'usar personal',
    'agregar +919812300000 a casa',
    'casa: 1200 cena dividir con rahul y priya',
    'casa: 3000 hotel dividir 2:1 con rahul',
    'avisar casa',
    'silenciar casa',
    'saldé 400 con rahul en casa',
    'unirme a goa',
    'agregar +919812300000',
  ],
  'id-ID': [
    'halo',
    'bantuan',
    '35rb makan siang',
    'bensin 50 ribu kemarin',
    'hari ini',
    'kemarin',
    'minggu',
    'bulan',
    'ringkasan',
    'batal',
    'batal',
    '999999999 makan',
    'berapa pengeluaran bulan ini?',
    'berapa untuk makan minggu lalu?',
    '5 terakhir',
    'setiap bulan 500000 sewa',
    'buku baru Rumah',
    'pakai rumah',
    'saldo',
    'lunas 50000 dengan rahul',
    'pakai pribadi',
    'tambah +919812300000 ke rumah',
    'rumah: 120000 makan bagi dengan rahul dan priya',
    'rumah: 300000 hotel bagi 2:1 dengan rahul',
    'kabari rumah',
    'bisukan rumah',
    'lunas 50000 dengan rahul di rumah',
    'gabung goa',
    'tambah +919812300000',
  ],
  'hi-IN': [
    'नमस्ते',
    'madad',
    '200 खाना',
    'कल 300 का पेट्रोल',
    'kal 150 ka khana',
    'आज',
    'हफ्ता',
    'महीना',
    'undo',
    'undo',
    '9999999 खाना',
    'इस महीने कितना खर्च हुआ?',
    'आखिरी 5',
    'pichhle 5',
    '250 चाय',
    'आखिरी बदलो 150',
    'aakhri badlo 120',
    'आखिरी हटाओ',
    'हर महीने 500 किराया',
    'har mahine 500 kiraya',
    'नई बही घर',
    'घर चुनो',
    'बकाया',
    'राहुल को 400 चुकाए',
    'निजी चुनो',
    '+919812300000 को घर में जोड़ो',
    'घर: 1200 खाना राहुल और प्रिया के साथ बाँटो',
    'घर: 3000 होटल राहुल के साथ 2:1 बाँटो',
    'घर की सूचना चालू',
    'घर की सूचना बंद',
    'घर में राहुल को 400 चुकाए',
    'गोवा में शामिल',
    '+919812300000 को जोड़ो',
  ],
};

// Answers in the language's own words, not an expense made of them.
const EXPECTED: Record<string, [said: string, reply: RegExp][]> = {
  'pt-BR': [
    ['todo mês 500 aluguel', /^🔁 /],
    ['todo dia 5 aluguel 1500', /^🔁 .*, todo mês no dia 5\./],
    ['novo livro Casa', /^📒 Livro \*Casa\* /],
    ['usar casa', /^📒 .*\*Casa\*/],
    ['saldos', /^✅ \*Casa\*: /],
    ['acertei 400 com rahul', /"rahul"/],
    ['usar pessoal', /^📒 /],
    ['adicionar +919812300000 em casa', /^📨 /],
    ['casa: 1200 jantar dividir com rahul e priya', /^\*Casa\* /],
    ['casa: 3000 hotel dividir 2:1 com rahul', /^\*Casa\* /],
    ['avisar casa', /^🔔 /],
    ['silenciar casa', /^🔕 /],
    ['acertei 400 com rahul em casa', /"rahul"/],
    ['entrar em goa', /"goa"/],
    ['adicionar +919812300000', / em casa"/],
  ],
  'es-MX': [
    ['presupuesto comida 5000', /^✅ Presupuesto de Comida: /],
    ['cada mes 500 renta', /^🔁 /],
    ['nuevo libro Casa', /^📒 Libro \*Casa\* /],
    ['usar casa', /^📒 .*\*Casa\*/],
    ['saldos', /^✅ \*Casa\*: /],
    ['saldé 400 con rahul', /"rahul"/],
    ['usar personal', /^📒 /],
    ['agregar +919812300000 a casa', /^📨 /],
    ['casa: 1200 cena dividir con rahul y priya', /^\*Casa\* /],
    ['casa: 3000 hotel dividir 2:1 con rahul', /^\*Casa\* /],
    ['avisar casa', /^🔔 /],
    ['silenciar casa', /^🔕 /],
    ['saldé 400 con rahul en casa', /"rahul"/],
    ['unirme a goa', /"goa"/],
    ['agregar +919812300000', / a casa"/],
  ],
  'id-ID': [
    ['berapa pengeluaran bulan ini?', /^\*Pengeluaran · bulan ini\*: /],
    ['5 terakhir', /^\*\d+ terakhir\*/],
    ['setiap bulan 500000 sewa', /^🔁 /],
    ['buku baru Rumah', /^📒 Buku \*Rumah\* /],
    ['pakai rumah', /^📒 .*\*Rumah\*/],
    ['saldo', /^✅ \*Rumah\*: /],
    ['lunas 50000 dengan rahul', /"rahul"/],
    ['pakai pribadi', /^📒 /],
    ['tambah +919812300000 ke rumah', /^📨 /],
    ['rumah: 120000 makan bagi dengan rahul dan priya', /^\*Rumah\* /],
    ['rumah: 300000 hotel bagi 2:1 dengan rahul', /^\*Rumah\* /],
    ['kabari rumah', /^🔔 /],
    ['bisukan rumah', /^🔕 /],
    ['lunas 50000 dengan rahul di rumah', /"rahul"/],
    ['gabung goa', /"goa"/],
    ['tambah +919812300000', / ke rumah"/],
  ],
  'hi-IN': [
    ['इस महीने कितना खर्च हुआ?', /^\*खर्च · इस महीने\*: /],
    ['आखिरी 5', /^\*आ\S+ \d+\*/],
    ['pichhle 5', /^\*आ\S+ \d+\*/],
    ['आखिरी बदलो 150', /^✏️ .*150/],
    ['aakhri badlo 120', /^✏️ .*120/],
    ['आखिरी हटाओ', /^↩️ /],
    ['हर महीने 500 किराया', /^🔁 /],
    ['har mahine 500 kiraya', /^🔁 /],
    ['नई बही घर', /^📒 बही \*घर\* /],
    ['घर चुनो', /^📒 .*\*घर\*/],
    ['बकाया', /^✅ \*घर\*: /],
    ['राहुल को 400 चुकाए', /"राहुल"/],
    ['निजी चुनो', /^📒 /],
    ['+919812300000 को घर में जोड़ो', /^📨 /],
    ['घर: 1200 खाना राहुल और प्रिया के साथ बाँटो', /^\*घर\* /],
    ['घर: 3000 होटल राहुल के साथ 2:1 बाँटो', /^\*घर\* /],
    ['घर की सूचना चालू', /^🔔 /],
    ['घर की सूचना बंद', /^🔕 /],
    ['घर में राहुल को 400 चुकाए', /"राहुल"/],
    ['गोवा में शामिल', /"गोवा"/],
    ['+919812300000 को जोड़ो', / को घर में जोड़ो"/],
  ],
};

it.each(Object.entries(FLOWS))('a %s user meets no English sentence', async (locale, texts) => {
  const opened = await openTestChat({ locale });
  chat = opened;
  const start = Date.UTC(2026, 10, 24, 6);
  const replies: [said: string, reply: string][] = [];
  for (const [i, text] of [...texts, ...MIXED].entries()) {
    replies.push([text, await opened.say(text, new Date(start + i * 60_000))]);
  }
  const phrases = englishPhrases();
  expect(phrases.length).toBeGreaterThan(50);
  const commands = englishCommands();
  expect(commands).toContain('"add +919812300000 to ');
  const found = replies.flatMap(([said, reply]) =>
    [...phrases, ...commands]
      .filter((phrase) => reply.includes(phrase))
      .map((phrase) => `${said} -> ${phrase}`),
  );
  expect(found).toEqual([]);
  for (const [said, reply] of EXPECTED[locale] ?? []) {
    expect(replies.find(([text]) => text === said)?.[1]).toMatch(reply);
  }
  // Every message got an answer of its own.
  expect(replies.filter(([, reply]) => reply.trim() === '')).toEqual([]);
});
