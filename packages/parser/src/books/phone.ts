// WhatsApp numbers as people type them: "+91 98123 00000", "098123-00000", "9812300000".
// A number without a country code is read as Indian, the product's home market.

const TYPED_PHONE = /^\+?[\d\s().-]+$/;
const SEPARATORS = /[\s().-]/g;
const INDIAN_MOBILE = /^[6-9]\d{9}$/;

/** Whether `text` is written like a phone number at all (digits and separators only). */
export function looksLikePhone(text: string): boolean {
  return TYPED_PHONE.test(text) && text.replace(/\D/g, '').length >= 7;
}

/** The number in E.164 ("+919812300000"), or null when it cannot be one. */
export function phoneNumber(text: string): string | null {
  const typed = text.trim();
  if (!TYPED_PHONE.test(typed)) return null;
  const compact = typed.replace(SEPARATORS, '');
  let digits: string;
  if (compact.startsWith('+')) digits = compact.slice(1);
  else if (compact.startsWith('00')) digits = compact.slice(2);
  else if (INDIAN_MOBILE.test(compact)) digits = `91${compact}`;
  else if (compact.length === 11 && INDIAN_MOBILE.test(compact.slice(1)) && compact[0] === '0')
    digits = `91${compact.slice(1)}`;
  else if (
    compact.length === 12 &&
    compact.startsWith('91') &&
    INDIAN_MOBILE.test(compact.slice(2))
  )
    digits = compact;
  else return null;
  if (!/^[1-9]\d{7,14}$/.test(digits)) return null;
  if (digits.startsWith('91') && !INDIAN_MOBILE.test(digits.slice(2))) return null;
  return `+${digits}`;
}
