import { hash, verify } from '@node-rs/argon2';
import { guessabilityProblem } from './password-strength.ts';

// OWASP's argon2id minimum: 19 MiB of memory, 2 iterations, 1 lane.
const owasp = {
  algorithm: 2 /* Argon2id */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

// ASVS 2.1.1: at least 12 characters.
export const MIN_PASSWORD_LENGTH = 12;
// argon2 accepts any length; an upper bound keeps a login request from costing much.
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Why a new password is refused, in words for the person choosing it, or null when it is
 * acceptable. `related` are the account's own words (email, name): a password made of
 * them is among the first an attacker tries.
 */
export async function passwordProblem(
  password: string,
  related: readonly string[] = [],
): Promise<string | null> {
  // Characters, not UTF-16 units: an emoji counts once, as the person sees it.
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    return `Use at least ${MIN_PASSWORD_LENGTH} characters (this one has ${length}).`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  return guessabilityProblem(password, related);
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, owasp);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed login, not a crash.
    return false;
  }
}
