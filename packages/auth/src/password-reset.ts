import type { OtpChallenge, PrismaClient, User } from '@spendline/db';
import { startOtpChallenge, tryCode } from './otp.ts';
import { hashPassword, passwordProblem } from './password.ts';
import { normalizeEmail } from './profile.ts';
import { invalidateUserSessions } from './sessions.ts';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface ResetCodeMessage {
  phoneNumber: string;
  code: string;
  locale: string;
  expiresAt: Date;
}

/**
 * Sends a reset code to the account's linked WhatsApp number, when there is such an
 * account and number. Says nothing either way: whoever asks cannot tell whether the
 * email has an account, a number, or was asked for a minute ago (the resend cool-down
 * and hourly limit of the OTP apply and are kept quiet too). `send` queues the message
 * in the transaction that stores the code's hash.
 */
export async function requestPasswordReset(
  prisma: PrismaClient,
  input: {
    email: string;
    secretKey: string;
    now: Date;
    send: (tx: Tx, message: ResetCodeMessage) => Promise<unknown>;
  },
): Promise<void> {
  const user = await prisma.user.findUnique({
    where: { email: normalizeEmail(input.email), deletedAt: null },
    select: { id: true, locale: true },
  });
  if (!user) return;
  const link = await prisma.whatsAppLink.findFirst({
    where: { userId: user.id, active: true, phoneNumber: { not: null } },
    orderBy: { verifiedAt: 'desc' },
    select: { phoneNumber: true },
  });
  const phoneNumber = link?.phoneNumber;
  if (!phoneNumber) return;
  await startOtpChallenge(prisma, {
    userId: user.id,
    purpose: 'PASSWORD_RESET',
    phoneNumber,
    secretKey: input.secretKey,
    now: input.now,
    afterCreate: (tx, code, challenge: OtpChallenge) =>
      input.send(tx, { phoneNumber, code, locale: user.locale, expiresAt: challenge.expiresAt }),
  });
}

export type PasswordReset =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid_password'; problem: string }
  | { ok: false; reason: 'wrong_code'; attemptsLeft: number }
  | { ok: false; reason: 'no_code' | 'too_many_attempts' };

/**
 * Sets a new password for the account of `email` when `code` is its live reset code
 * (5 tries per code, 10 per 15 minutes per account), spends the code and signs every
 * session out. An unknown email answers like a missing code. The new password is checked
 * first, so a weak one does not spend a try.
 */
export async function resetPasswordWithCode(
  prisma: PrismaClient,
  input: { email: string; code: string; newPassword: string; secretKey: string; now: Date },
): Promise<PasswordReset> {
  const email = normalizeEmail(input.email);
  const problem = await passwordProblem(input.newPassword, [email]);
  if (problem) return { ok: false, reason: 'invalid_password', problem };
  const user = await prisma.user.findUnique({
    where: { email, deletedAt: null },
    select: { id: true },
  });
  if (!user) return { ok: false, reason: 'no_code' };
  const attempt = await tryCode(prisma, {
    userId: user.id,
    purpose: 'PASSWORD_RESET',
    code: input.code,
    secretKey: input.secretKey,
    now: input.now,
  });
  if (!attempt.ok) {
    if (attempt.reason === 'wrong_code')
      return { ok: false, reason: 'wrong_code', attemptsLeft: attempt.attemptsLeft ?? 0 };
    return { ok: false, reason: attempt.reason === 'no_challenge' ? 'no_code' : attempt.reason };
  }
  const passwordHash = await hashPassword(input.newPassword);
  return prisma.$transaction(async (tx): Promise<PasswordReset> => {
    const spent = await tx.otpChallenge.updateMany({
      where: { id: attempt.challenge.id, consumedAt: null },
      data: { consumedAt: input.now },
    });
    if (spent.count === 0) return { ok: false, reason: 'no_code' };
    const updated = await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await invalidateUserSessions(tx, user.id);
    return { ok: true, user: updated };
  });
}

/**
 * For an administrator helping someone without WhatsApp: sets the password of the
 * account of `email` and signs every session out. Null when there is no such account.
 */
export async function setPasswordByAdmin(
  prisma: PrismaClient,
  input: { email: string; newPassword: string },
): Promise<{ ok: true; sessionsEnded: number } | { ok: false; problem: string } | null> {
  const email = normalizeEmail(input.email);
  // A deleted account kept for its shared books' sake can never be given a password.
  const user = await prisma.user.findUnique({
    where: { email, deletedAt: null },
    select: { id: true, displayName: true },
  });
  if (!user) return null;
  const problem = await passwordProblem(input.newPassword, [email, user.displayName]);
  if (problem) return { ok: false, problem };
  const passwordHash = await hashPassword(input.newPassword);
  const sessionsEnded = await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    return invalidateUserSessions(tx, user.id);
  });
  return { ok: true, sessionsEnded };
}
