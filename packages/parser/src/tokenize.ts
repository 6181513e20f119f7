// One left-to-right pass over the message: every later step works on tokens, so no
// regular expression ever runs over the whole (possibly hostile) input, and work stays
// linear in its length. The few regexes here are sticky, anchored at the scan position,
// and cannot backtrack across more than one token.

import { MONTHS } from './words.ts';

export type TokenKind =
  'word' | 'number' | 'date' | 'time' | 'junk' | 'symbol' | 'hashtag' | 'op' | 'break';

export interface Token {
  kind: TokenKind;
  /** As typed (after Unicode normalisation). */
  text: string;
  /** Lower-cased form for matching: words lose apostrophes and a trailing 's. */
  key: string;
  start: number;
  end: number;
  /** Touches the previous token with nothing in between: "2k", "rs120", "120rs". */
  glued: boolean;
}

const NON_ASCII = /[\u0080-\uffff]/;
// NFKC would glue "1²" into "12"; a caret keeps the exponent visible as one.
const SUPERSCRIPT_DIGITS = /[\u00b2\u00b3\u00b9\u2070\u2074-\u2079]/g;
// Digits of Indian scripts (and Arabic) typed on local keyboards; NFKC leaves them alone.
const LOCAL_DIGITS =
  /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0b66-\u0b6f\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef\u0d66-\u0d6f]/g;
const DIGIT_ZEROS = [
  0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66,
];

function asciiDigit(ch: string): string {
  const code = ch.charCodeAt(0);
  for (const zero of DIGIT_ZEROS) {
    if (code >= zero && code <= zero + 9) return String(code - zero);
  }
  return ch;
}

// Text or emoji presentation ("☕️", "❤️"): a mark of its own would read as a word.
const VARIATION_SELECTORS = /[\uFE0E\uFE0F]/g;

/**
 * NFKC folds full-width digits, no-break and narrow spaces (French and Swiss grouping)
 * and the rupee ligature ₨ into plain forms. ASCII text, nearly every message, skips it.
 */
export function normalize(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text
    .replace(SUPERSCRIPT_DIGITS, (digit) => `^${digit}`)
    .replace(VARIATION_SELECTORS, '')
    .normalize('NFKC')
    .replace(LOCAL_DIGITS, asciiDigit);
}

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/uy;
const HASHTAG = /#[\p{L}\p{M}\p{Nd}_]+/uy;
const CURRENCY_SIGN = /\p{Sc}/uy;

// Marks that never join a number but, between digits, mean the text was one number to its
// writer: "12..5", "1_000", "1⁄2" (NFKC's ½), "1^9" (a superscript).
const STRAY_MARKS = new Set(['.', ',', "'", '_', '\u2044', '/', '^', '-']);
// A word stuck between digits, "1e9", "12abc3", or an exponent with a sign, "1e-3".
const WORD_THEN_DIGIT = /[\p{L}\p{M}]+(?=\d)|[eE](?=[+-]\d)/uy;
// The whole run such a number covers, up to a space or a mark that ends it.
const TANGLED_RUN = /(?:[\p{L}\p{M}\d]|[.,'_\u2044/^+-]+(?=[\p{L}\p{M}\d]))+/uy;

const DATE_SLASH = /^\d{1,2}\/\d{1,2}(?:\/(?:\d{2}|\d{4}))?$/;
const DATE_DASH = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-(?:\d{2}|\d{4}))$/;
const DATE_DOT = /^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$/;

// A full stop after these is an abbreviation ("Rs. 120"), not the end of a sentence.
const ABBREVIATIONS = new Set([
  'rs',
  'inr',
  'rp',
  'no',
  'approx',
  'appx',
  'mr',
  'mrs',
  'dr',
  'st',
  'रु',
  'tgl',
]);

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 11 || code === 12;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 0x85 || code === 0x2028 || code === 0x2029;
}

function wordKey(text: string): string {
  let key = text.toLowerCase();
  if (key.includes('’')) key = key.replaceAll('’', "'");
  if (key.includes("'")) {
    if (key.endsWith("'s")) key = key.slice(0, -2);
    key = key.replaceAll("'", '');
  }
  return key;
}

