// Amounts as OCR reads them off bills: 1,538.97 · 4,103.91 · 191,98 · Rs. 3,128.00 ·
// ₹7,641 (the rupee sign often comes out as X, %, ?, ¥, $ or a stray digit).

/** Characters OCR puts where a currency sign was printed. */
const SIGN_GHOSTS = /^(?:[₹$€£¥%?X*#&=~:]|R[s5]\.?|INR|EUR|USD|GBP)\s*/i;

// Letters OCR confuses with digits inside a number.
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  S: '5',
  s: '5',
  l: '1',
  I: '1',
  '|': '1',
  B: '8',
};

export interface Amount {
  minor: number;
  /** Where in the line the number starts, to look at what was printed before it. */
  index: number;
  /** The number as read, to tell whether a first digit may be a misread sign. */
  raw: string;
}

/** Parses one number; null when it is not an amount (a date, a time, a phone number). */
export function parseNumber(raw: string): number | null {
  let text = raw.replace(/[OoDSslIB|]/g, (c) => DIGIT_LOOKALIKES[c] ?? c).replace(/\s/g, '');
  text = text.replace(/\/-$/, '').replace(/[.,]$/, '');
  if (!/^\d[\d.,']*$/.test(text)) return null;
  const decimal = /^(.*?)[.,](\d{2})$/.exec(text);
  const whole = (decimal ? decimal[1] : text) ?? '';
  const cents = decimal ? Number(decimal[2]) : 0;
  // What is left may hold only thousands separators: groups of 2 or 3 digits after the first.
  if (!/^\d{1,3}(?:[,.']\d{2,3})*$|^\d+$/.test(whole)) return null;
  const units = Number(whole.replace(/[,.']/g, ''));
  if (!Number.isSafeInteger(units) || units > 100_000_000) return null;
  return units * 100 + cents;
}

// A number with separators (OCR may put a space after one) and OCR's lookalike letters
// after its first digit. A plain space ends it: "x2 359.98" is a quantity and a price.
const NUMBER = /-?\d(?:[\dOoSlI|]|[,.'] ?(?=[\dOo]))*/g;

/** Every amount in a line, left to right. Dates, times and long ids are skipped. */
export function amountsIn(line: string): Amount[] {
  const found: Amount[] = [];
  for (const match of line.matchAll(NUMBER)) {
    let raw = match[0].trim();
    const negative = raw.startsWith('-');
    if (negative) raw = raw.slice(1).trim();
    const index = match.index ?? 0;
    const after = line.slice(index + match[0].length);
    // A time (12:51), a percentage (2.5%) or part of a date is not money.
    if (/^\s*[:%/]/.test(after) || /\d[:/.-]$/.test(line.slice(0, index))) continue;
    if (/^\d{9,}$/.test(raw.replace(/\s/g, ''))) continue;
    const minor = parseNumber(raw);
    if (minor === null) continue;
    found.push({ minor: negative ? -minor : minor, index, raw });
  }
  return found;
}

/** The amount a bill line ends with (labels on the left, money on the right). */
export function amountAtEnd(line: string): Amount | null {
  // OCR reads a faint decimal point as a space or a dash: "3,128 00", "855- 00".
  const trimmed = line
    .replace(/[\s|=~_—-]+$/, '')
    .replace(/(\d{1,3}(?:,\d{2,3})+|\d{3,})[\s-]+(\d{2})$/, '$1.$2');
  const amounts = amountsIn(trimmed);
  const last = amounts.at(-1);
  if (!last) return null;
  const tail = trimmed.slice(last.index + last.raw.length + 1).trim();
  return tail.length <= 2 ? last : null;
}

/** Strips a currency sign or its OCR ghost from the start of a token. */
export function withoutSign(text: string): string {
  return text.replace(SIGN_GHOSTS, '');
}
