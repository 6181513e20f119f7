import type { OcrLine } from './lines.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | null {
  const fullYear = year < 100 ? 2000 + year : year;
  if (month < 1 || month > 12 || day < 1 || day > 31 || fullYear < 2000 || fullYear > 2100)
    return null;
  return `${fullYear}-${pad(month)}-${pad(day)}`;
}

const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/**
 * The first date printed. Numeric dates are read day first (as India and Europe print
 * them) unless the bill is in dollars or the first number cannot be a day.
 */
export function findDate(lines: readonly OcrLine[], currency: string | null): string | null {
  for (const { text } of lines) {
    const cleaned = text.replace(/[Oo](?=\d)|(?<=\d)[Oo]/g, '0');
    const iso = /\b(20\d{2})[-/.](\d{1,2})[-/.](\d{1,2})\b/.exec(cleaned);
    if (iso) {
      const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
      if (date) return date;
    }
    const numeric = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})\b/.exec(cleaned);
    if (numeric) {
      const [a, b, y] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
      const monthFirst = (currency === 'USD' && a <= 12) || b > 12;
      const date = monthFirst ? isoDate(y, a, b) : isoDate(y, b, a);
      if (date) return date;
    }
    const dayMonth = /\b(\d{1,2})[\s-]*([A-Za-z]{3,9})[\s,-]*(\d{4}|\d{2})\b/.exec(cleaned);
    if (dayMonth && monthOf(dayMonth[2] ?? '') > 0) {
      const date = isoDate(Number(dayMonth[3]), monthOf(dayMonth[2] ?? ''), Number(dayMonth[1]));
      if (date) return date;
    }
    const monthDay = /\b([A-Za-z]{3,9})\.?\s*(\d{1,2}),?\s*(\d{4})\b/.exec(cleaned);
    if (monthDay && monthOf(monthDay[1] ?? '') > 0) {
      const date = isoDate(Number(monthDay[3]), monthOf(monthDay[1] ?? ''), Number(monthDay[2]));
      if (date) return date;
    }
  }
  return null;
}

// Signs that a bill is Indian, so a "$" or "%" before its total is a misread ₹.
const INDIAN = /gstin|[cs]gst|\bupi\b|r[s5]\.|\bINR\b|₹|rupees/i;

export function findCurrency(lines: readonly OcrLine[], amountLine: string | null): string | null {
  const all = lines.map((line) => line.text).join('\n');
  const india = INDIAN.test(all);
  for (const text of [amountLine ?? '', all]) {
    if (/₹|\bR[s5]\b\.?|\bINR\b|rupees/i.test(text)) return 'INR';
    if (/€|\bEUR\b/.test(text)) return 'EUR';
    if (/£|\bGBP\b/.test(text)) return 'GBP';
    if (/\$|\bUSD\b/.test(text)) return india ? 'INR' : 'USD';
  }
  return india ? 'INR' : null;
}

// Lines at the top of a bill that are not the shop's name.
const NOT_A_NAME =
  /tax\s*invoice|^invoice|receipt|cash\s*memo|^bill\b|original|duplicate|customer\s*copy|gstin|phone|tel\b|^date|^www\.|@/i;

/**
 * The shop's name: among the first lines with words, the one printed largest (shops
 * print their name big and bold), skipping invoice headings and addresses.
 */
export function findMerchant(lines: readonly OcrLine[]): string | null {
  const candidates = lines
    .slice(0, 5)
    .map((line) => ({
      line,
      height: line.height,
      name: line.text
        .replace(/^welcome\s*to\s*/i, '')
        .replace(/^[^A-Za-z]+|[^A-Za-z.')]+$/g, '')
        .trim(),
    }))
    .filter(
      ({ name, line }) =>
        /[A-Za-z]{3}/.test(name) &&
        !NOT_A_NAME.test(name) &&
        // Dates, phone numbers and PIN codes are not names.
        !/\d{4}/.test(line.text) &&
        findDate([line], null) === null,
    )
    .slice(0, 3);
  const tallest = Math.max(0, ...candidates.map((c) => c.height));
  // Line heights vary by a few pixels with the letters in them; only a clearly
  // taller line beats an earlier one.
  return candidates.find((c) => c.height >= tallest * 0.85)?.name ?? null;
}
