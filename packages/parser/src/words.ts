// Word lists shared by the steps. Keys are lower-case, without apostrophes, and in NFKC
// like the messages they meet (Devanagari letters with a nukta come apart in NFKC).

/** A set of keys as messages spell them after normalisation. */
export function wordSet(words: readonly string[]): Set<string> {
  return new Set(words.map((word) => word.normalize('NFKC')));
}

/** A map keyed as messages spell its keys after normalisation. */
export function wordMap<V>(entries: readonly (readonly [string, V])[]): Map<string, V> {
  return new Map(entries.map(([key, value]) => [key.normalize('NFKC'), value]));
}

/**
 * Words that carry no category or note of their own ("spent 250 on lunch"): never
 * category words, and trimmed from both ends of a note. English, Hinglish, then
 * Portuguese, Spanish, Indonesian and Hindi. Only words that name nothing by themselves:
 * "no" (pt "in the") and "di" (id "at") are gone from a note only at its edges.
 */
// prettier-ignore
export const FILLERS = wordSet([
  'spent', 'spend', 'spending', 'paid', 'pay', 'paying', 'bought', 'buy', 'purchased',
  'gave', 'given', 'expense', 'expenses', 'cost', 'costs', 'total', 'only', 'approx',
  'on', 'for', 'at', 'in', 'to', 'of', 'from', 'with', 'the', 'a', 'an', 'my', 'me', 'i',
  'was', 'is', 'it', 'and', 'or', 'about', 'around', 'worth', 'just', 'some', 'got',
  'ka', 'ki', 'ke', 'ko', 'mein', 'pe', 'par', 'liye', 'diye', 'diya', 'kiya',
  'kiye', 'hai', 'tha', 'thi', 'se', 'ne', 'wala', 'wale', 'wali', 'kharcha', 'kharch',
  'aur', 'dala', 'dalwaya', 'bhara', 'bharwaya', 'liya', 'kharida', 'kharidi',
  'lagaye', 'lage', 'laga', 'gaye', 'gaya',
  'received', 'receive', 'recieved', 'income', 'earned', 'earning', 'earnings', 'credited',
  'mila', 'mile', 'dale', 'dali', 'kharche', 'kiya',
  'gastei', 'gasto', 'gastos', 'paguei', 'pago', 'comprei', 'compra', 'no', 'na', 'nos',
  'nas', 'de', 'do', 'da', 'dos', 'em', 'com', 'pra', 'pro', 'para', 'o', 'os', 'as', 'um',
  'uma', 'meu', 'minha', 'foi',
  'gasté', 'gaste', 'gastó', 'pagué', 'pague', 'compré', 'compre', 'en', 'el', 'la', 'los',
  'las', 'del', 'al', 'un', 'una', 'por', 'mi', 'fue', 'que', 'y',
  'beli', 'bayar', 'buat', 'untuk', 'di', 'ke', 'dan', 'yang', 'udah', 'sudah', 'habis',
  'abis', 'pakai', 'pake', 'tadi', 'isi', 'saya', 'aku',
  'का', 'की', 'के', 'को', 'में', 'मे', 'पे', 'पर', 'से', 'ने', 'और', 'खर्च', 'खर्चा', 'किए',
  'किये', 'किया', 'दिए', 'दिये', 'दिया', 'डाले', 'डाला', 'डलवाया', 'लिए', 'लिया', 'है', 'था',
  'थे', 'मैंने', 'ka', 'me', 'kharch',
]);

/** Words that make an item money coming in: "received 50000 salary", "income 1200 refund". */
export const INCOME_WORDS = new Set([
  'received',
  'receive',
  'recieved',
  'income',
  'earned',
  'earning',
  'earnings',
  'credited',
  'mila',
  'mile',
]);

/** Words after a number that make it a quantity, not a price: "2 kg sugar 90". */
// prettier-ignore
export const UNITS = new Set([
  'kg', 'kgs', 'g', 'gm', 'gms', 'gram', 'grams', 'ltr', 'ltrs', 'litre', 'litres', 'liter',
  'liters', 'ml', 'pc', 'pcs', 'piece', 'pieces', 'pkt', 'pkts', 'packet', 'packets',
  'dozen', 'km', 'kms', 'hr', 'hrs', 'hour', 'hours', 'min', 'mins', 'minutes', 'night',
  'nights', 'people', 'persons', 'person', 'pax', 'plate', 'plates', 'cup', 'cups',
  'bottle', 'bottles', 'unit', 'units', 'x', '%', 'percent', 'yrs', 'years', 'months',
]);

