// The number a code was last sent to, remembered in an HttpOnly cookie so that
// /verify-whatsapp/ can resend to it and /dashboard/chat/ can open its chat. It is not a
// secret: the api keeps the challenge; this only saves typing the number again.
import type { Cookies } from '@sveltejs/kit';

const COOKIE = 'spendline_otp';
const TEN_MINUTES = 10 * 60;

export interface PendingOtp {
  phone: string;
  /** When the code was sent (ms since the epoch), for the resend cool-down. */
  sentAt: number;
}

/**
 * Secure unless on a loopback address: adapter-node reports https for plain-HTTP requests
 * unless told otherwise, and browsers only keep Secure cookies from http:// on loopback.
 */
export function secureCookie(url: URL): boolean {
  return !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export function rememberOtp(cookies: Cookies, phone: string, secure: boolean, now = Date.now()) {
  cookies.set(COOKIE, JSON.stringify({ phone, sentAt: now }), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    maxAge: TEN_MINUTES,
  });
}

export function pendingOtp(cookies: Cookies): PendingOtp | null {
  try {
    const value = JSON.parse(cookies.get(COOKIE) ?? 'null') as Partial<PendingOtp> | null;
    return typeof value?.phone === 'string' && typeof value.sentAt === 'number'
      ? { phone: value.phone, sentAt: value.sentAt }
      : null;
  } catch {
    return null;
  }
}

export function forgetOtp(cookies: Cookies) {
  cookies.delete(COOKIE, { path: '/' });
}

/** A code may be sent again a minute after the last one (the api's rule). */
export const RESEND_AFTER_SECONDS = 60;
