import { createTestDatabase } from '@spendline/db/testing';
import type { Database } from '@spendline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from './accounts.ts';
import {
  changePassword,
  checkCredentials,
  deleteAccount,
  loginSlowdownMs,
  verifyCurrentPassword,
  type LeaveBooks,
} from './credentials.ts';
import { RATE_LIMITS } from './rate-limit.ts';
import { createSession, validateSessionToken } from './sessions.ts';

const now = new Date('2026-03-01T10:00:00Z');
// These accounts are in no shared book; the books package tests deletion from one.
const inNoBooks: LeaveBooks = () => Promise.resolve(false);

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

  it('throttles the guessing client without locking the owner out from another', async () => {
    const { limit, windowMs } = RATE_LIMITS.loginPerAccountClient;
    const email = 'target@example.com';
    await createAccount(db.prisma, { email, password: 'correct horse' });
    const attacker = { email, ipAddress: '203.0.113.50' };
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    };
    for (let i = 0; i < limit; i++) {
      expect(
        await checkCredentials(db.prisma, { ...attacker, password: `guess ${i}xx` }, now, {
          sleep,
        }),
      ).toEqual({ ok: false, reason: 'invalid_credentials' });
    }
    // Client A is refused, even with the right password...
    expect(
      await checkCredentials(db.prisma, { ...attacker, password: 'correct horse' }, now, { sleep }),
    ).toMatchObject({ ok: false, reason: 'rate_limited' });
    // ...while the owner on client B gets in, only slowed down by the failures.
    expect(
      await checkCredentials(
        db.prisma,
        { email, password: 'correct horse', ipAddress: '198.51.100.7' },
        now,
        { sleep },
      ),
    ).toMatchObject({ ok: true });
    expect(waits).toEqual([1000]);
    const later = new Date(now.getTime() + windowMs);
    expect(
      await checkCredentials(db.prisma, { ...attacker, password: 'correct horse' }, later, {
        sleep,
      }),
    ).toMatchObject({ ok: true });
  });

  it('slows an account down more the more wrong passwords it gets from anywhere', async () => {
    expect([0, 9, 10, 19, 20, 30, 40, 100].map(loginSlowdownMs)).toEqual([
      0, 0, 1000, 1000, 2000, 4000, 8000, 10_000,
    ]);
    const email = 'spread@example.com';
    await createAccount(db.prisma, { email, password: 'correct horse' });
    const waits: number[] = [];
    const sleep = (ms: number) => {
      waits.push(ms);
      return Promise.resolve();
    };
    // Three wrong passwords from each of eight addresses: no one address is throttled.
    for (let client = 0; client < 8; client++) {
      for (let i = 0; i < 3; i++) {
        const result = await checkCredentials(
          db.prisma,
          { email, password: `guess ${i}xx`, ipAddress: `192.0.2.${client}` },
          now,
          { sleep },
        );
        expect(result).toEqual({ ok: false, reason: 'invalid_credentials' });
      }
    }
    expect(waits).toEqual([...Array(10).fill(1000), ...Array(4).fill(2000)]);
  });

  it('stops a guessing attack spread over very many addresses at the account cap', async () => {
    const email = 'botnet@example.com';
    await createAccount(db.prisma, { email, password: 'correct horse' });
    const sleep = async () => {};
    const { limit } = RATE_LIMITS.loginPerAccount;
    for (let i = 0; i < limit; i++) {
      await checkCredentials(
        db.prisma,
        { email, password: `guess ${i}xx`, ipAddress: `10.0.${Math.floor(i / 9)}.${i % 9}` },
        now,
        { sleep },
      );
    }
    expect(
      await checkCredentials(
        db.prisma,
        { email, password: 'correct horse', ipAddress: '10.99.0.1' },
        now,
        { sleep },
      ),
    ).toMatchObject({ ok: false, reason: 'rate_limited' });
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
      password: 'old passphrase 42',
    });
    const current = await createSession(db.prisma, user.id, now);
    const other = await createSession(db.prisma, user.id, now);
    expect(
      await changePassword(
        db.prisma,
        {
          userId: user.id,
          currentPassword: 'not it at all',
          newPassword: 'new passphrase 42',
        },
        now,
      ),
    ).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect(
      await changePassword(
        db.prisma,
        {
          userId: user.id,
          currentPassword: 'old passphrase 42',
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
          currentPassword: 'old passphrase 42',
          newPassword: 'new passphrase 42',
          keepSessionId: current.session.id,
        },
        now,
      ),
    ).toEqual({ ok: true });
    expect(await validateSessionToken(db.prisma, current.token, now)).not.toBeNull();
    expect(await validateSessionToken(db.prisma, other.token, now)).toBeNull();
    expect(
      await checkCredentials(
        db.prisma,
        { email: 'cp@example.com', password: 'new passphrase 42' },
        now,
      ),
    ).toMatchObject({ ok: true });
  });
});

describe('verifyCurrentPassword', () => {
  it('gives a signed-in session its own small allowance of guesses', async () => {
    const user = await createAccount(db.prisma, {
      email: 'guess@example.com',
      password: 'right password',
    });
    const { limit } = RATE_LIMITS.loginPerAccountClient;
    const sleep = async () => {};
    for (let i = 0; i < limit; i++) {
      expect(
        await verifyCurrentPassword(db.prisma, { userId: user.id, password: `guess ${i}` }, now, {
          sleep,
        }),
      ).toEqual({ ok: false, reason: 'invalid_credentials' });
    }
    // Spent: even the right password waits; a login from a browser is not locked out.
    expect(
      await verifyCurrentPassword(db.prisma, { userId: user.id, password: 'right password' }, now),
    ).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(
      await checkCredentials(
        db.prisma,
        { email: 'guess@example.com', password: 'right password' },
        now,
        { sleep },
      ),
    ).toMatchObject({ ok: true });
    expect(
      await deleteAccount(
        db.prisma,
        { userId: user.id, password: 'right password' },
        now,
        inNoBooks,
      ),
    ).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(await db.prisma.user.count({ where: { id: user.id } })).toBe(1);
  });

  it('clears the count on a match', async () => {
    const user = await createAccount(db.prisma, {
      email: 'ok@example.com',
      password: 'right one again!',
    });
    const { limit } = RATE_LIMITS.loginPerAccountClient;
    for (let i = 0; i < limit - 1; i++)
      await verifyCurrentPassword(db.prisma, { userId: user.id, password: 'nope nope' }, now);
    expect(
      await verifyCurrentPassword(
        db.prisma,
        { userId: user.id, password: 'right one again!' },
        now,
      ),
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
      password: 'password one two',
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
    expect(
      await deleteAccount(db.prisma, { userId: user.id, password: 'wrong one' }, now, inNoBooks),
    ).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
    expect(
      await deleteAccount(
        db.prisma,
        { userId: user.id, password: 'password one two' },
        now,
        inNoBooks,
      ),
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
