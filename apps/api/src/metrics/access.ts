import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** allowed: serve; unauthorized: a wrong token (401); hidden: as if there were no such page (404). */
export type MetricsAccess = 'allowed' | 'unauthorized' | 'hidden';

// Any of these says a proxy passed the request on: its socket is the proxy's, not the
// client's (the web app's proxy runs on loopback and always adds X-Forwarded-For).
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host'];

/** Whether a socket's address is this machine's own (127.0.0.0/8, ::1, or 127.x mapped to IPv6). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  // Node gives sockets' addresses in their short form.
  if (address === '::1') return true;
  const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

// Hashing both sides first gives equal lengths, so the comparison tells nothing of the
// token's length either.
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Who may read /metrics: a request straight from this machine (its socket on loopback,
 * with no proxy's headers), or anyone with `Authorization: Bearer <token>`. A request
 * that presents credentials is judged by them alone: 401 when they are wrong, and 404
 * when no token is configured, so the page's existence is told to nobody else.
 */
export function metricsAccess(req: IncomingMessage, token: string | undefined): MetricsAccess {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    if (token === undefined) return 'hidden';
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    return bearer !== undefined && sameSecret(bearer, token) ? 'allowed' : 'unauthorized';
  }
  const proxied = PROXY_HEADERS.some((name) => req.headers[name] !== undefined);
  return !proxied && isLoopback(req.socket.remoteAddress) ? 'allowed' : 'hidden';
}
