import { describe, expect, it } from 'vitest';
import { parseSetCookie } from './set-cookie.ts';

describe('parseSetCookie', () => {
  it('reads the session cookie the api sets at login', () => {
    const cookie = parseSetCookie(
      'spendline_session=abc123; Path=/; HttpOnly; SameSite=Lax; Expires=Wed, 01 Jan 2031 00:00:00 GMT',
    );
    expect(cookie).toEqual({
      name: 'spendline_session',
      value: 'abc123',
      options: {
        path: '/',
        httpOnly: true,
        secure: false,
        sameSite: 'lax',
        expires: new Date('2031-01-01T00:00:00Z'),
      },
    });
  });

  it('reads the blank cookie of a logout, with Secure and Max-Age=0', () => {
    const cookie = parseSetCookie(
      'spendline_session=; Path=/; HttpOnly; SameSite=Lax; Secure; Max-Age=0',
    );
    expect(cookie?.value).toBe('');
    expect(cookie?.options).toMatchObject({ secure: true, maxAge: 0 });
  });

  it('ignores a header without a name', () => {
    expect(parseSetCookie('=oops; Path=/')).toBeNull();
    expect(parseSetCookie('garbage')).toBeNull();
  });
});
