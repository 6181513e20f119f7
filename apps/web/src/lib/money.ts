// Money crosses the dashboard as integer minor units in decimal strings ("12050" INR is
// ₹120.50). Conversions here are string and BigInt arithmetic: never floats.

/** How many minor-unit digits a currency has (INR 2, JPY 0, BHD 3). */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** "12050" -> "120.50" for INR: the amount in major units, exactly. */
export function toMajor(minor: string, currency: string): string {
  const digits = minorDigits(currency);
  const negative = minor.startsWith('-');
  const units = (negative ? minor.slice(1) : minor).padStart(digits + 1, '0');
  const whole = units.slice(0, units.length - digits);
  const fraction = units.slice(units.length - digits);
  return `${negative ? '-' : ''}${whole}${digits ? `.${fraction}` : ''}`;
}

/**
 * What a person typed ("120", "120.5", "1,250.75") -> minor units ("12050"), or null when
 * it is not a positive amount with at most the currency's decimals.
 */
export function toMinor(input: string, currency: string): string | null {
  const digits = minorDigits(currency);
  const cleaned = input.trim().replace(/[\s,_]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  if (fraction.length > digits) return null;
  const minor = BigInt(whole + fraction.padEnd(digits, '0'));
  return minor > 0n ? minor.toString() : null;
}

/** Minor units formatted for people in their locale, e.g. "₹1,20,050.00" in en-IN. */
export function formatMinor(minor: string, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  return format.format(toMajor(minor, currency) as Intl.StringNumericLiteral);
}
