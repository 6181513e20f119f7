export const SESSION_COOKIE_NAME = 'spendline_session';

export interface CookieOptions {
  /** Secure in production: the cookie never travels over plain HTTP. */
  secure: boolean;
  name?: string | undefined;
}

function attributes({ secure }: CookieOptions): string {
  // Lax: sent on top-level navigation from other sites (links into the dashboard
  // work) but not on cross-site POSTs, which with CSRF prevention closes that door.
  return `Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** The Set-Cookie value that stores a session token until its expiry. */
export function sessionCookie(token: string, expiresAt: Date, options: CookieOptions): string {
  const name = options.name ?? SESSION_COOKIE_NAME;
  return `${name}=${token}; ${attributes(options)}; Expires=${expiresAt.toUTCString()}`;
}

/** The Set-Cookie value that makes the browser forget the session cookie. */
export function blankSessionCookie(options: CookieOptions): string {
  const name = options.name ?? SESSION_COOKIE_NAME;
  return `${name}=; ${attributes(options)}; Max-Age=0`;
}

/** The value of one cookie from a Cookie header, or null. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(';')) {
    const index = pair.indexOf('=');
    if (index === -1) continue;
    if (pair.slice(0, index).trim() === name) {
      const value = pair.slice(index + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return null;
}
