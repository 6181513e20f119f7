// Amounts written as words where people write them so: "cinquenta", "doscientos",
// "dua puluh ribu", "सौ", "do sau". A bounded vocabulary per language (units, tens,
// hundreds, thousand and the like), chosen by the user's locale: "das" is ten in Hindi
// and "of the" in Portuguese.

import type { Token } from './tokenize.ts';
import { wordMap } from './words.ts';

/** How a word acts on the number being read. */
type Part =
  /** Adds its value: "vinte", "cinco". */
  | { add: number }
  /** Multiplies what came before it in its group, or one: "sau", "ratus", "puluh". */
  | { times: number }
  /** Closes a group and multiplies it: "mil", "ribu", "hazar", "juta". */
  | { scale: number }
  /** Moves the next number by a fraction: "sava do" 2¼, "saade teen" 3½, "paune do" 1¾. */
  | { shift: number }
  /** Joins parts: "cento e vinte", "treinta y cinco". */
  | 'and';

export type NumberWords = ReadonlyMap<string, Part>;

const and = 'and' as const;

function adds(values: Record<string, number>): [string, Part][] {
  return Object.entries(values).map(([word, add]) => [word, { add }]);
}

// prettier-ignore
const PORTUGUESE = wordMap<Part>([
  ...adds({
    um: 1, uma: 1, dois: 2, duas: 2, tres: 3, três: 3, quatro: 4, cinco: 5, seis: 6,
    sete: 7, oito: 8, nove: 9, dez: 10, onze: 11, doze: 12, treze: 13, quatorze: 14,
    catorze: 14, quinze: 15, dezesseis: 16, dezessete: 17, dezoito: 18, dezenove: 19,
    vinte: 20, trinta: 30, quarenta: 40, cinquenta: 50, cinqüenta: 50, sessenta: 60,
    setenta: 70, oitenta: 80, noventa: 90, cem: 100, cento: 100, duzentos: 200,
    duzentas: 200, trezentos: 300, quatrocentos: 400, quinhentos: 500, seiscentos: 600,
    setecentos: 700, oitocentos: 800, novecentos: 900,
  }),
  ['mil', { scale: 1000 }], ['e', and],
]);

// prettier-ignore
const SPANISH = wordMap<Part>([
  ...adds({
    un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7,
    ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12, trece: 13, catorce: 14, quince: 15,
    dieciseis: 16, dieciséis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19, veinte: 20,
    veinticinco: 25, treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70,
    ochenta: 80, noventa: 90, cien: 100, ciento: 100, doscientos: 200, trescientos: 300,
    cuatrocientos: 400, quinientos: 500, seiscientos: 600, setecientos: 700,
    ochocientos: 800, novecientos: 900,
  }),
  ['mil', { scale: 1000 }], ['y', and],
]);

// prettier-ignore
const INDONESIAN = wordMap<Part>([
  ...adds({
    satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8,
    sembilan: 9, sepuluh: 10, sebelas: 11, seratus: 100, seribu: 1000, sejuta: 1_000_000,
  }),
  ['belas', { add: 10 }], ['puluh', { times: 10 }], ['ratus', { times: 100 }],
  ['ribu', { scale: 1000 }], ['rb', { scale: 1000 }], ['juta', { scale: 1_000_000 }],
]);

