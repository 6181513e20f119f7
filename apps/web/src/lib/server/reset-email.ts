// The email a password reset was asked for, remembered in an HttpOnly cookie for the ten
// minutes its code lives, so /reset-password/ need not ask for it again. Not a secret:
// the form shows it and lets it be changed.
import type { Cookies } from '@sveltejs/kit';
import { secureCookie } from './pending-otp.ts';

const COOKIE = 'spendline_reset';

export function rememberResetEmail(cookies: Cookies, email: string, url: URL): void {
  cookies.set(COOKIE, email, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookie(url),
    maxAge: 10 * 60,
  });
}

export function resetEmail(cookies: Cookies): string {
  return cookies.get(COOKIE) ?? '';
}

export function forgetResetEmail(cookies: Cookies): void {
  cookies.delete(COOKIE, { path: '/' });
}
