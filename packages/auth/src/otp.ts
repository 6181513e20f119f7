import { randomFillSync } from 'node:crypto';
import { hmac } from '@oslojs/crypto/hmac';
import { generateRandomString, type RandomReader } from '@oslojs/crypto/random';
import { SHA256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeHex, encodeHexLowerCase } from '@oslojs/encoding';
import {
  newId,
  prismaQueries,
  sql,
  whatsAppLinkColumns,
  type OtpChallenge,
  type OtpPurpose,
  type PrismaClient,
  type Queries,
  type WhatsAppLink,
} from '@spendline/db';
import { consume, countMany, peek, RATE_LIMITS } from './rate-limit.ts';

const minute = 60 * 1000;
export const OTP_LENGTH = 6;
// A link code is typed into WhatsApp by whoever holds it, and anyone can message the
// bot: two more digits make guessing one of the live codes a hundred times harder.
export const LINK_CODE_LENGTH = 8;
export const OTP_TTL_MS = 10 * minute;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_RESEND_COOLDOWN_MS = minute;
// A wrong "LINK <code>" cannot say which code it was aimed at, so it counts against every
// live one: a code dies after this many wrong guesses made while it lived, by anyone.
// An attacker's chance against one code is then at most 25 in 10^8, whatever number of
// phones they use; the price is that 25 wrong LINK messages in ten minutes spend every
// live code (their owners ask for a new one, or link by the code sent to their number).
export const LINK_CODE_MAX_WRONG_GUESSES = 25;

const random: RandomReader = {
  read: (bytes) => {
    randomFillSync(bytes);
  },
};

/** Digits from the CSPRNG, uniformly distributed (no modulo bias). */
export function generateCode(length: number): string {
  return generateRandomString(random, '0123456789', length);
}

/**
 * HMAC-SHA256 of a code under SECRET_KEY, hex. Six digits hash in microseconds, so
 * a plain hash would fall to a table of all million; the key makes it useless
 * to anyone who reads the database without the configuration.
 */
export function hashCode(secretKey: string, purpose: OtpPurpose, code: string): string {
  const encoder = new TextEncoder();
  return encodeHexLowerCase(
    hmac(SHA256, encoder.encode(secretKey), encoder.encode(`${purpose}:${code}`)),
  );
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && constantTimeEqual(decodeHex(a), decodeHex(b));
}

export type OtpRequest =
  | { ok: true; code: string; challenge: OtpChallenge }
  | { ok: false; reason: 'cooldown' | 'rate_limited'; retryAfterMs: number };

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * Starts a code for a user, replacing any earlier one of that purpose: a
 * WHATSAPP_OTP sent to `phoneNumber`, or a LINK_CODE shown on the dashboard.
 * Refused within the resend cool-down and past the hourly limit. `afterCreate`
 * runs in the same transaction (the caller queues the outbound message there).
 */
export async function startOtpChallenge(
  prisma: PrismaClient,
  input: {
    userId: string;
    purpose: OtpPurpose;
    phoneNumber?: string | null;
    secretKey: string;
    now: Date;
    afterCreate?: (tx: Tx, code: string, challenge: OtpChallenge) => Promise<unknown>;
  },
): Promise<OtpRequest> {
  const { userId, purpose, now } = input;
  const recent = await prisma.otpChallenge.findFirst({
    where: {
      userId,
      purpose,
      consumedAt: null,
      lastSentAt: { gt: new Date(now.getTime() - OTP_RESEND_COOLDOWN_MS) },
    },
    orderBy: { lastSentAt: 'desc' },
  });
  if (recent) {
    return {
      ok: false,
      reason: 'cooldown',
      retryAfterMs: recent.lastSentAt.getTime() + OTP_RESEND_COOLDOWN_MS - now.getTime(),
    };
  }
  const { limit, windowMs } = RATE_LIMITS.otpRequestPerAccount;
  const allowance = await consume(
    prismaQueries(prisma),
    `otp:request:${purpose}:${userId}`,
    limit,
    windowMs,
    now,
  );
  if (!allowance.allowed) {
    return { ok: false, reason: 'rate_limited', retryAfterMs: allowance.retryAfterMs };
  }
  const code = generateCode(purpose === 'LINK_CODE' ? LINK_CODE_LENGTH : OTP_LENGTH);
  const challenge = await prisma.$transaction(async (tx) => {
    await tx.otpChallenge.deleteMany({ where: { userId, purpose, consumedAt: null } });
    const created = await tx.otpChallenge.create({
      data: {
        userId,
        purpose,
        phoneNumber: input.phoneNumber ?? null,
        codeHash: hashCode(input.secretKey, purpose, code),
        expiresAt: new Date(now.getTime() + OTP_TTL_MS),
        lastSentAt: now,
        createdAt: now,
      },
    });
    await input.afterCreate?.(tx, code, created);
    return created;
  });
  return { ok: true, code, challenge };
}

