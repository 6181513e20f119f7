// Which currency a symbol, code or word names. Symbols shared by several currencies
// ($, ¥, Rs) mean the user's own currency when it uses that symbol: "$12" is Australian
// dollars for an AUD user and US dollars for an INR user.

import type { Token } from './tokenize.ts';
import { wordMap } from './words.ts';

const narrowSymbols = new Map<string, string>();

function narrowSymbol(currency: string): string {
  let symbol = narrowSymbols.get(currency);
  if (symbol === undefined) {
    const parts = new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      currencyDisplay: 'narrowSymbol',
    }).formatToParts(0);
    symbol = parts.find((part) => part.type === 'currency')?.value ?? currency;
    narrowSymbols.set(currency, symbol);
  }
  return symbol;
}

const RUPEE = 'rupee';
const PESO = 'peso';
const PESO_CURRENCIES = new Set(['MXN', 'ARS', 'CLP', 'COP', 'CUP', 'DOP', 'PHP', 'UYU']);
const DOLLAR = 'dollar';
const YEN = 'yen';
const RUPEE_CURRENCIES = new Set(['INR', 'PKR', 'LKR', 'NPR', 'MUR', 'SCR']);

const SYMBOLS = new Map<string, string>([
  ['₹', RUPEE],
  ['$', DOLLAR],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', YEN],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['₫', 'VND'],
  ['฿', 'THB'],
  ['₱', 'PHP'],
  ['₦', 'NGN'],
  ['₪', 'ILS'],
  ['₴', 'UAH'],
  ['৳', 'BDT'],
  ['₸', 'KZT'],
  // Dollar signs with the country before them, read as one symbol by the tokenizer.
  ['R$', 'BRL'],
  ['MX$', 'MXN'],
  ['US$', 'USD'],
  ['C$', 'CAD'],
  ['A$', 'AUD'],
]);

const WORDS = wordMap<string>([
  ['rs', RUPEE],
  ['rupee', RUPEE],
  ['rupees', RUPEE],
  ['rupay', RUPEE],
  ['rupaye', RUPEE],
  ['rupaiye', RUPEE],
  ['rupiya', RUPEE],
  ['rupaiya', RUPEE],
  ['rupiye', RUPEE],
  ['dollar', DOLLAR],
  ['dollars', DOLLAR],
  ['buck', DOLLAR],
  ['bucks', DOLLAR],
  ['euro', 'EUR'],
  ['euros', 'EUR'],
  ['yen', 'JPY'],
  ['yuan', 'CNY'],
  ['rmb', 'CNY'],
  ['dirham', 'AED'],
  ['dirhams', 'AED'],
  ['rp', 'IDR'],
  ['ringgit', 'MYR'],
  ['baht', 'THB'],
  ['taka', 'BDT'],
  ['रु', RUPEE],
  ['रू', RUPEE],
  ['रुपये', RUPEE],
  ['रुपए', RUPEE],
  ['रुपया', RUPEE],
  ['रूपये', RUPEE],
  ['rupaye', RUPEE],
  ['rupaiye', RUPEE],
  ['rupey', RUPEE],
  ['rupiah', 'IDR'],
  ['real', 'BRL'],
  ['reais', 'BRL'],
  ['peso', PESO],
  ['pesos', PESO],
]);

// Codes read in any case. Others (PEN, CUP, ALL, TOP, TRY, MAD, GEL...) are also English
// words, so they count only in capitals: "120 PEN" is soles, "120 pen" is a pen.
// prettier-ignore
const COMMON_CODES = new Set([
  'INR', 'USD', 'EUR', 'GBP', 'AED', 'SGD', 'AUD', 'CAD', 'JPY', 'CNY', 'CHF', 'NZD', 'HKD',
  'SAR', 'QAR', 'KWD', 'OMR', 'BHD', 'THB', 'MYR', 'IDR', 'LKR', 'NPR', 'BDT', 'PKR', 'ZAR',
  'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'RUB', 'KRW', 'VND', 'BRL', 'MXN', 'ILS', 'EGP',
  'NGN', 'KES', 'TWD', 'RON',
]);

let isoCodes: Set<string> | undefined;

function isIsoCode(code: string): boolean {
  isoCodes ??= new Set(Intl.supportedValuesOf('currency'));
  return isoCodes.has(code);
}

function resolveFamily(family: string, defaultCurrency: string): string {
  if (family === RUPEE) return RUPEE_CURRENCIES.has(defaultCurrency) ? defaultCurrency : 'INR';
  if (family === DOLLAR) return narrowSymbol(defaultCurrency) === '$' ? defaultCurrency : 'USD';
  if (family === PESO) return PESO_CURRENCIES.has(defaultCurrency) ? defaultCurrency : 'MXN';
  if (family === YEN) return defaultCurrency === 'CNY' ? 'CNY' : 'JPY';
  return family;
}

/** The currency a token names, if any: "₹", "Rs", "rupees", "usd", "EUR", "bucks". */
export function currencyOf(token: Token, defaultCurrency: string): string | null {
  if (token.kind === 'symbol') {
    const family = SYMBOLS.get(token.key);
    return family === undefined ? null : resolveFamily(family, defaultCurrency);
  }
  if (token.kind !== 'word') return null;
  const family = WORDS.get(token.key);
  if (family !== undefined) return resolveFamily(family, defaultCurrency);
  if (token.key.length !== 3) return null;
  const code = token.key.toUpperCase();
  if (COMMON_CODES.has(code) || code === defaultCurrency) return code;
  if (token.text === code && isIsoCode(code)) return code;
  return null;
}
