import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE_HEADER = /^sha256=([0-9a-f]{64})$/;

/** The `X-Hub-Signature-256` value Meta sends for `rawBody`: `sha256=<lowercase hex>`. */
export function signPayload(rawBody: Uint8Array, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * Checks `X-Hub-Signature-256` against the bytes exactly as received. Takes bytes, not
 * a string or parsed JSON, on purpose: Meta escapes non-ASCII as \uXXXX, so any
 * re-serialised body hashes differently.
 */
export function verifySignature(
  rawBody: Uint8Array,
  header: string | undefined,
  appSecret: string,
): boolean {
  if (!appSecret || header === undefined) return false;
  const match = SIGNATURE_HEADER.exec(header);
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  // timingSafeEqual throws on a length mismatch; the pattern already fixes 32 bytes.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Compares the `hub.verify_token` of the GET handshake in constant time. Hashing first
 * gives both sides one length, so the comparison leaks neither content nor length.
 */
export function verifyToken(
  given: string | null | undefined,
  expected: string | undefined,
): boolean {
  if (!expected || typeof given !== 'string') return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
