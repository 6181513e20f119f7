import { createTestDatabase } from '@spendline/db/testing';
import type { Database } from '@spendline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consume, pruneRateLimits, resetRateLimit } from './rate-limit.ts';

const minute = 60_000;
const now = new Date('2026-03-01T10:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

describe('consume', () => {
  it('allows the limit within a window and refuses the next attempt until it ends', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consume(db.sql, 'k1', 3, minute, later(i)));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3]).toMatchObject({ count: 4, resetAt: later(minute) });
    expect(results[3]?.retryAfterMs).toBe(minute - 3);
  });

  it('starts a fresh window once the old one has ended', async () => {
    for (let i = 0; i < 3; i++) await consume(db.sql, 'k2', 2, minute, now);
    const next = await consume(db.sql, 'k2', 2, minute, later(minute));
    expect(next).toMatchObject({ allowed: true, count: 1, resetAt: later(2 * minute) });
  });

  it('keeps keys apart', async () => {
    await consume(db.sql, 'k3', 1, minute, now);
    expect((await consume(db.sql, 'k3', 1, minute, now)).allowed).toBe(false);
    expect((await consume(db.sql, 'k4', 1, minute, now)).allowed).toBe(true);
  });

  it('counts every one of many simultaneous attempts exactly once', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => consume(db.sql, 'burst', 5, minute, now)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it('can be reset, and expired windows pruned', async () => {
    await consume(db.sql, 'k5', 1, minute, now);
    await resetRateLimit(db.sql, 'k5');
    expect((await consume(db.sql, 'k5', 1, minute, now)).allowed).toBe(true);
    await consume(db.sql, 'old', 1, minute, later(-10 * minute));
    expect(await pruneRateLimits(db.sql, now)).toBeGreaterThanOrEqual(1);
    expect(await db.prisma.rateLimit.findUnique({ where: { key: 'old' } })).toBeNull();
  });
});
