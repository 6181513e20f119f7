// Money stays a bigint count of minor units (paise, cents) from the database to the
// edge; only formatting turns it into text, and never through a float.

const exponents = new Map<string, number>();

/** Digits after the decimal point for a currency: 2 for INR, 0 for JPY, 3 for KWD. */
export function currencyExponent(currency: string): number {
  const code = currency.toUpperCase();
  let exponent = exponents.get(code);
  if (exponent === undefined) {
    // CLDR's currency digits do not depend on the locale, so one lookup per code suffices.
    exponent = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
      .maximumFractionDigits;
    if (exponent === undefined) throw new RangeError(`no minor unit known for ${code}`);
    exponents.set(code, exponent);
  }
  return exponent;
}

/** 12345n INR -> "123.45"; -5n USD -> "-0.05"; 500n JPY -> "500". Exact for any size. */
export function minorToDecimal(minor: bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${negative ? '-' : ''}${whole}${exponent > 0 ? `.${fraction}` : ''}`;
}

/**
 * "123.45" INR -> 12345n. Refuses more fraction digits than the currency has rather
 * than rounding: a silently changed amount is worse than an error.
 */
export function decimalToMinor(decimal: string, currency: string): bigint {
  const exponent = currencyExponent(currency);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) throw new RangeError(`"${decimal}" is not a decimal amount`);
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > exponent) {
    throw new RangeError(`${currency} amounts have at most ${exponent} decimal places`);
  }
  const minor = BigInt(whole + fraction.padEnd(exponent, '0'));
  return sign === '-' ? -minor : minor;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let found = formatters.get(key);
  if (!found) {
    const exponent = currencyExponent(currency);
    found = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formatters.set(key, found);
  }
  return found;
}

/**
 * 1234567n INR in en-IN -> "₹12,345.67". Intl formats the decimal string exactly
 * (it accepts string numerals), so amounts beyond 2^53 keep every digit.
 */
export function formatMoney(minor: bigint, currency: string, locale: string): string {
  const code = currency.toUpperCase();
  return formatter(code, locale).format(minorToDecimal(minor, code) as Intl.StringNumericLiteral);
}
