// Checks for the fields of a profile, shared by every way an account is made or edited.

const supportedCurrencies = new Set(Intl.supportedValuesOf('currency'));

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Deliberately loose: one @, something on each side, a dot in the domain. The
// real check is that mail arrives; this only catches typing mistakes.
export function isEmail(email: string): boolean {
  return email.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(email);
}

export function isCurrencyCode(code: string): boolean {
  return supportedCurrencies.has(code);
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function isLocale(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

/** "+91 98765-43210" -> "+919876543210"; null when it cannot be an E.164 number. */
export function normalizePhoneNumber(input: string): string | null {
  const compact = input.replace(/[\s().-]/g, '');
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : null;
}
