// The importer (the transfer package, in the api and in the preview) words what is wrong
// with a row in English; the import page shows it in the reader's language. The quoted
// cell is kept as the file had it.
import type { Translate } from './api-words.ts';
import type { WebKey } from './i18n/catalog.ts';
import type { MessageValues } from './i18n/context.ts';

const ROW_PROBLEMS: [RegExp, WebKey, (match: RegExpExecArray) => MessageValues][] = [
  [/^(".*") is not a date$/s, 'importProblem.date', (m) => ({ text: m[1]! })],
  [/^(".*") is not a currency code$/s, 'importProblem.currency', (m) => ({ text: m[1]! })],
  [
    /^(".*") is not an amount in ([A-Z]{3})$/s,
    'importProblem.amount',
    (m) => ({ text: m[1]!, currency: m[2]! }),
  ],
  [
    /^(".*") has more decimals than ([A-Z]{3}) amounts have$/s,
    'importProblem.decimals',
    (m) => ({ text: m[1]!, currency: m[2]! }),
  ],
  [/^the amount is zero$/, 'importProblem.zero', () => ({})],
  [/^amount too large: (".*")$/s, 'importProblem.tooLarge', (m) => ({ text: m[1]! })],
  [
    /^the (note|category) contains invisible control characters/,
    'importProblem.control',
    (m) => ({ what: m[1]! }),
  ],
  [
    /^the (note|category) is longer than (\d+) characters$/,
    'importProblem.tooLong',
    (m) => ({ what: m[1]!, max: Number(m[2]) }),
  ],
  [/^this row could not be stored$/, 'importProblem.notStored', () => ({})],
];

/** What is wrong with a row, in the reader's language (as worded when not known). */
export function rowProblemText(t: Translate, problem: string): string {
  for (const [pattern, key, values] of ROW_PROBLEMS) {
    const match = pattern.exec(problem);
    if (match) return t(key, values(match));
  }
  return problem;
}

/** A column the mapping still lacks ("Choose the column that holds the date."). */
export function missingText(t: Translate, message: string): string {
  const field = /^Choose the column that holds the (date|amount)\.$/.exec(message)?.[1];
  return field ? t('importProblem.chooseColumn', { field }) : message;
}
