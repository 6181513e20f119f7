import type { PrismaClient, Session, User } from '@spendline/db';
import { hashToken, randomToken } from './tokens.ts';

const day = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * day;
// Lucia's sliding expiry: a session used in its second half is pushed out again,
// so an active user stays signed in while each session costs at most one write a fortnight.
export const SESSION_REFRESH_WITHIN_MS = 15 * day;
// lastUsedAt is shown in the session list; a minute's precision saves a write per request.
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
  /** The expiry moved: the cookie must be sent again with the new date. */
  extended: boolean;
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

/**
 * The session and user a token stands for, or null when it is unknown or expired
 * (an expired row is deleted on the way). Extends a session in its second half.
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
  if (session.expiresAt.getTime() <= now.getTime()) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  const refresh = session.expiresAt.getTime() - now.getTime() < SESSION_REFRESH_WITHIN_MS;
  const touch = now.getTime() - session.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS;
  if (refresh || touch) {
    const data = refresh
      ? { lastUsedAt: now, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS) }
      : { lastUsedAt: now };
    // updateMany: a concurrent sign-out may have removed the row; that is not an error.
    await prisma.session.updateMany({ where: { id: session.id }, data });
    Object.assign(session, data);
  }
  return { session, user, extended: refresh };
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

/** Housekeeping: removes sessions that expired before `now`. */
export async function deleteExpiredSessions(prisma: SessionStore, now: Date): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
