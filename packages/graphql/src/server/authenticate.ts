import {
  blankSessionCookie,
  readCookie,
  SESSION_COOKIE_NAME,
  validateApiToken,
  validateSessionToken,
} from '@spendline/auth';
import type { PrismaClient } from '@spendline/db';
import type { Viewer } from '../schema/context.ts';

export interface Authentication {
  viewer: Viewer | null;
  /** Set-Cookie values: clearing a dead cookie. */
  cookies: string[];
  /** The request carried the session cookie (so CSRF rules apply to it). */
  usedCookie: boolean;
}

/**
 * Who sent the request: `Authorization: Bearer spl_...` (scripts) wins over the
 * session cookie (browsers). A bad bearer token does not fall back to the cookie.
 */
export async function authenticate(
  prisma: PrismaClient,
  headers: Headers,
  now: Date,
  secureCookies: boolean,
): Promise<Authentication> {
  const authorization = headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const found = match?.[1] ? await validateApiToken(prisma, match[1], now) : null;
    return {
      viewer: found ? { user: found.user, apiToken: found.apiToken, session: null } : null,
      cookies: [],
      usedCookie: false,
    };
  }
  const token = readCookie(headers.get('cookie'), SESSION_COOKIE_NAME);
  if (!token) return { viewer: null, cookies: [], usedCookie: false };
  const found = await validateSessionToken(prisma, token, now);
  if (!found) {
    return {
      viewer: null,
      cookies: [blankSessionCookie({ secure: secureCookies })],
      usedCookie: true,
    };
  }
  return {
    viewer: { user: found.user, session: found.session, apiToken: null },
    // The cookie was given the session's absolute expiry at sign-in; it never moves.
    cookies: [],
    usedCookie: true,
  };
}
