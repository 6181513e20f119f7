import { describe, expect, it } from 'vitest';
import { blankSessionCookie, readCookie, SESSION_COOKIE_NAME, sessionCookie } from './cookies.ts';

describe('session cookies', () => {
  it('are HttpOnly, SameSite=Lax, site-wide and expire with the session', () => {
    const cookie = sessionCookie('abc', new Date('2026-12-24T00:00:00Z'), { secure: false });
    expect(cookie).toBe(
      `${SESSION_COOKIE_NAME}=abc; Path=/; HttpOnly; SameSite=Lax; Expires=Thu, 24 Dec 2026 00:00:00 GMT`,
    );
  });

  it('are Secure when asked to be (production)', () => {
    expect(sessionCookie('abc', new Date(0), { secure: true })).toContain('; Secure');
    expect(sessionCookie('abc', new Date(0), { secure: false })).not.toContain('Secure');
  });

  it('are cleared with an empty value that expires at once', () => {
    expect(blankSessionCookie({ secure: true })).toBe(
      `${SESSION_COOKIE_NAME}=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0`,
    );
  });

  it('are read back from a Cookie header among others', () => {
    expect(readCookie('a=1; spendline_session=tok; b=2', SESSION_COOKIE_NAME)).toBe('tok');
    expect(readCookie('a=1; b=2', SESSION_COOKIE_NAME)).toBeNull();
    expect(readCookie(undefined, SESSION_COOKIE_NAME)).toBeNull();
    expect(readCookie('x_spendline_session=no', SESSION_COOKIE_NAME)).toBeNull();
  });
});
