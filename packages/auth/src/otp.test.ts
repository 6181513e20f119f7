import { createTestDatabase } from '@spendline/db/testing';
import type { Database } from '@spendline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateCode,
  hashCode,
  LINK_CODE_LENGTH,
  LINK_CODE_MAX_WRONG_GUESSES,
  OTP_MAX_ATTEMPTS,
  OTP_RESEND_COOLDOWN_MS,
  OTP_TTL_MS,
  redeemLinkCode,
  startOtpChallenge,
  verifyWhatsAppOtp,
} from './otp.ts';
import { RATE_LIMITS } from './rate-limit.ts';

const secretKey = 'test-secret-key-that-is-long-enough-to-pass';
const now = new Date('2026-03-01T10:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

let db: Database;
let seq = 0;
async function user(): Promise<string> {
  seq += 1;
  return (await db.prisma.user.create({ data: { email: `u${seq}@example.com`, displayName: 'U' } }))
    .id;
}

async function sendOtp(userId: string, phoneNumber: string, at = now): Promise<string> {
  const result = await startOtpChallenge(db.prisma, {
    userId,
    purpose: 'WHATSAPP_OTP',
    phoneNumber,
    secretKey,
    now: at,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.code;
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('codes', () => {
  it('are the asked number of digits, and vary', () => {
    const codes = Array.from({ length: 50 }, () => generateCode(6));
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBeGreaterThan(45);
  });

  it('are stored as a keyed hash that depends on the key and the purpose', () => {
    const hash = hashCode(secretKey, 'WHATSAPP_OTP', '123456');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode('another-secret-key-that-is-long-enough', 'WHATSAPP_OTP', '123456')).not.toBe(
      hash,
    );
    expect(hashCode(secretKey, 'LINK_CODE', '123456')).not.toBe(hash);
  });
});

describe('WhatsApp OTP', () => {
  it('links the number once the right code comes back, and never stores the code', async () => {
    const userId = await user();
    const code = await sendOtp(userId, '+919876500001');
    const stored = await db.prisma.otpChallenge.findFirstOrThrow({ where: { userId } });
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(stored.expiresAt).toEqual(later(OTP_TTL_MS));
    const result = await verifyWhatsAppOtp(db.prisma, {
      userId,
      code,
      secretKey,
      now: later(1000),
    });
    expect(result).toMatchObject({ ok: true, link: { userId, phoneNumber: '+919876500001' } });
    // A code works once.
    expect(await verifyWhatsAppOtp(db.prisma, { userId, code, secretKey, now })).toEqual({
      ok: false,
      reason: 'no_challenge',
    });
  });

  it('runs afterLink inside the linking transaction: its failure undoes the link', async () => {
    const userId = await user();
    const code = await sendOtp(userId, '+919811100077');
    const failing = verifyWhatsAppOtp(db.prisma, {
      userId,
      code,
      secretKey,
      now,
      afterLink: async (tx, link) => {
        await tx.user.update({ where: { id: userId }, data: { displayName: 'Greeted' } });
        throw new Error(`could not greet ${link.phoneNumber}`);
      },
    });
    await expect(failing).rejects.toThrow('could not greet +919811100077');
    expect(await db.prisma.whatsAppLink.count({ where: { userId } })).toBe(0);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: userId } })).displayName).toBe(
      'U',
    );
    // The code was not spent with the rolled-back link: it still links, and afterLink commits.
    const linked = await verifyWhatsAppOtp(db.prisma, {
      userId,
      code,
      secretKey,
      now,
      afterLink: (tx) => tx.user.update({ where: { id: userId }, data: { displayName: 'Hi' } }),
    });
    expect(linked).toMatchObject({ ok: true, link: { phoneNumber: '+919811100077' } });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: userId } })).displayName).toBe(
      'Hi',
    );
  });

  it('allows five tries per code, then refuses even the right one', async () => {
    const userId = await user();
    const code = await sendOtp(userId, '+919876500002');
    const wrong = code === '000000' ? '111111' : '000000';
    const results = [];
    for (let i = 0; i < OTP_MAX_ATTEMPTS; i++) {
      results.push(await verifyWhatsAppOtp(db.prisma, { userId, code: wrong, secretKey, now }));
    }
    expect(results.map((r) => ('attemptsLeft' in r ? r.attemptsLeft : null))).toEqual([
      4, 3, 2, 1, 0,
    ]);
    expect(await verifyWhatsAppOtp(db.prisma, { userId, code, secretKey, now })).toMatchObject({
      ok: false,
      reason: 'too_many_attempts',
    });
  });

  it('expires after ten minutes', async () => {
    const userId = await user();
    const code = await sendOtp(userId, '+919876500003');
    expect(
      await verifyWhatsAppOtp(db.prisma, { userId, code, secretKey, now: later(OTP_TTL_MS) }),
    ).toEqual({ ok: false, reason: 'no_challenge' });
  });

  it('makes a resend wait a minute, and the new code replaces the old one', async () => {
    const userId = await user();
    const first = await sendOtp(userId, '+919876500004');
    const early = await startOtpChallenge(db.prisma, {
      userId,
      purpose: 'WHATSAPP_OTP',
      phoneNumber: '+919876500004',
      secretKey,
      now: later(10_000),
    });
    expect(early).toEqual({
      ok: false,
      reason: 'cooldown',
      retryAfterMs: OTP_RESEND_COOLDOWN_MS - 10_000,
    });
    const second = await sendOtp(userId, '+919876500004', later(OTP_RESEND_COOLDOWN_MS));
    if (first !== second) {
      expect(
        await verifyWhatsAppOtp(db.prisma, { userId, code: first, secretKey, now: later(61_000) }),
      ).toMatchObject({ ok: false, reason: 'wrong_code' });
    }
    expect(
      await verifyWhatsAppOtp(db.prisma, { userId, code: second, secretKey, now: later(61_000) }),
    ).toMatchObject({ ok: true });
  });

  it('refuses a number already linked to someone else', async () => {
    const owner = await user();
    await db.prisma.whatsAppLink.create({ data: { userId: owner, phoneNumber: '+919876500005' } });
    const userId = await user();
    const code = await sendOtp(userId, '+919876500005');
    expect(await verifyWhatsAppOtp(db.prisma, { userId, code, secretKey, now })).toEqual({
      ok: false,
      reason: 'number_taken',
    });
  });
});

