import type { ApiToken, PrismaClient, User } from '@spendline/db';
import { hashToken, randomToken } from './tokens.ts';

export const API_TOKEN_PREFIX = 'spl_';
// The start shown in token lists ("spl_abcd1234…") so people tell their tokens apart.
const DISPLAY_LENGTH = API_TOKEN_PREFIX.length + 8;
const LAST_USED_PRECISION_MS = 60 * 1000;
// 32 bytes = 256 bits: a script's token lives long, so it gets more entropy than a session.
const tokenPattern = /^spl_[a-z2-7]{52}$/;

type TokenStore = Pick<PrismaClient, 'apiToken'>;

export function generateApiToken(): string {
  return API_TOKEN_PREFIX + randomToken(32);
}

export function isApiTokenShaped(token: string): boolean {
  return tokenPattern.test(token);
}

/** Makes a named personal token; the plain token is returned once and never stored. */
export async function createApiToken(
  prisma: TokenStore,
  userId: string,
  input: { name: string; expiresAt?: Date | null | undefined },
  now: Date,
): Promise<{ token: string; apiToken: ApiToken }> {
  const token = generateApiToken();
  const apiToken = await prisma.apiToken.create({
    data: {
      userId,
      name: input.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, DISPLAY_LENGTH),
      createdAt: now,
      expiresAt: input.expiresAt ?? null,
    },
  });
  return { token, apiToken };
}

/** The token's row and user, or null when unknown, revoked or expired. Records the use. */
export async function validateApiToken(
  prisma: TokenStore,
  token: string,
  now: Date,
): Promise<{ apiToken: ApiToken; user: User } | null> {
  if (!isApiTokenShaped(token)) return null;
  const found = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: true },
  });
  if (!found || found.revokedAt) return null;
  if (found.expiresAt && found.expiresAt.getTime() <= now.getTime()) return null;
  const { user, ...apiToken } = found;
  const last = apiToken.lastUsedAt?.getTime() ?? -Infinity;
  if (now.getTime() - last >= LAST_USED_PRECISION_MS) {
    await prisma.apiToken.updateMany({ where: { id: apiToken.id }, data: { lastUsedAt: now } });
    apiToken.lastUsedAt = now;
  }
  return { apiToken, user };
}

/** Revokes one of the user's tokens; false when the user has no such live token. */
export async function revokeApiToken(
  prisma: TokenStore,
  userId: string,
  tokenId: string,
  now: Date,
): Promise<boolean> {
  const { count } = await prisma.apiToken.updateMany({
    where: { id: tokenId, userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count === 1;
}
