import { createTestDatabase } from '@spendline/db/testing';
import type { Database } from '@spendline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSession,
  deleteExpiredSessions,
  generateSessionToken,
  invalidateSession,
  invalidateUserSessions,
  SESSION_IDLE_TIMEOUT_MS,
  SESSION_LIFETIME_MS,
  sessionIdFromToken,
  validateSessionToken,
} from './sessions.ts';

const day = 24 * 60 * 60 * 1000;
const start = new Date('2026-03-01T10:00:00Z');
const later = (ms: number) => new Date(start.getTime() + ms);

let db: Database;
let userId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  userId = (
    await db.prisma.user.create({ data: { email: 'asha@example.com', displayName: 'Asha' } })
  ).id;
});
afterAll(async () => {
  await db.close();
});

describe('session tokens', () => {
  it('are 32 lower-case base32 characters and never repeat', () => {
    const tokens = new Set(Array.from({ length: 100 }, generateSessionToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
  });

  it('are stored only as their SHA-256', async () => {
    const { token, session } = await createSession(db.prisma, userId, start);
    expect(session.id).toBe(sessionIdFromToken(token));
    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    expect(session.id).not.toContain(token);
    // SHA-256("abc"), the FIPS 180-2 test vector.
    expect(sessionIdFromToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('validateSessionToken', () => {
  it('returns the session and its user for a live token', async () => {
    const { token } = await createSession(db.prisma, userId, start, { userAgent: 'test' });
    const result = await validateSessionToken(db.prisma, token, later(1000));
    expect(result?.user.email).toBe('asha@example.com');
    expect(result?.session.userAgent).toBe('test');
  });

  it('refuses unknown and malformed tokens', async () => {
    expect(await validateSessionToken(db.prisma, generateSessionToken(), start)).toBeNull();
    expect(await validateSessionToken(db.prisma, "' OR 1=1 --", start)).toBeNull();
  });

  it('ends 30 days after sign-in however often it is used', async () => {
    const { token, session } = await createSession(db.prisma, userId, start);
    // Used every six days: never idle, yet the sign-in is not renewed by use.
    for (let at = 6; at < 30; at += 6) {
      const used = await validateSessionToken(db.prisma, token, later(at * day));
      expect(used?.session.expiresAt).toEqual(later(SESSION_LIFETIME_MS));
    }
    expect(
      await validateSessionToken(db.prisma, token, later(SESSION_LIFETIME_MS - 1)),
    ).not.toBeNull();
    expect(await validateSessionToken(db.prisma, token, later(SESSION_LIFETIME_MS))).toBeNull();
    expect(await db.prisma.session.findUnique({ where: { id: session.id } })).toBeNull();
  });

  it('ends after a week without use, and each use restarts that week', async () => {
    const { token, session } = await createSession(db.prisma, userId, start);
    const used = await validateSessionToken(db.prisma, token, later(5 * day));
    expect(used?.session.lastUsedAt).toEqual(later(5 * day));
    const stored = await db.prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(stored.lastUsedAt).toEqual(later(5 * day));
    const lastUse = 5 * day + SESSION_IDLE_TIMEOUT_MS;
    expect(await validateSessionToken(db.prisma, token, later(lastUse - 60_000))).not.toBeNull();
    const idleUntil = lastUse - 60_000 + SESSION_IDLE_TIMEOUT_MS;
    expect(await validateSessionToken(db.prisma, token, later(idleUntil))).toBeNull();
    expect(await db.prisma.session.findUnique({ where: { id: session.id } })).toBeNull();
  });

  it('refuses an expired session and deletes it', async () => {
    const { token, session } = await createSession(db.prisma, userId, start);
    expect(await validateSessionToken(db.prisma, token, later(31 * day))).toBeNull();
    expect(await db.prisma.session.findUnique({ where: { id: session.id } })).toBeNull();
  });
});

describe('invalidation', () => {
  it('ends one session', async () => {
    const { token, session } = await createSession(db.prisma, userId, start);
    await invalidateSession(db.prisma, session.id);
    expect(await validateSessionToken(db.prisma, token, start)).toBeNull();
  });

  it('ends every session of a user, optionally but the current one', async () => {
    const other = await db.prisma.user.create({
      data: { email: 'ravi@example.com', displayName: 'Ravi' },
    });
    const a = await createSession(db.prisma, other.id, start);
    const b = await createSession(db.prisma, other.id, start);
    const c = await createSession(db.prisma, other.id, start);
    const mine = await createSession(db.prisma, userId, start);
    expect(await invalidateUserSessions(db.prisma, other.id, { except: a.session.id })).toBe(2);
    expect(await validateSessionToken(db.prisma, a.token, start)).not.toBeNull();
    expect(await validateSessionToken(db.prisma, b.token, start)).toBeNull();
    expect(await validateSessionToken(db.prisma, c.token, start)).toBeNull();
    await invalidateUserSessions(db.prisma, other.id);
    expect(await validateSessionToken(db.prisma, a.token, start)).toBeNull();
    expect(await validateSessionToken(db.prisma, mine.token, start)).not.toBeNull();
  });

  it('sweeps expired and idle sessions', async () => {
    await createSession(db.prisma, userId, later(-40 * day));
    const idle = await createSession(db.prisma, userId, later(-8 * day));
    const fresh = await createSession(db.prisma, userId, later(-1 * day));
    expect(await deleteExpiredSessions(db.prisma, start)).toBeGreaterThanOrEqual(2);
    expect(await db.prisma.session.count({ where: { expiresAt: { lte: start } } })).toBe(0);
    expect(await db.prisma.session.findUnique({ where: { id: idle.session.id } })).toBeNull();
    expect(await db.prisma.session.findUnique({ where: { id: fresh.session.id } })).not.toBeNull();
  });
});