export type LinkResult =
  | { ok: true; link: WhatsAppLink }
  | {
      ok: false;
      reason: 'no_challenge' | 'wrong_code' | 'too_many_attempts' | 'number_taken';
      attemptsLeft?: number;
    };

/** Links (or re-activates) a number for a user; refuses one linked to someone else. */
async function linkNumber(
  tx: Queries,
  userId: string,
  identity: { phoneNumber: string | null; bsuid?: string | null },
  now: Date,
): Promise<WhatsAppLink | null> {
  const { phoneNumber, bsuid = null } = identity;
  const [existing] = await tx.rows<{ id: string; userId: string }>(sql`
    SELECT id, user_id AS "userId" FROM whatsapp_links
     WHERE phone_number = ${phoneNumber} OR bsuid = ${bsuid}
     LIMIT 1`);
  if (existing && existing.userId !== userId) return null;
  const [link] = existing
    ? await tx.rows<WhatsAppLink>(sql`
        UPDATE whatsapp_links
           SET active = true, verified_at = ${now}::timestamptz,
               phone_number = COALESCE(${phoneNumber}, phone_number),
               bsuid = COALESCE(${bsuid}, bsuid), updated_at = now()
         WHERE id = ${existing.id}::uuid
        RETURNING ${whatsAppLinkColumns}`)
    : await tx.rows<WhatsAppLink>(sql`
        INSERT INTO whatsapp_links (id, user_id, phone_number, bsuid, verified_at, updated_at)
        VALUES (${newId()}::uuid, ${userId}::uuid, ${phoneNumber}, ${bsuid},
                ${now}::timestamptz, now())
        RETURNING ${whatsAppLinkColumns}`);
  return link ?? null;
}

export type CodeAttempt =
  | { ok: true; challenge: OtpChallenge }
  | {
      ok: false;
      reason: 'no_challenge' | 'wrong_code' | 'too_many_attempts';
      attemptsLeft?: number;
    };

/**
 * Checks a code typed by a user against their live challenge of `purpose`. Each try
 * counts before the comparison (OTP_MAX_ATTEMPTS per code, and the account's allowance
 * per 15 minutes), so parallel guesses cannot exceed the limits. Does not spend the code.
 */
