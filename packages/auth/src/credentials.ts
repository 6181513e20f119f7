import type { PrismaClient, User } from '@spendline/db';
import { deleteUnlinkedData } from './account-data.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblem, verifyPassword } from './password.ts';
import { normalizeEmail } from './profile.ts';
import { consume, RATE_LIMITS, resetRateLimit } from './rate-limit.ts';
import { invalidateUserSessions } from './sessions.ts';

export type CredentialCheck =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'rate_limited'; retryAfterMs: number };

let decoyHash: Promise<string> | undefined;

// Verifying against a real hash when the email is unknown makes both failures take
// the same time, so response timing does not tell whether an account exists.
function decoy(): Promise<string> {
  decoyHash ??= hashPassword('decoy password that matches nothing');
  return decoyHash;
}

export const loginRateLimitKeys = {
  account: (email: string) => `login:account:${normalizeEmail(email)}`,
  ip: (ip: string) => `login:ip:${ip}`,
};

/**
 * Checks an email and password, counting the attempt against the account and the
 * IP address first. An unknown email and a wrong password give the same answer.
 */
export async function checkCredentials(
  prisma: PrismaClient,
  input: { email: string; password: string; ipAddress?: string | undefined },
  now: Date,
): Promise<CredentialCheck> {
  const email = normalizeEmail(input.email);
  const limits = await Promise.all([
    consume(
      prisma,
      loginRateLimitKeys.account(email),
      RATE_LIMITS.loginPerAccount.limit,
      RATE_LIMITS.loginPerAccount.windowMs,
      now,
    ),
    input.ipAddress
      ? consume(
          prisma,
          loginRateLimitKeys.ip(input.ipAddress),
          RATE_LIMITS.loginPerIp.limit,
          RATE_LIMITS.loginPerIp.windowMs,
          now,
        )
      : null,
  ]);
  const refused = limits.filter((l) => l !== null && !l.allowed);
  if (refused.length > 0) {
    return {
      ok: false,
      reason: 'rate_limited',
      retryAfterMs: Math.max(...refused.map((l) => l?.retryAfterMs ?? 0)),
    };
  }
  // An over-long password is a wrong one; hashing megabytes would make login a DoS lever.
  if (input.password.length > MAX_PASSWORD_LENGTH)
    return { ok: false, reason: 'invalid_credentials' };
  const user = await prisma.user.findUnique({ where: { email } });
  let matches = false;
  if (user?.passwordHash) matches = await verifyPassword(user.passwordHash, input.password);
  else await verifyPassword(await decoy(), input.password);
  if (!user || !matches) return { ok: false, reason: 'invalid_credentials' };
  await resetRateLimit(prisma, loginRateLimitKeys.account(email));
  return { ok: true, user };
}

export type PasswordCheck =
  | { ok: true }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'rate_limited'; retryAfterMs: number };

/**
 * Checks a signed-in user's password before a sensitive change (a new password, a new
 * WhatsApp number, deleting the account). Guesses count against the same per-account
 * allowance as logins, so a stolen session is no side door for trying passwords; a
 * match clears the count as a login does.
 */
export async function verifyCurrentPassword(
  prisma: PrismaClient,
  input: { userId: string; password: string },
  now: Date,
): Promise<PasswordCheck> {
  const user = await prisma.user.findUnique({
    where: { id: input.userId },
    select: { email: true, passwordHash: true },
  });
  if (!user) return { ok: false, reason: 'invalid_credentials' };
  const key = loginRateLimitKeys.account(user.email);
  const { limit, windowMs } = RATE_LIMITS.loginPerAccount;
  const allowance = await consume(prisma, key, limit, windowMs, now);
  if (!allowance.allowed)
    return { ok: false, reason: 'rate_limited', retryAfterMs: allowance.retryAfterMs };
  // An over-long password is a wrong one, as at login: hashing megabytes costs too much.
  const matches =
    input.password.length <= MAX_PASSWORD_LENGTH &&
    user.passwordHash !== null &&
    (await verifyPassword(user.passwordHash, input.password));
  if (!matches) return { ok: false, reason: 'invalid_credentials' };
  await resetRateLimit(prisma, key);
  return { ok: true };
}

export type PasswordChange =
  PasswordCheck | { ok: false; reason: 'invalid_password'; problem: string };

/**
 * Replaces a password after checking the current one, then signs the user out of
 * every other session: whoever knew the old password is locked out.
 */
export async function changePassword(
  prisma: PrismaClient,
  input: { userId: string; currentPassword: string; newPassword: string; keepSessionId?: string },
  now: Date,
): Promise<PasswordChange> {
  const check = await verifyCurrentPassword(
    prisma,
    { userId: input.userId, password: input.currentPassword },
    now,
  );
  if (!check.ok) return check;
  const problem = passwordProblem(input.newPassword);
  if (problem) return { ok: false, reason: 'invalid_password', problem };
  await prisma.user.update({
    where: { id: input.userId },
    data: { passwordHash: await hashPassword(input.newPassword) },
  });
  await invalidateUserSessions(prisma, input.userId, { except: input.keepSessionId });
  return { ok: true };
}

/**
 * Deletes an account and every row that belongs to it: through the schema's cascades
 * sessions, tokens, WhatsApp links, codes, categories, entries, budgets and their alerts,
 * recurring rules; explicitly the linked numbers' chats and the account's rate limits.
 */
export async function deleteAccount(
  prisma: PrismaClient,
  input: { userId: string; password: string },
  now: Date,
): Promise<PasswordCheck> {
  const check = await verifyCurrentPassword(prisma, input, now);
  if (check.ok) {
    await prisma.$transaction(async (tx) => {
      await deleteUnlinkedData(tx, input.userId);
      await tx.user.delete({ where: { id: input.userId } });
    });
  }
  return check;
}
