// A client's key for one create (a form's hidden field, a script's retry) turned into the
// id of the row it makes, so sending the same create twice stores it once: the second
// finds the first by its id. The id is a hash of the user and the key, so one user's key
// can never name another user's row.
import { createHash } from 'node:crypto';

/** A UUID (version 8: custom) from the user's id and their key. */
export function idForRequestKey(userId: string, key: string): string {
  const hex = createHash('sha256').update(`${userId}\n${key}`).digest('hex').slice(0, 32);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}

/** PostgreSQL's unique_violation, however the driver adapter wraps it. */
export function isUniqueViolation(error: unknown): boolean {
  const text = JSON.stringify(error, Object.getOwnPropertyNames(error ?? {}));
  return /23505|unique constraint|P2002|duplicate key/i.test(text);
}
