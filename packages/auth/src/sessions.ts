import type { PrismaClient, Session, User } from '@spendline/db';
import { hashToken, randomToken } from './tokens.ts';

const day = 24 * 60 * 60 * 1000;
// ASVS 3.3: a session ends 30 days after sign-in however much it is used (the absolute
// lifetime, kept in expiresAt), and sooner after 7 days without a request (the idle
// timeout, measured from lastUsedAt). A stolen cookie dies with either.
export const SESSION_LIFETIME_MS = 30 * day;
export const SESSION_IDLE_TIMEOUT_MS = 7 * day;
// lastUsedAt is shown in the session list and measures idleness; a minute's precision
// saves a write per request and moves the idle deadline by at most that minute.
const LAST_USED_PRECISION_MS = 60 * 1000;

// 20 bytes = 160 bits of entropy, 32 base32 characters (Lucia's recommendation).
const tokenPattern = /^[a-z2-7]{32}$/;

export interface SessionMetadata {
  userAgent?: string | undefined;
  ipAddress?: string | undefined;
}

export interface SessionValidation {
  session: Session;
  user: User;
}

type SessionStore = Pick<PrismaClient, 'session'>;

export function generateSessionToken(): string {
  return randomToken(20);
}

/** The id under which a token's session is stored: SHA-256 of the token, hex. */
export function sessionIdFromToken(token: string): string {
  return hashToken(token);
}

/** Starts a session; the token goes to the client once and is never stored. */
export async function createSession(
  prisma: SessionStore,
  userId: string,
  now: Date,
  metadata: SessionMetadata = {},
): Promise<{ token: string; session: Session }> {
  const token = generateSessionToken();
  const session = await prisma.session.create({
    data: {
      id: sessionIdFromToken(token),
      userId,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
      userAgent: metadata.userAgent?.slice(0, 512) ?? null,
      ipAddress: metadata.ipAddress ?? null,
    },
  });
  return { token, session };
}

/** Whether a session has ended at `now`: past its absolute lifetime or idle too long. */
export function sessionEnded(session: Pick<Session, 'expiresAt' | 'lastUsedAt'>, now: Date) {
  return (
    session.expiresAt.getTime() <= now.getTime() ||
    session.lastUsedAt.getTime() + SESSION_IDLE_TIMEOUT_MS <= now.getTime()
  );
}

/**
 * The session and user a token stands for, or null when it is unknown or has ended
 * (its row is deleted on the way). Marks the session used; its expiry never moves.
 */
export async function validateSessionToken(
  prisma: SessionStore,
  token: string,
  now: Date,
): Promise<SessionValidation | null> {
  if (!tokenPattern.test(token)) return null;
  const found = await prisma.session.findUnique({
    where: { id: sessionIdFromToken(token) },
    include: { user: true },
  });
  if (!found) return null;
  const { user, ...session } = found;
  if (sessionEnded(session, now)) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    // updateMany: a concurrent sign-out may have removed the row; that is not an error.
    await prisma.session.updateMany({ where: { id: session.id }, data: { lastUsedAt: now } });
    session.lastUsedAt = now;
  }
  return { session, user };
}

export async function invalidateSession(prisma: SessionStore, sessionId: string): Promise<void> {
  await prisma.session.deleteMany({ where: { id: sessionId } });
}

/** Signs the user out everywhere, optionally keeping the session making the request. */
export async function invalidateUserSessions(
  prisma: SessionStore,
  userId: string,
  options: { except?: string | undefined } = {},
): Promise<number> {
  const { count } = await prisma.session.deleteMany({
    where: options.except ? { userId, id: { not: options.except } } : { userId },
  });
  return count;
}

/** Housekeeping: removes sessions that ended before `now`, by lifetime or idleness. */
export async function deleteExpiredSessions(prisma: SessionStore, now: Date): Promise<number> {
  const idleSince = new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS);
  const { count } = await prisma.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { lastUsedAt: { lte: idleSince } }] },
  });
  return count;
}
