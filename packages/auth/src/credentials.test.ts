import { createTestDatabase } from '@spendline/db/testing';
import type { Database } from '@spendline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from './accounts.ts';
import {
  changePassword,
  checkCredentials,
  deleteAccount,
  verifyCurrentPassword,
} from './credentials.ts';
import { RATE_LIMITS } from './rate-limit.ts';
import { createSession, validateSessionToken } from './sessions.ts';

const now = new Date('2026-03-01T10:00:00Z');

let db: Database;
let userId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  userId = (
    await createAccount(db.prisma, { email: 'asha@example.com', password: 'correct horse' })
  ).id;
});
afterAll(async () => {
  await db.close();
});

describe('checkCredentials', () => {
  it('accepts the right password for an email in any case', async () => {
    const result = await checkCredentials(
      db.prisma,
      { email: ' ASHA@example.com', password: 'correct horse' },
      now,
    );
    expect(result).toMatchObject({ ok: true, user: { id: userId } });
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const wrong = await checkCredentials(
      db.prisma,
      { email: 'asha@example.com', password: 'wrong horse' },
      now,
    );
    const unknown = await checkCredentials(
      db.prisma,
      { email: 'nobody@example.com', password: 'wrong horse' },
      now,
    );
    expect(wrong).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect(unknown).toEqual(wrong);
  });

  it('refuses further attempts on an account once its limit is spent, even the right one', async () => {
    const { limit } = RATE_LIMITS.loginPerAccount;
    const email = 'target@example.com';
    await createAccount(db.prisma, { email, password: 'correct horse' });
    for (let i = 0; i < limit; i++) {
      await checkCredentials(db.prisma, { email, password: `guess ${i}xx` }, now);
    }
    const result = await checkCredentials(db.prisma, { email, password: 'correct horse' }, now);
    expect(result).toMatchObject({ ok: false, reason: 'rate_limited' });
    const later = new Date(now.getTime() + RATE_LIMITS.loginPerAccount.windowMs);
    expect(
      await checkCredentials(db.prisma, { email, password: 'correct horse' }, later),
    ).toMatchObject({ ok: true });
  });

  it('limits one IP address across many accounts', async () => {
    const { limit } = RATE_LIMITS.loginPerIp;
    for (let i = 0; i < limit; i++) {
      await checkCredentials(
        db.prisma,
        { email: `spray${i}@example.com`, password: 'password1', ipAddress: '203.0.113.9' },
        now,
      );
    }
    const result = await checkCredentials(
      db.prisma,
      { email: 'asha@example.com', password: 'correct horse', ipAddress: '203.0.113.9' },
      now,
    );
    expect(result).toMatchObject({ ok: false, reason: 'rate_limited' });
  });
});

describe('changePassword', () => {
  it('needs the current password, then signs out every other session', async () => {
    const user = await createAccount(db.prisma, {
      email: 'cp@example.com',
      password: 'old password',
    });
    const current = await createSession(db.prisma, user.id, now);
    const other = await createSession(db.prisma, user.id, now);
    expect(
      await changePassword(
        db.prisma,
        {
          userId: user.id,
          currentPassword: 'not it at all',
          newPassword: 'new password',
        },
        now,
      ),
    ).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect(
      await changePassword(
        db.prisma,
        {
          userId: user.id,
          currentPassword: 'old password',
          newPassword: 'short',
        },
        now,
      ),
    ).toMatchObject({ ok: false, reason: 'invalid_password' });
    expect(
      await changePassword(
        db.prisma,
        {
          userId: user.id,
          currentPassword: 'old password',
          newPassword: 'new password',
          keepSessionId: current.session.id,
        },
        now,
      ),
    ).toEqual({ ok: true });
    expect(await validateSessionToken(db.prisma, current.token, now)).not.toBeNull();
    expect(await validateSessionToken(db.prisma, other.token, now)).toBeNull();
    expect(
      await checkCredentials(db.prisma, { email: 'cp@example.com', password: 'new password' }, now),
    ).toMatchObject({ ok: true });
  });
});

describe('verifyCurrentPassword', () => {
  it('counts wrong guesses against the login allowance and refuses once it is spent', async () => {
    const user = await createAccount(db.prisma, {
      email: 'guess@example.com',
      password: 'right password',
    });
    const { limit } = RATE_LIMITS.loginPerAccount;
    for (let i = 0; i < limit; i++) {
      expect(
        await verifyCurrentPassword(db.prisma, { userId: user.id, password: `guess ${i}` }, now),
      ).toEqual({ ok: false, reason: 'invalid_credentials' });
    }
    // Spent: even the right password waits, and so does a login to the same account.
    expect(
      await verifyCurrentPassword(db.prisma, { userId: user.id, password: 'right password' }, now),
    ).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(
      await checkCredentials(
        db.prisma,
        { email: 'guess@example.com', password: 'right password' },
        now,
      ),
    ).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(
      await deleteAccount(db.prisma, { userId: user.id, password: 'right password' }, now),
    ).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(await db.prisma.user.count({ where: { id: user.id } })).toBe(1);
  });

  it('clears the count on a match', async () => {
    const user = await createAccount(db.prisma, {
      email: 'ok@example.com',
      password: 'right one!',
    });
    const { limit } = RATE_LIMITS.loginPerAccount;
    for (let i = 0; i < limit - 1; i++)
      await verifyCurrentPassword(db.prisma, { userId: user.id, password: 'nope nope' }, now);
    expect(
      await verifyCurrentPassword(db.prisma, { userId: user.id, password: 'right one!' }, now),
    ).toEqual({ ok: true });
    expect(
      await verifyCurrentPassword(db.prisma, { userId: user.id, password: 'nope nope' }, now),
    ).toEqual({ ok: false, reason: 'invalid_credentials' });
  });
});

describe('deleteAccount', () => {
  it('removes the user and everything that belongs to them', async () => {
    const user = await createAccount(db.prisma, {
      email: 'gone@example.com',
      password: 'password 1',
    });
    await db.prisma.expense.create({
      data: {
        userId: user.id,
        amountMinor: 100n,
        currency: 'INR',
        occurredAt: now,
        source: 'WEB',
      },
    });
    await createSession(db.prisma, user.id, now);
    expect(await deleteAccount(db.prisma, { userId: user.id, password: 'wrong one' }, now)).toEqual(
      {
        ok: false,
        reason: 'invalid_credentials',
      },
    );
    expect(
      await deleteAccount(db.prisma, { userId: user.id, password: 'password 1' }, now),
    ).toEqual({
      ok: true,
    });
    const where = { where: { userId: user.id } };
    expect(await db.prisma.user.count({ where: { id: user.id } })).toBe(0);
    expect(await db.prisma.expense.count(where)).toBe(0);
    expect(await db.prisma.category.count(where)).toBe(0);
    expect(await db.prisma.categoryAlias.count(where)).toBe(0);
    expect(await db.prisma.session.count(where)).toBe(0);
    expect(await db.prisma.user.count({ where: { id: userId } })).toBe(1);
  });
});