/** Letters written before "$" to say whose dollar: R$ (Brazil), MX$, US$, C$, A$. */
const DOLLAR_PREFIXES = new Set(['R', 'MX', 'US', 'C', 'A']);

const OPS: Record<string, string> = {
  '+': '+',
  '-': '-',
  '\u2212': '-',
  '*': '*',
  '\u00d7': '*',
  '=': '=',
};

const BREAKS = new Set([',', ';', '|', ':', '&', '!', '?', '\u060c', '\u3001']);

class Scanner {
  readonly tokens: Token[] = [];
  private readonly s: string;
  private readonly firstGroup: number;
  private lineHasToken = false;

  constructor(s: string, firstGroup: number) {
    this.s = s;
    this.firstGroup = firstGroup;
  }

  push(kind: TokenKind, start: number, end: number, key?: string): void {
    const text = this.s.slice(start, end);
    const last = this.tokens[this.tokens.length - 1];
    this.tokens.push({
      kind,
      text,
      key: key ?? text,
      start,
      end,
      glued: last !== undefined && last.end === start,
    });
    this.lineHasToken = kind !== 'break' || text !== '\n';
  }

  run(): Token[] {
    const s = this.s;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (isSpace(c)) {
        i++;
      } else if (isLineBreak(c)) {
        this.push('break', i, i + 1, '\n');
        i++;
      } else if (isDigit(c)) {
        i = this.number(i);
      } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0x80) {
        i = this.wordOrOther(i);
      } else if (c === 35) {
        HASHTAG.lastIndex = i;
        const m = HASHTAG.exec(s);
        if (m) {
          const end = i + m[0].length;
          this.push('hashtag', i, end, wordKey(m[0].slice(1)));
          i = end;
        } else {
          i++;
        }
      } else if (c === 36) {
        this.push('symbol', i, i + 1);
        i++;
      } else if (c === 37) {
        this.push('word', i, i + 1);
        i++;
      } else if (c === 46) {
        // "." ends a sentence when followed by space, unless it closes "Rs." and the like.
        const next = s.charCodeAt(i + 1);
        const last = this.tokens[this.tokens.length - 1];
        if (
          (i + 1 >= n || isSpace(next) || isLineBreak(next)) &&
          !(last?.kind === 'word' && last.end === i && ABBREVIATIONS.has(last.key))
        ) {
          this.push('break', i, i + 1);
        }
        i++;
      } else {
        const ch = s[i] ?? '';
        const op = OPS[ch];
        if (op !== undefined) this.push('op', i, i + 1, op);
        else if (BREAKS.has(ch)) this.push('break', i, i + 1);
        i++;
      }
    }
    return this.tokens;
  }

  private wordOrOther(i: number): number {
    const s = this.s;
    WORD.lastIndex = i;
    const m = WORD.exec(s);
    if (m) {
      const end = i + m[0].length;
      const country = m[0].toUpperCase();
      if (s.charCodeAt(end) === 36 && DOLLAR_PREFIXES.has(country)) {
        // "R$", "MX$", "US$": one sign, not a word and a dollar.
        this.push('symbol', i, end + 1, `${country}$`);
        return end + 1;
      }
      this.push('word', i, end, wordKey(m[0]));
      return end;
    }
    const c = s.charCodeAt(i);
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
    const ch = s.slice(i, i + width);
    const op = OPS[ch];
    if (op !== undefined) {
      this.push('op', i, i + width, op);
    } else if (BREAKS.has(ch)) {
      this.push('break', i, i + width);
    } else {
      CURRENCY_SIGN.lastIndex = i;
      if (CURRENCY_SIGN.test(s)) this.push('symbol', i, i + width);
    }
    return i + width;
  }

  /**
   * A run of digits with the separators people put inside numbers and dates:
   * "1,20,000", "1.200,50", "1 200", "1'200", "12/01", "2026-01-12", "100-20".
   * A separator joins the run only when a digit follows it.
   */
  private number(start: number): number {
    const s = this.s;
    let j = start;
    while (isDigit(s.charCodeAt(j))) j++;
    let group = j - start;
    let marks = false;
    let dash = false;

    if (group <= 2 && s.charCodeAt(j) === 58) {
      // 5:30 is a time of day.
      const a = s.charCodeAt(j + 1);
      const b = s.charCodeAt(j + 2);
      if (isDigit(a) && isDigit(b) && !isDigit(s.charCodeAt(j + 3))) {
        this.push('time', start, j + 3);
        return j + 3;
      }
    }

    if (group <= 2 && !this.lineHasToken && this.isListNumber(j)) return j + 1;

    for (;;) {
      const c = s.charCodeAt(j);
      const next = s.charCodeAt(j + 1);
      if ((c === 44 || c === 46 || c === 39 || c === 47 || c === 45) && isDigit(next)) {
        if (c === 45) dash = true;
        j++;
        const from = j;
        while (isDigit(s.charCodeAt(j))) j++;
        group = j - from;
        marks = true;
      } else if (
        c === 32 &&
        !marks &&
        !this.afterMonth() &&
        group <= (j - start === group ? this.firstGroup : 3) &&
        isDigit(next) &&
        isDigit(s.charCodeAt(j + 2)) &&
        isDigit(s.charCodeAt(j + 3)) &&
        !isDigit(s.charCodeAt(j + 4))
      ) {
        // "1 200": a space groups thousands only before exactly three digits.
        j += 4;
        group = 3;
      } else {
        break;
      }
    }

    if (this.tangledAt(j)) {
      // Reading only the digits before the tangle would record another number than the
      // one meant ("1e9" as 1): the whole run becomes one numeral nobody can read.
      TANGLED_RUN.lastIndex = j;
      const end = j + (TANGLED_RUN.exec(s)?.[0].length ?? 0);
      this.push('number', start, end);
      return end;
    }

    const text = s.slice(start, j);
    if (!marks) {
      this.push('number', start, j);
    } else if (text.includes('/')) {
      this.push(DATE_SLASH.test(text) ? 'date' : 'junk', start, j);
    } else if (dash) {
      if (DATE_DASH.test(text)) this.push('date', start, j);
      else this.splitOnDashes(start, j);
    } else {
      this.push(DATE_DOT.test(text) ? 'date' : 'number', start, j);
    }
    return j;
  }

  /**
   * Digits go on after something that cannot continue a number: "1e9", "1.5e3", "12..5",
   * "1_000". Times ("2x50") and dates ("12jan2026") go on legitimately.
   */
  private tangledAt(j: number): boolean {
    const s = this.s;
    let k = j;
    while (STRAY_MARKS.has(s[k] ?? '')) k++;
    if (k > j && isDigit(s.charCodeAt(k))) return true;
    WORD_THEN_DIGIT.lastIndex = j;
    const word = WORD_THEN_DIGIT.exec(s)?.[0].toLowerCase();
    return word !== undefined && word !== 'x' && !MONTHS.has(word);
  }

  /** "jan 12 200 lunch" is a date and an amount, not 12,200. */
  private afterMonth(): boolean {
    const last = this.tokens[this.tokens.length - 1];
    return last?.kind === 'word' && MONTHS.has(last.key);
  }

  private splitOnDashes(start: number, end: number): void {
    let from = start;
    for (let k = start; k <= end; k++) {
      if (k === end || this.s.charCodeAt(k) === 45) {
        this.push('number', from, k);
        if (k < end) this.push('op', k, k + 1, '-');
        from = k + 1;
      }
    }
  }

  /** "1. 50 tea" or "2) 120 petrol" at the start of a line numbers a list. */
  private isListNumber(j: number): boolean {
    const s = this.s;
    const mark = s.charCodeAt(j);
    if ((mark !== 46 && mark !== 41) || !isSpace(s.charCodeAt(j + 1))) return false;
    for (let k = j + 2; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (isLineBreak(c)) return false;
      if (isDigit(c)) return true;
    }
    return false;
  }
}

/**
 * `spaceGroups`: the user's locale groups thousands with spaces (fr-FR, ru, pl, sv...),
 * so "120 500" is 120,500. Elsewhere only a group of one or two digits may lead ("1 200",
 * "12 500"), and "120 500" stays two numbers.
 */
export function tokenize(text: string, spaceGroups = false): Token[] {
  return new Scanner(text, spaceGroups ? 3 : 2).run();
}