export async function tryCode(
  prisma: PrismaClient,
  input: { userId: string; purpose: OtpPurpose; code: string; secretKey: string; now: Date },
): Promise<CodeAttempt> {
  const { userId, purpose, now } = input;
  const { limit, windowMs } = RATE_LIMITS.otpVerifyPerAccount;
  const key =
    purpose === 'WHATSAPP_OTP' ? `otp:verify:${userId}` : `otp:verify:${purpose}:${userId}`;
  const allowance = await consume(prismaQueries(prisma), key, limit, windowMs, now);
  if (!allowance.allowed) return { ok: false, reason: 'too_many_attempts', attemptsLeft: 0 };
  const challenge = await prisma.otpChallenge.findFirst({
    where: { userId, purpose, consumedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
  });
  if (!challenge) return { ok: false, reason: 'no_challenge' };
  const counted = await prisma.otpChallenge.updateMany({
    where: { id: challenge.id, consumedAt: null, attempts: { lt: OTP_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count === 0) return { ok: false, reason: 'too_many_attempts', attemptsLeft: 0 };
  const attemptsLeft = OTP_MAX_ATTEMPTS - (challenge.attempts + 1);
  if (!sameHash(challenge.codeHash, hashCode(input.secretKey, purpose, input.code.trim()))) {
    return attemptsLeft > 0
      ? { ok: false, reason: 'wrong_code', attemptsLeft }
      : { ok: false, reason: 'too_many_attempts', attemptsLeft: 0 };
  }
  return { ok: true, challenge };
}

/**
 * Checks the code the user typed on the dashboard against their live WHATSAPP_OTP
 * challenge and, when it matches, links the number it was sent to (see tryCode).
 * `afterLink` runs in the linking transaction (e.g. to queue a welcome): what it writes
 * commits with the link or not at all.
 */
export async function verifyWhatsAppOtp(
  prisma: PrismaClient,
  input: {
    userId: string;
    code: string;
    secretKey: string;
    now: Date;
    afterLink?: (tx: Tx, link: WhatsAppLink) => Promise<unknown>;
  },
): Promise<LinkResult> {
  const { userId, now } = input;
  const attempt = await tryCode(prisma, { ...input, purpose: 'WHATSAPP_OTP' });
  if (!attempt.ok) return attempt;
  const { challenge } = attempt;
  if (!challenge.phoneNumber) return { ok: false, reason: 'no_challenge' };
  const phoneNumber = challenge.phoneNumber;
  return prisma.$transaction(async (tx): Promise<LinkResult> => {
    const consumed = await tx.otpChallenge.updateMany({
      where: { id: challenge.id, consumedAt: null },
      data: { consumedAt: now },
    });
    if (consumed.count === 0) return { ok: false, reason: 'no_challenge' };
    const link = await linkNumber(prismaQueries(tx), userId, { phoneNumber }, now);
    if (!link) return { ok: false, reason: 'number_taken' };
    await input.afterLink?.(tx, link);
    return { ok: true, link };
  });
}

const linkGuessKey = (userId: string) => `link:guesses:${userId}`;

/** Counts a wrong LINK guess against every live code and against the accounts they belong to. */
async function countWrongLinkGuess(tx: Queries, now: Date): Promise<void> {
  const live = await tx.rows<{ userId: string }>(sql`
    UPDATE otp_challenges SET attempts = attempts + 1
     WHERE purpose = 'LINK_CODE' AND consumed_at IS NULL AND expires_at > ${now}::timestamptz
    RETURNING user_id AS "userId"`);
  const keys = live.map((challenge) => linkGuessKey(challenge.userId));
  await countMany(tx, keys, RATE_LIMITS.linkGuessesPerAccount.windowMs, now);
}

/**
 * For the bot: a sender typed "LINK <code>". Finds the live LINK_CODE challenge by
 * its keyed hash and links the sender's number (or BSUID) to that challenge's user.
 * The caller rate-limits senders; a wrong code tells it nothing about any account, and
 * counts against every live code (LINK_CODE_MAX_WRONG_GUESSES) and their accounts
 * (RATE_LIMITS.linkGuessesPerAccount): past either, the code no longer links.
 * Run it in a transaction (the bot's own), so the code is spent only with the link.
 */
export async function redeemLinkCode(
  tx: Queries,
  input: {
    code: string;
    phoneNumber: string | null;
    bsuid?: string | null;
    secretKey: string;
    now: Date;
  },
): Promise<(LinkResult & { userId?: string }) | { ok: false; reason: 'no_challenge' }> {
  const code = input.code.trim();
  if (!/^\d+$/.test(code) || code.length !== LINK_CODE_LENGTH)
    return { ok: false, reason: 'no_challenge' };
  const codeHash = hashCode(input.secretKey, 'LINK_CODE', code);
  const [challenge] = await tx.rows<{ id: string; userId: string; attempts: number }>(sql`
    SELECT id, user_id AS "userId", attempts FROM otp_challenges
     WHERE code_hash = ${codeHash} AND purpose = 'LINK_CODE' AND consumed_at IS NULL
       AND expires_at > ${input.now}::timestamptz
     LIMIT 1`);
  if (!challenge) {
    await countWrongLinkGuess(tx, input.now);
    return { ok: false as const, reason: 'no_challenge' as const };
  }
  const guessed = await peek(tx, linkGuessKey(challenge.userId), input.now);
  if (
    challenge.attempts >= LINK_CODE_MAX_WRONG_GUESSES ||
    guessed >= RATE_LIMITS.linkGuessesPerAccount.limit
  )
    return { ok: false as const, reason: 'no_challenge' as const };
  const consumed = await tx.execute(sql`
    UPDATE otp_challenges SET consumed_at = ${input.now}::timestamptz
     WHERE id = ${challenge.id}::uuid AND consumed_at IS NULL`);
  if (consumed === 0) return { ok: false as const, reason: 'no_challenge' as const };
  const link = await linkNumber(
    tx,
    challenge.userId,
    { phoneNumber: input.phoneNumber, bsuid: input.bsuid ?? null },
    input.now,
  );
  return link
    ? { ok: true as const, link, userId: challenge.userId }
    : { ok: false as const, reason: 'number_taken' as const };
}
