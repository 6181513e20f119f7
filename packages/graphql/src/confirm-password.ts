import {
  consume,
  loginRateLimitKeys,
  MAX_PASSWORD_LENGTH,
  RATE_LIMITS,
  resetRateLimit,
  verifyPassword,
} from '@spendline/auth';
import type { SignedInContext } from './context.ts';
import { PasswordRequiredError, RateLimitedError } from './errors.ts';

/** Whether the viewer has a WhatsApp number linked now. */
export async function hasActiveWhatsAppLink(context: SignedInContext): Promise<boolean> {
  const link = await context.prisma.whatsAppLink.findFirst({
    where: { userId: context.viewer.user.id, active: true },
    select: { id: true },
  });
  return link !== null;
}

/**
 * Checks the viewer's password before a sensitive change, so a stolen session (or an
 * unlocked laptop) cannot move the account's WhatsApp to another phone. Guesses count
 * against the same per-account allowance as logins: this is no side door for trying
 * passwords, and a match clears the count as a login does.
 */
export async function confirmPassword(
  context: SignedInContext,
  password: string | null | undefined,
): Promise<void> {
  if (!password) throw new PasswordRequiredError(false);
  const { user } = context.viewer;
  const key = loginRateLimitKeys.account(user.email);
  const { limit, windowMs } = RATE_LIMITS.loginPerAccount;
  const allowance = await consume(context.prisma, key, limit, windowMs, context.now());
  if (!allowance.allowed) throw new RateLimitedError(allowance.retryAfterMs);
  const stored = await context.prisma.user.findUnique({
    where: { id: user.id },
    select: { passwordHash: true },
  });
  // An over-long password is a wrong one, as at login: hashing megabytes costs too much.
  const matches =
    password.length <= MAX_PASSWORD_LENGTH &&
    stored?.passwordHash != null &&
    (await verifyPassword(stored.passwordHash, password));
  if (!matches) {
    throw new PasswordRequiredError(true);
  }
  await resetRateLimit(context.prisma, key);
}
