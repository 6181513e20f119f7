// The facts a bank or card alert carries, each read on its own: the amount, the day, who
// was paid or paid us, the account or card, and the bank's reference for the payment.
import { decimalToMinor } from '@spendline/ledger';
import { isValidDate } from '../calendar.ts';

export interface AlertAmount {
  amountMinor: bigint;
  currency: string;
}

const CURRENCY_MARK = String.raw`(?:rs\.?|inr|₹|usd|eur|gbp|aed|sgd|\$|€|£)`;
const NUMBER = String.raw`(\d{1,3}(?:,\d{2,3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)`;
const MARKED = new RegExp(String.raw`${CURRENCY_MARK}[\s:]*${NUMBER}(?![\d,])`, 'gi');
const TRAILING_MARK = new RegExp(String.raw`(?<![\w.,])${NUMBER}\s*(?:rs|inr|rupees)\b`, 'gi');
// SBI's UPI alerts name no currency: "A/C X1234 debited by 500.0".
const VERB_NUMBER = new RegExp(
  String.raw`\b(?:debited|credited)\s+(?:by|for|with)\s+${NUMBER}(?![\d,])`,
  'gi',
);
// Words just before an amount that make it a balance, a limit or a due, not the payment.
const NOT_PAYMENT =
  /\b(?:bal(?:ance)?|avl|avail(?:able)?|limit|lmt|due|min(?:imum)?|outstanding|o\/s)\b[\s.:\-a-z]{0,20}$/i;

const SYMBOLS: Record<string, string> = { '₹': 'INR', $: 'USD', '€': 'EUR', '£': 'GBP' };

function currencyOfMark(mark: string): string {
  const key = mark.replace(/[.:\s]+$/, '').toUpperCase();
  if (key === 'RS' || key === '') return 'INR';
  return SYMBOLS[key] ?? key;
}

function toAmount(number: string, currency: string): AlertAmount | null {
  try {
    const minor = decimalToMinor(number.replace(/,/g, ''), currency);
    return minor > 0n ? { amountMinor: minor, currency } : null;
  } catch {
    return null;
  }
}