describe('link codes', () => {
  it('link the sender’s number to the account that made the code, once', async () => {
    const userId = await user();
    const made = await startOtpChallenge(db.prisma, {
      userId,
      purpose: 'LINK_CODE',
      secretKey,
      now,
    });
    if (!made.ok) throw new Error(made.reason);
    expect(made.code).toMatch(new RegExp(`^\\d{${LINK_CODE_LENGTH}}$`));
    const redeemed = await redeemLinkCode(db.sql, {
      code: ` ${made.code} `,
      phoneNumber: '+15550100001',
      secretKey,
      now: later(1000),
    });
    expect(redeemed).toMatchObject({ ok: true, userId, link: { phoneNumber: '+15550100001' } });
    expect(
      await redeemLinkCode(db.sql, {
        code: made.code,
        phoneNumber: '+15550100002',
        secretKey,
        now: later(2000),
      }),
    ).toEqual({ ok: false, reason: 'no_challenge' });
  });

  it('refuse unknown, malformed and expired codes', async () => {
    const userId = await user();
    const made = await startOtpChallenge(db.prisma, {
      userId,
      purpose: 'LINK_CODE',
      secretKey,
      now,
    });
    if (!made.ok) throw new Error(made.reason);
    for (const code of ['12345678', 'abc', '1234']) {
      expect(
        await redeemLinkCode(db.sql, { code, phoneNumber: '+15550100003', secretKey, now }),
      ).toEqual({ ok: false, reason: 'no_challenge' });
    }
    expect(
      await redeemLinkCode(db.sql, {
        code: made.code,
        phoneNumber: '+15550100003',
        secretKey,
        now: later(OTP_TTL_MS),
      }),
    ).toEqual({ ok: false, reason: 'no_challenge' });
  });

  describe('against guessing', () => {
    // A day after the other tests, so their codes are long dead and none of theirs count.
    const day = new Date(now.getTime() + 24 * 60 * 60 * 1000);
    const at = (ms: number) => new Date(day.getTime() + ms);

    async function linkCode(userId: string, when: Date): Promise<string> {
      const made = await startOtpChallenge(db.prisma, {
        userId,
        purpose: 'LINK_CODE',
        secretKey,
        now: when,
      });
      if (!made.ok) throw new Error(made.reason);
      return made.code;
    }

    /** Wrong guesses from `count` different phones, none of them the live code. */
    async function guessWrong(count: number, live: string, when: Date): Promise<void> {
      for (let i = 0; i < count; i++) {
        const guess = String(10_000_000 + i);
        if (guess === live) continue;
        const phoneNumber = `+1555020${String(i).padStart(4, '0')}`;
        const result = await redeemLinkCode(db.sql, {
          code: guess,
          phoneNumber,
          secretKey,
          now: when,
        });
        expect(result).toEqual({ ok: false, reason: 'no_challenge' });
      }
    }

    it('kill a code after enough wrong guesses from any phones', async () => {
      const userId = await user();
      const code = await linkCode(userId, day);
      await guessWrong(LINK_CODE_MAX_WRONG_GUESSES, code, at(1000));
      expect(
        await redeemLinkCode(db.sql, {
          code,
          phoneNumber: '+15550300001',
          secretKey,
          now: at(2000),
        }),
      ).toEqual({ ok: false, reason: 'no_challenge' });
      expect(await db.prisma.whatsAppLink.count({ where: { userId } })).toBe(0);
    });

    it('keep working after a few wrong guesses', async () => {
      const userId = await user();
      const code = await linkCode(userId, at(OTP_TTL_MS));
      await guessWrong(3, code, at(OTP_TTL_MS + 1000));
      expect(
        await redeemLinkCode(db.sql, {
          code,
          phoneNumber: '+15550300002',
          secretKey,
          now: at(OTP_TTL_MS + 2000),
        }),
      ).toMatchObject({ ok: true, userId });
    });

    it('stop linking for an account whose successive codes drew too many guesses', async () => {
      const userId = await user();
      const start = 2 * OTP_TTL_MS;
      const perCode = LINK_CODE_MAX_WRONG_GUESSES - 1;
      const codes = Math.ceil(RATE_LIMITS.linkGuessesPerAccount.limit / perCode);
      // Each code takes fewer guesses than kill it, but together they exceed the account's.
      let code = '';
      for (let i = 0; i < codes; i++) {
        const when = start + i * OTP_RESEND_COOLDOWN_MS;
        code = await linkCode(userId, at(when));
        await guessWrong(perCode, code, at(when + 1000));
      }
      expect(
        await redeemLinkCode(db.sql, {
          code,
          phoneNumber: '+15550300003',
          secretKey,
          now: at(start + codes * OTP_RESEND_COOLDOWN_MS),
        }),
      ).toEqual({ ok: false, reason: 'no_challenge' });
    });
  });
});
