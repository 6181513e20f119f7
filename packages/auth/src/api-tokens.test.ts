import { createTestDatabase } from '@spendline/db/testing';
import type { Database } from '@spendline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, revokeApiToken, validateApiToken } from './api-tokens.ts';
import { hashToken } from './tokens.ts';

const now = new Date('2026-03-01T10:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

let db: Database;
let userId: string;
let otherId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  userId = (await db.prisma.user.create({ data: { email: 'a@example.com', displayName: 'A' } })).id;
  otherId = (await db.prisma.user.create({ data: { email: 'b@example.com', displayName: 'B' } }))
    .id;
});
afterAll(async () => {
  await db.close();
});

describe('personal API tokens', () => {
  it('start with spl_, are stored hashed and listed by a short prefix', async () => {
    const { token, apiToken } = await createApiToken(db.prisma, userId, { name: 'cron' }, now);
    expect(token).toMatch(/^spl_[a-z2-7]{52}$/);
    expect(apiToken.tokenHash).toBe(hashToken(token));
    expect(apiToken.prefix).toBe(token.slice(0, 12));
    const stored = JSON.stringify(await db.prisma.apiToken.findMany());
    expect(stored).not.toContain(token);
  });

  it('authenticate their user and record when they were last used', async () => {
    const { token, apiToken } = await createApiToken(db.prisma, userId, { name: 'sheet' }, now);
    const result = await validateApiToken(db.prisma, token, later(5000));
    expect(result?.user.id).toBe(userId);
    const stored = await db.prisma.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(stored.lastUsedAt).toEqual(later(5000));
  });

  it('stop working once revoked, and only their owner can revoke them', async () => {
    const { token, apiToken } = await createApiToken(db.prisma, userId, { name: 'old' }, now);
    expect(await revokeApiToken(db.prisma, otherId, apiToken.id, now)).toBe(false);
    expect(await validateApiToken(db.prisma, token, now)).not.toBeNull();
    expect(await revokeApiToken(db.prisma, userId, apiToken.id, now)).toBe(true);
    expect(await validateApiToken(db.prisma, token, now)).toBeNull();
    expect(await revokeApiToken(db.prisma, userId, apiToken.id, now)).toBe(false);
  });

  it('stop working after their expiry', async () => {
    const { token } = await createApiToken(
      db.prisma,
      userId,
      { name: 'short', expiresAt: later(1000) },
      now,
    );
    expect(await validateApiToken(db.prisma, token, now)).not.toBeNull();
    expect(await validateApiToken(db.prisma, token, later(1000))).toBeNull();
  });

  it('refuse malformed and unknown strings', async () => {
    expect(await validateApiToken(db.prisma, 'spl_short', now)).toBeNull();
    expect(await validateApiToken(db.prisma, `spl_${'a'.repeat(52)}`, now)).toBeNull();
  });
});