/** The payment's amount: the first money in the text that is no balance, limit or due. */
export function alertAmount(text: string): AlertAmount | null {
  const found: { index: number; amount: AlertAmount }[] = [];
  const take = (pattern: RegExp, currency: (match: RegExpExecArray) => string) => {
    for (const match of text.matchAll(pattern)) {
      if (NOT_PAYMENT.test(text.slice(Math.max(0, match.index - 30), match.index))) continue;
      const amount = toAmount(match.at(-1)!, currency(match));
      if (amount) found.push({ index: match.index, amount });
    }
  };
  take(MARKED, (m) => currencyOfMark(/^\D+/.exec(m[0])![0].trim()));
  take(TRAILING_MARK, () => 'INR');
  take(VERB_NUMBER, () => 'INR');
  found.sort((a, b) => a.index - b.index);
  return found[0]?.amount ?? null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*`;
const DATE_FORMS: { pattern: RegExp; read: (m: RegExpExecArray) => [number, number, number] }[] = [
  {
    // 2026-12-03
    pattern: /(?<!\d)(20\d\d)-(\d{1,2})-(\d{1,2})(?!\d)/,
    read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
  {
    // 03-12-26, 03/12/2026, 03.12.26: Indian banks write the day first.
    pattern: /(?<![\d.:/-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-])/,
    read: (m) => [year(m[4]!), Number(m[3]), Number(m[1])],
  },
  {
    // 03-Dec-26, 03 Dec 2026, 03Dec26, 3-DEC-2026
    pattern: new RegExp(
      String.raw`(?<!\d)(\d{1,2})[-\s/]?${MONTH}[-\s/,]*(\d{4}|\d{2})(?![\d:])`,
      'i',
    ),
    read: (m) => [year(m[3]!), monthOf(m[2]!), Number(m[1])],
  },
  {
    // Dec 03, 2026
    pattern: new RegExp(String.raw`\b${MONTH}\s+(\d{1,2}),?\s+(\d{4})(?!\d)`, 'i'),
    read: (m) => [Number(m[3]), monthOf(m[1]!), Number(m[2])],
  },
];

const year = (digits: string) => (digits.length === 2 ? 2000 + Number(digits) : Number(digits));
const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** The day the alert names, as YYYY-MM-DD, or null when it names none that exists. */
export function alertDate(text: string): string | null {
  let best: { index: number; date: string } | null = null;
  for (const { pattern, read } of DATE_FORMS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [y, m, d] = read(match);
    if (!isValidDate(y, m, d)) continue;
    if (best && best.index <= match.index) continue;
    const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    best = { index: match.index, date };
  }
  return best?.date ?? null;
}

/** The last digits of the account or card the alert is about ("1234"). */
export function alertAccount(text: string): string | null {
  const masked = /(?:[x*#]{2,}|\b[x*](?=\d))\s?(\d{3,6})\b/i.exec(text);
  if (masked) return masked[1]!;
  const named =
    /\b(?:a\/c|ac|acct|account|card)(?:\s*(?:no\.?|number|ending(?:\s+(?:with|in))?))?\s*[:-]?\s*[x*.]*\s?(\d{3,6})\b/i.exec(
      text,
    );
  return named?.[1] ?? null;
}

const REFERENCE_LABEL = String.raw`(?:upi\s*(?:ref(?:erence)?|txn)?\.?\s*(?:no\.?|number|id)?|ref(?:erence)?\.?\s*(?:no\.?|number|id)?|refno|rrn|utr(?:\s*no\.?)?|txn\.?\s*(?:id|no\.?|ref(?:\s*no\.?)?)|transaction\s*(?:id|ref(?:erence)?(?:\s*no\.?)?)|imps\s*ref(?:\s*no\.?)?|order\s*id)`;
const REFERENCE = new RegExp(
  String.raw`\b${REFERENCE_LABEL}\s*[:\-.#]?\s*([a-z0-9]{6,24})\b`,
  'gi',
);
// Axis and IDFC put it in a path: UPI/P2M/334455667788/SWIGGY.
const PATH_REFERENCE = /\b(?:upi|imps|neft)[/:](?:[a-z0-9]{2,4}\/)?(\d{9,22})\b/i;
const NEFT_UTR = /\b([a-z]{4}[a-z0-9]\d{10,17})\b/i;

/** The bank's reference for the payment (UPI ref, UTR, RRN, transaction id), upper case. */
export function alertReference(text: string): string | null {
  for (const match of text.matchAll(REFERENCE)) {
    const value = match[1]!;
    if (/\d{4}/.test(value)) return value.toUpperCase();
  }
  const path = PATH_REFERENCE.exec(text);
  if (path) return path[1]!;
  if (/\bneft\b/i.test(text)) {
    const utr = NEFT_UTR.exec(text);
    if (utr) return utr[1]!.toUpperCase();
  }
  return null;
}

export interface Payee {
  /** As the alert names it: "SWIGGY", "swiggy@icici", "AMAZON". */
  name: string;
  /** The UPI handle, when the alert names one. */
  handle: string | null;
}

const VPA = /\b([a-z0-9][a-z0-9._-]{1,63})@([a-z][a-z0-9]{1,20})\b(?!\.[a-z])/i;
const NAME = String.raw`([a-z0-9][a-z0-9&'.* _-]{1,40}?)`;
const NAME_END = String.raw`(?=\s+(?:on|via|using|thru|through|ref\w*|upi|txn|avl|available|for|from|at|by|and|is|was|has|dated|info|not|if|call|-)\b|\s*[.,;:(]|\s+\d|\s*$)`;
const form = (pattern: string) => new RegExp(pattern, 'gi');
// Each direction names the other party its own way first: a refund is "from FLIPKART"
// even when it also says "to HDFC Bank Card".
const PATH_PAYEE = form(
  String.raw`\b(?:upi|imps|neft|rtgs)[/-](?:[a-z0-9]{2,4}[/-])?[a-z0-9]{6,24}[/-](?:(?:dr|cr)[/-])?([a-z][a-z0-9 .&'_-]{1,40}?)(?=[/.]|\s+(?:not|avl|call|total)\b|\s*$)`,
);
const ICICI_PAYEE = form(String.raw`;\s*${NAME}\s+credited\b`);
const AT = form(String.raw`\b(?:at|@)\s+${NAME}${NAME_END}`);
const TO = form(
  String.raw`\b(?:trf|transfer(?:red)?|paid|sent|payment|txn)?\s*to\s+(?:vpa\s+)?${NAME}${NAME_END}`,
);
const MANDATE = form(
  String.raw`\b(?:towards(?:\s+e-?mandate\s+for)?|mandate\s+for|autopay\s+si\s*-|si\s*-|for\s+autopay\s*-?)\s+${NAME}${NAME_END}`,
);
const FROM = form(String.raw`\b(?:from|by)\s+(?:vpa\s+)?${NAME}${NAME_END}`);
const INFO = form(String.raw`\binfo\s*[:\-]\s*([a-z0-9][^.;]{1,60})`);
const PAYEE_FORMS = {
  debit: [ICICI_PAYEE, PATH_PAYEE, AT, TO, MANDATE, INFO],
  credit: [PATH_PAYEE, FROM, INFO, AT],
};
// What follows "to", "from" or "at" in an alert without naming anyone.
const NOT_A_NAME =
  /^(?:your|you|ur|a\/?c|ac|acct|account|card|the|bank|beneficiary|mobile|mob|upi|vpa|xx|linked|a|an|info|us|self|rs|inr|credit|debit|nach|ecs|e-?mandate|autopay|si|neft|imps|\d[\d\s]*)\b|\b(?:bank|a\/c|card)\b/i;

/** Who was paid (a debit) or who paid (a credit), as far as the alert says. */
export function alertPayee(text: string, flow: 'debit' | 'credit'): Payee | null {
  const vpa = VPA.exec(text);
  if (vpa) return { name: vpa[0], handle: vpa[0].toLowerCase() };
  for (const pattern of PAYEE_FORMS[flow]) {
    for (const match of text.matchAll(pattern)) {
      const name = match[1]!
        .trim()
        .replace(/[.\s-]+$/, '')
        .replace(/^(?:bill\s+)?payment\s+(?:of|to|for)\s+/i, '');
      if (name.length >= 2 && !NOT_A_NAME.test(name) && /[a-z]{2}/i.test(name)) {
        return { name, handle: null };
      }
    }
  }
  return null;
}

/** The word a payee is known by in aliases: "swiggy" for swiggy@icici or "SWIGGY INSTAMART". */
export function payeeWord(payee: Payee): string {
  const base = payee.handle ? payee.handle.slice(0, payee.handle.indexOf('@')) : payee.name;
  const words = base
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => /[a-z]{2}/.test(w));
  return words[0] ?? base.toLowerCase();
}