// "saath" (60) is also "with" and "tees" are t-shirts: left out.
// prettier-ignore
const HINDI = wordMap<Part>([
  ...adds({
    ek: 1, do: 2, teen: 3, char: 4, chaar: 4, paanch: 5, panch: 5, chhe: 6, chhah: 6,
    saat: 7, aath: 8, nau: 9, das: 10, bees: 20, pachees: 25, pachis: 25, chalis: 40,
    chaalis: 40, pachas: 50, pachaas: 50, sattar: 70, assi: 80, nabbe: 90,
    एक: 1, दो: 2, तीन: 3, चार: 4, पांच: 5, पाँच: 5, छह: 6, छः: 6, सात: 7, आठ: 8, नौ: 9,
    दस: 10, बीस: 20, पच्चीस: 25, तीस: 30, चालीस: 40, पचास: 50, साठ: 60, सत्तर: 70, अस्सी: 80,
    नब्बे: 90,
    // Fractions said as numbers: "dedh lakh" is 1.5 lakh, "dhai hazar" 2,500.
    aadha: 0.5, adha: 0.5, half: 0.5, dedh: 1.5, derh: 1.5, dhai: 2.5, dhaai: 2.5,
    dhaee: 2.5, adhai: 2.5, आधा: 0.5, डेढ़: 1.5, ढाई: 2.5,
  }),
  ['sava', { shift: 0.25 }], ['sawa', { shift: 0.25 }], ['सवा', { shift: 0.25 }],
  ['saade', { shift: 0.5 }], ['sade', { shift: 0.5 }], ['sadhe', { shift: 0.5 }],
  ['saadhe', { shift: 0.5 }], ['साढ़े', { shift: 0.5 }], ['paune', { shift: -0.25 }],
  ['pone', { shift: -0.25 }], ['पौने', { shift: -0.25 }],
  ['sau', { times: 100 }], ['सौ', { times: 100 }], ['hazar', { scale: 1000 }],
  ['hazaar', { scale: 1000 }], ['hajar', { scale: 1000 }], ['हज़ार', { scale: 1000 }],
  ['हजार', { scale: 1000 }], ['lakh', { scale: 100_000 }], ['लाख', { scale: 100_000 }],
]);

const BY_LANGUAGE: Readonly<Record<string, NumberWords>> = {
  pt: PORTUGUESE,
  es: SPANISH,
  id: INDONESIAN,
  hi: HINDI,
};

/** The vocabulary for a locale; Hindi in Roman script is written in English India too. */
export function numberWordsFor(language: string, region: string | undefined): NumberWords | null {
  return BY_LANGUAGE[language] ?? (region === 'IN' ? HINDI : null);
}

/**
 * Small numbers alone are too often words of their own ("um café" is a coffee, "do"
 * is English), so a number under ten read from words counts only next to a currency.
 */
export const SMALLEST_ALONE = 10;

/**
 * The number the words starting at token i spell (a multiple of ¼ at most, "dedh" being
 * 1.5), and where they end; null if none.
 */
export function readNumberWords(
  tokens: readonly Token[],
  i: number,
  end: number,
  words: NumberWords,
): { value: number; end: number } | null {
  let total = 0;
  let group = 0;
  let last = 0;
  // A pending "sava", "saade" or "paune": on the next number, or on one ("sava lakh").
  let shift = 0;
  let j = i;
  let read = false;
  const shifted = () => {
    if (shift === 0) return;
    group += 1 + shift;
    last = 1 + shift;
    shift = 0;
  };
  while (j < end) {
    const token = tokens[j];
    if (token?.kind !== 'word') break;
    const part = words.get(token.key);
    if (part === undefined) break;
    if (part === 'and') {
      // Only between two number words: "cento e vinte", not "cinquenta e uber".
      const next = tokens[j + 1];
      if (!read || next?.kind !== 'word' || words.get(next.key) === undefined) break;
    } else if ('shift' in part) {
      shifted();
      shift = part.shift;
    } else if ('add' in part) {
      group += part.add + shift;
      last = part.add + shift;
      shift = 0;
    } else if ('times' in part) {
      shifted();
      // "dua puluh" is 2 x 10, "do sau" 2 x 100, "sau" alone 100.
      const base = read && last > 0 ? last : 1;
      group = group - (read ? last : 0) + base * part.times;
      last = 0;
    } else {
      shifted();
      total += (group === 0 ? 1 : group) * part.scale;
      group = 0;
      last = 0;
    }
    read = part !== 'and' || read;
    j++;
  }
  // A trailing "e" or "y" is not part of the number.
  while (j > i && words.get(tokens[j - 1]?.key ?? '') === 'and') j--;
  if (j === i) return null;
  shifted();
  return { value: total + group, end: j };
}
