// WhatsApp numbers in international (E.164) form: +, country code, number; 8 to 15 digits.

/** "+91 98123-45678" -> "+919812345678", or null when it is not an international number. */
export function normalizePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s().-]/g, '');
  const withPlus = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return /^\+[1-9]\d{7,14}$/.test(withPlus) ? withPlus : null;
}
