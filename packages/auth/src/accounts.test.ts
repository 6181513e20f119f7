import { createTestDatabase } from '@spendline/db/testing';
import type { Database } from '@spendline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountError, createAccount } from './accounts.ts';
import { verifyPassword } from './password.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('createAccount', () => {
  it('creates a user with a hashed password, defaults and the twelve categories', async () => {
    const user = await createAccount(db.prisma, {
      email: ' Asha@Example.com ',
      password: 'correct horse',
    });
    expect(user).toMatchObject({
      email: 'asha@example.com',
      displayName: 'asha',
      currency: 'INR',
      timeZone: 'Asia/Kolkata',
      locale: 'en-IN',
    });
    expect(await verifyPassword(user.passwordHash ?? '', 'correct horse')).toBe(true);
    expect(await db.prisma.category.count({ where: { userId: user.id } })).toBe(12);
  });

  it('makes the first account the operator and no later one', async () => {
    const later = await createAccount(db.prisma, {
      email: 'later@example.com',
      password: 'correct horse',
    });
    const operators = await db.prisma.user.findMany({ where: { isOperator: true } });
    expect(operators.map((u) => u.email)).toEqual(['asha@example.com']);
    expect(later.isOperator).toBe(false);
  });

  it('links a WhatsApp number given in any common format', async () => {
    const user = await createAccount(db.prisma, {
      email: 'ravi@example.com',
      password: 'correct horse',
      whatsapp: '+91 99999 11111',
      currency: 'usd',
      timeZone: 'America/New_York',
    });
    expect(user.currency).toBe('USD');
    const link = await db.prisma.whatsAppLink.findUniqueOrThrow({
      where: { phoneNumber: '+919999911111' },
    });
    expect(link.userId).toBe(user.id);
    expect(link.verifiedAt).toBeInstanceOf(Date);
  });

  it('names every bad field at once', async () => {
    const attempt = createAccount(db.prisma, {
      email: 'nope',
      password: 'short',
      currency: 'RUPEES',
      timeZone: 'Mars/Olympus',
      whatsapp: '12345',
    });
    await expect(attempt).rejects.toBeInstanceOf(AccountError);
    await expect(attempt).rejects.toMatchObject({
      fields: {
        email: expect.any(String),
        password: expect.stringMatching(/at least 12/),
        currency: expect.stringMatching(/ISO-4217/),
        timeZone: expect.stringMatching(/IANA/),
        whatsapp: expect.stringMatching(/international/),
      },
    });
  });

  it('refuses common, leaked and personal passwords in plain words', async () => {
    for (const password of [
      'Abcdef12',
      'password1234',
      'qwertyuiop123',
      'priya.sharma@example.com',
    ]) {
      await expect(
        createAccount(db.prisma, { email: 'priya.sharma@example.com', password }),
      ).rejects.toMatchObject({ fields: { password: expect.stringMatching(/^[A-Z].*\.$/) } });
    }
    expect(await db.prisma.user.count({ where: { email: 'priya.sharma@example.com' } })).toBe(0);
  });

  it('refuses a taken email or number and leaves nothing half-made', async () => {
    await createAccount(db.prisma, {
      email: 'taken@example.com',
      password: 'correct horse',
      whatsapp: '+15550001111',
    });
    await expect(
      createAccount(db.prisma, { email: 'TAKEN@example.com', password: 'other password' }),
    ).rejects.toMatchObject({
      fields: { email: 'already has an account' },
    });
    await expect(
      createAccount(db.prisma, {
        email: 'new@example.com',
        password: 'correct horse',
        whatsapp: '+1 555 000 1111',
      }),
    ).rejects.toMatchObject({ fields: { whatsapp: 'is already linked to another account' } });
    expect(await db.prisma.user.count({ where: { email: 'new@example.com' } })).toBe(0);
  });
});

describe('the first account', () => {
  it('is the only operator when several register at once on an empty database', async () => {
    const empty = await createTestDatabase();
    try {
      for (let round = 0; round < 3; round++) {
        const results = await Promise.allSettled(
          [1, 2, 3, 4].map((n) =>
            createAccount(empty.prisma, {
              email: `first${round}-${n}@example.com`,
              password: 'correct horse',
            }),
          ),
        );
        expect(results.map((r) => r.status)).toEqual(Array(4).fill('fulfilled'));
        const operators = await empty.prisma.user.count({ where: { isOperator: true } });
        expect(operators).toBe(1);
        await empty.prisma.user.deleteMany();
      }
    } finally {
      await empty.close();
    }
  });
});
