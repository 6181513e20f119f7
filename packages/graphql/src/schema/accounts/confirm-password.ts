import { verifyCurrentPassword } from '@spendline/auth';
import type { SignedInContext } from '../context.ts';
import { PasswordRequiredError, RateLimitedError } from '../errors.ts';

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
 * against the per-account login allowance (see verifyCurrentPassword).
 */
export async function confirmPassword(
  context: SignedInContext,
  password: string | null | undefined,
): Promise<void> {
  if (!password) throw new PasswordRequiredError(false);
  const check = await verifyCurrentPassword(
    context.prisma,
    { userId: context.viewer.user.id, password },
    context.now(),
  );
  if (check.ok) return;
  if (check.reason === 'rate_limited') throw new RateLimitedError(check.retryAfterMs);
  throw new PasswordRequiredError(true);
}
