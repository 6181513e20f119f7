/**
 * WhatsApp user identity in 2026: a business-scoped user id (BSUID, e.g.
 * `US.13491208655302741918`, or a parent BSUID `US.ENT.1181...`) and, unless the user
 * hides it behind a username, a phone number. Key users on the BSUID when present.
 */

// ISO country code, a period, optionally ENT. for a parent BSUID, up to 128 alphanumerics.
const BSUID = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]{1,128}$/;
// E.164 allows at most 15 digits; Meta writes numbers without the leading '+'.
const PHONE_DIGITS = /^\d{6,15}$/;

export function isBsuid(value: string): boolean {
  return BSUID.test(value);
}

/** True for a phone number as digits, with or without a leading '+'. */
export function isPhoneNumber(value: string): boolean {
  return PHONE_DIGITS.test(value.startsWith('+') ? value.slice(1) : value);
}

/** `919812345678` or `+919812345678` -> `+919812345678`. */
export function toE164(phone: string): string {
  return phone.startsWith('+') ? phone : `+${phone}`;
}

/** `+919812345678` -> `919812345678`, the form the Cloud API takes in `to`. */
export function toWaDigits(phone: string): string {
  return phone.startsWith('+') ? phone.slice(1) : phone;
}

export interface WhatsAppUser {
  /** Business-scoped user id; absent only in payloads from before Meta added it. */
  bsuid?: string;
  /** E.164 with a leading '+'; absent when the user hides their number behind a username. */
  phoneNumber?: string;
  /** Profile name the user chose; not unique, not verified. */
  name?: string;
  /** WhatsApp username, when the user has adopted one. */
  username?: string;
}

/**
 * The key to store a WhatsApp user under: the BSUID when known, else the E.164 phone
 * number. The two cannot collide, as a BSUID starts with letters and E.164 with '+'.
 */
export function waKeyOf(user: Pick<WhatsAppUser, 'bsuid' | 'phoneNumber'>): string | undefined {
  return user.bsuid ?? user.phoneNumber;
}