/** Powers of ten written after a number, attached ("2k", "2.5L") or not ("1 lakh", "1.5 k"). */
export const MULTIPLIERS = new Map<string, number>(
  [
    ['k', 3],
    ['lakh', 5],
    ['lakhs', 5],
    ['lac', 5],
    ['lacs', 5],
    ['lk', 5],
    ['cr', 7],
    ['crore', 7],
    ['crores', 7],
    ['million', 6],
    ['mn', 6],
    ['thousand', 3],
    ['hundred', 2],
    ['rb', 3],
    ['ribu', 3],
    ['rebu', 3],
    ['jt', 6],
    ['juta', 6],
    ['hazar', 3],
    ['hazaar', 3],
    ['hajar', 3],
    ['हज़ार', 3],
    ['हजार', 3],
    ['लाख', 5],
    ['करोड़', 7],
    ['करोड', 7],
  ].map(([key, power]) => [(key as string).normalize('NFKC'), power as number]),
);

/**
 * Multipliers of some languages only: "2 mil" is 2,000 to a Brazilian or a Mexican but
 * two million to an American, and "500 mil gaya" is "got 500" in Hinglish.
 */
export const LANGUAGE_MULTIPLIERS: Readonly<Record<string, ReadonlyMap<string, number>>> = {
  pt: new Map([['mil', 3]]),
  es: new Map([['mil', 3]]),
};

/** Multiplies only when attached: "2.5L" is lakhs, "2 l milk" is litres. */
export const ATTACHED_MULTIPLIERS = new Map<string, number>([['l', 5]]);

export const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

export const TIME_SUFFIXES = new Set(['am', 'pm', 'baje', 'oclock']);

/** Splitting words: "50 tea and 120 petrol", "almoço 30 e uber 20", "खाना 50 और चाय 20". */
export const CONJUNCTIONS = wordSet(['and', 'aur', 'also', 'e', 'y', 'dan', 'और']);

// prettier-ignore
export const MONTHS = new Map<string, number>(([
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3],
  ['apr', 4], ['april', 4], ['may', 5], ['jun', 6], ['june', 6], ['jul', 7], ['july', 7],
  ['aug', 8], ['august', 8], ['sep', 9], ['sept', 9], ['september', 9], ['oct', 10],
  ['october', 10], ['nov', 11], ['november', 11], ['dec', 12], ['december', 12],
  // Portuguese, Spanish, Indonesian, Hindi in both scripts.
  ['janeiro', 1], ['fevereiro', 2], ['fev', 2], ['março', 3], ['abril', 4],
  ['abr', 4], ['maio', 5], ['junho', 6], ['julho', 7], ['agosto', 8],
  ['setembro', 9], ['outubro', 10], ['novembro', 11], ['dezembro', 12],
  ['enero', 1], ['ene', 1], ['febrero', 2], ['marzo', 3], ['mayo', 5], ['junio', 6],
  ['julio', 7], ['septiembre', 9], ['setiembre', 9], ['octubre', 10], ['noviembre', 11],
  ['diciembre', 12], ['dic', 12],
  ['januari', 1], ['februari', 2], ['maret', 3], ['mei', 5], ['juni', 6], ['juli', 7],
  ['agustus', 8], ['oktober', 10], ['okt', 10], ['desember', 12],
  ['जनवरी', 1], ['फ़रवरी', 2], ['फरवरी', 2], ['मार्च', 3], ['अप्रैल', 4], ['मई', 5], ['जून', 6],
  ['जुलाई', 7], ['अगस्त', 8], ['सितंबर', 9], ['सितम्बर', 9], ['अक्टूबर', 10], ['अक्तूबर', 10],
  ['नवंबर', 11], ['नवम्बर', 11], ['दिसंबर', 12], ['दिसम्बर', 12],
]).map(([key, month]) => [(key as string).normalize("NFKC"), month as number]));
