// Word lists shared by the steps. Keys are lower-case, without apostrophes.

/**
 * Words that carry no category or note of their own ("spent 250 on lunch"): never
 * category words, and trimmed from both ends of a note. English, then Hinglish.
 */
// prettier-ignore
export const FILLERS = new Set([
  'spent', 'spend', 'spending', 'paid', 'pay', 'paying', 'bought', 'buy', 'purchased',
  'gave', 'given', 'expense', 'expenses', 'cost', 'costs', 'total', 'only', 'approx',
  'on', 'for', 'at', 'in', 'to', 'of', 'from', 'with', 'the', 'a', 'an', 'my', 'me', 'i',
  'was', 'is', 'it', 'and', 'or', 'about', 'around', 'worth', 'just', 'some', 'got',
  'ka', 'ki', 'ke', 'ko', 'mein', 'pe', 'par', 'liye', 'diye', 'diya', 'kiya',
  'kiye', 'hai', 'tha', 'thi', 'se', 'ne', 'wala', 'wale', 'wali', 'kharcha', 'kharch',
  'aur', 'dala', 'dalwaya', 'bhara', 'bharwaya', 'liya', 'kharida', 'kharidi',
  'lagaye', 'lage', 'laga', 'gaye', 'gaya',
  'received', 'receive', 'recieved', 'income', 'earned', 'earning', 'earnings', 'credited',
  'mila', 'mile',
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
export const MULTIPLIERS = new Map<string, number>([
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
]);

/** Multiplies only when attached: "2.5L" is lakhs, "2 l milk" is litres. */
export const ATTACHED_MULTIPLIERS = new Map<string, number>([['l', 5]]);

export const ORDINAL_SUFFIXES = new Set(['st', 'nd', 'rd', 'th']);

export const TIME_SUFFIXES = new Set(['am', 'pm', 'baje', 'oclock']);

/** Splitting words: "50 tea and 120 petrol". */
export const CONJUNCTIONS = new Set(['and', 'aur', 'also']);

// prettier-ignore
export const MONTHS = new Map<string, number>([
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3],
  ['apr', 4], ['april', 4], ['may', 5], ['jun', 6], ['june', 6], ['jul', 7], ['july', 7],
  ['aug', 8], ['august', 8], ['sep', 9], ['sept', 9], ['september', 9], ['oct', 10],
  ['october', 10], ['nov', 11], ['november', 11], ['dec', 12], ['december', 12],
]);
