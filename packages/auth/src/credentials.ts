import { prismaQueries, type PrismaClient, type Queries, type User } from '@spendline/db';
import { deleteUnlinkedData, emptyAccount } from './account-data.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblem, verifyPassword } from './password.ts';
import { normalizeEmail } from './profile.ts';
import { consume, peek, RATE_LIMITS, resetRateLimit, type RateLimitResult } from './rate-limit.ts';
import { invalidateUserSessions } from './sessions.ts';

export type CredentialCheck =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'rate_limited'; retryAfterMs: number };

let decoyHash: Promise<string> | undefined;

// Verifying against a real hash when the email is unknown makes both failures take
// the same time, so response timing does not tell whether an account exists.
function decoy(): Promise<string> {
  decoyHash ??= hashPassword('decoy password that matches nothing');
  return decoyHash;
}

export const loginRateLimitKeys = {
  /** Guesses at one account from one client (an IP address, or a signed-in user). */
  accountClient: (email: string, client: string) =>
    `login:account-client:${normalizeEmail(email)}:${client}`,
  /** Every attempt at one account, from anywhere. */
  account: (email: string) => `login:account:${normalizeEmail(email)}`,
  /** Wrong passwords for one account, from anywhere: what slows it down. */
  failures: (email: string) => `login:failures:${normalizeEmail(email)}`,
  ip: (ip: string) => `login:ip:${ip}`,
};

// Past this many wrong passwords in a window (from any client), each check waits first.
const SLOWDOWN_AFTER_FAILURES = 10;
const MAX_SLOWDOWN_MS = 10_000;

/**
 * How long a password check for an account waits after `failures` wrong passwords in the
 * current window: nothing for the first ten, then one second doubling every ten more, up
 * to ten seconds. The owner still gets in, only slower, while a guessing attack spread
 * over many addresses loses most of its pace; nobody can lock the owner out this way.
 */
export function loginSlowdownMs(failures: number): number {
  if (failures < SLOWDOWN_AFTER_FAILURES) return 0;
  const doublings = Math.floor((failures - SLOWDOWN_AFTER_FAILURES) / 10);
  return Math.min(1000 * 2 ** doublings, MAX_SLOWDOWN_MS);
}

export interface CheckOptions {
  /** Waits before a slowed-down check; tests pass one that records instead. */
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function refusal(limits: (RateLimitResult | null)[]): CredentialCheck | null {
  const refused = limits.filter((l): l is RateLimitResult => l !== null && !l.allowed);
  if (refused.length === 0) return null;
  return {
    ok: false,
    reason: 'rate_limited',
    retryAfterMs: Math.max(...refused.map((l) => l.retryAfterMs)),
  };
}

/** Counts one attempt at an account from one client, before its password is checked. */
function countAttempt(prisma: PrismaClient, email: string, client: string, now: Date) {
  const perClient = RATE_LIMITS.loginPerAccountClient;
  const perAccount = RATE_LIMITS.loginPerAccount;
  return Promise.all([
    consume(
      prismaQueries(prisma),
      loginRateLimitKeys.accountClient(email, client),
      perClient.limit,
      perClient.windowMs,
      now,
    ),
    consume(
      prismaQueries(prisma),
      loginRateLimitKeys.account(email),
      perAccount.limit,
      perAccount.windowMs,
      now,
    ),
  ]);
}

/** Waits as long as the account's recent wrong passwords call for. */
async function slowDown(prisma: PrismaClient, email: string, now: Date, options: CheckOptions) {
  const delay = loginSlowdownMs(
    await peek(prismaQueries(prisma), loginRateLimitKeys.failures(email), now),
  );
  if (delay > 0) await (options.sleep ?? sleepFor)(delay);
}

async function countFailure(prisma: PrismaClient, email: string, now: Date): Promise<void> {
  // Only counted, never refused: the count sets the slowdown, the window its memory.
  const { windowMs } = RATE_LIMITS.loginPerAccountClient;
  await consume(
    prismaQueries(prisma),
    loginRateLimitKeys.failures(email),
    Number.MAX_SAFE_INTEGER,
    windowMs,
    now,
  );
}

/**
 * Checks an email and password, counting the attempt against the account from this
 * client, the account overall and the IP address first. An unknown email and a wrong
 * password give the same answer.
 */
export async function checkCredentials(
  prisma: PrismaClient,
  input: { email: string; password: string; ipAddress?: string | undefined },
  now: Date,
  options: CheckOptions = {},
): Promise<CredentialCheck> {
  const email = normalizeEmail(input.email);
  const client = `ip:${input.ipAddress ?? 'unknown'}`;
  const { limit, windowMs } = RATE_LIMITS.loginPerIp;
  const [attempt, perIp] = await Promise.all([
    countAttempt(prisma, email, client, now),
    input.ipAddress
      ? consume(prismaQueries(prisma), loginRateLimitKeys.ip(input.ipAddress), limit, windowMs, now)
      : null,
  ]);
  const refused = refusal([...attempt, perIp]);
  if (refused) return refused;
  await slowDown(prisma, email, now, options);
  // An over-long password is a wrong one; hashing megabytes would make login a DoS lever.
  const user =
    input.password.length > MAX_PASSWORD_LENGTH
      ? null
      : await prisma.user.findUnique({ where: { email, deletedAt: null } });
  let matches = false;
  if (user?.passwordHash) matches = await verifyPassword(user.passwordHash, input.password);
  else await verifyPassword(await decoy(), input.password);
  if (!user || !matches) {
    await countFailure(prisma, email, now);
    return { ok: false, reason: 'invalid_credentials' };
  }
  await resetRateLimit(prismaQueries(prisma), loginRateLimitKeys.accountClient(email, client));
  return { ok: true, user };
}

export type PasswordCheck =
  | { ok: true }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'rate_limited'; retryAfterMs: number };

/**
 * Checks a signed-in user's password before a sensitive change (a new password, a new
 * WhatsApp number, deleting the account). Guesses count against the same per-account
 * allowance as logins, so a stolen session is no side door for trying passwords; a
 * match clears the count as a login does.
 */
export async function verifyCurrentPassword(
  prisma: PrismaClient,
  input: { userId: string; password: string },
  now: Date,
  options: CheckOptions = {},
): Promise<PasswordCheck> {
  const user = await prisma.user.findUnique({
    where: { id: input.userId },
    select: { email: true, passwordHash: true },
  });
  if (!user) return { ok: false, reason: 'invalid_credentials' };
  const client = `user:${input.userId}`;
  const refused = refusal(await countAttempt(prisma, user.email, client, now));
  if (refused) return refused;
  await slowDown(prisma, user.email, now, options);
  // An over-long password is a wrong one, as at login: hashing megabytes costs too much.
  const matches =
    input.password.length <= MAX_PASSWORD_LENGTH &&
    user.passwordHash !== null &&
    (await verifyPassword(user.passwordHash, input.password));
  if (!matches) {
    await countFailure(prisma, user.email, now);
    return { ok: false, reason: 'invalid_credentials' };
  }
  await resetRateLimit(prismaQueries(prisma), loginRateLimitKeys.accountClient(user.email, client));
  return { ok: true };
}

export type PasswordChange =
  PasswordCheck | { ok: false; reason: 'invalid_password'; problem: string };

/**
 * Replaces a password after checking the current one, then signs the user out of
 * every other session: whoever knew the old password is locked out.
 */
export async function changePassword(
  prisma: PrismaClient,
  input: { userId: string; currentPassword: string; newPassword: string; keepSessionId?: string },
  now: Date,
): Promise<PasswordChange> {
  const check = await verifyCurrentPassword(
    prisma,
    { userId: input.userId, password: input.currentPassword },
    now,
  );
  if (!check.ok) return check;
  const owner = await prisma.user.findUniqueOrThrow({
    where: { id: input.userId },
    select: { email: true, displayName: true },
  });
  const problem = await passwordProblem(input.newPassword, [owner.email, owner.displayName]);
  if (problem) return { ok: false, reason: 'invalid_password', problem };
  await prisma.user.update({
    where: { id: input.userId },
    data: { passwordHash: await hashPassword(input.newPassword) },
  });
  await invalidateUserSessions(prisma, input.userId, { except: input.keepSessionId });
  return { ok: true };
}

/**
 * Takes the account out of shared books inside the deletion's transaction (it may refuse
 * by throwing); true when rows of theirs stay in books others still use. The books
 * module provides it: accounts know nothing of books.
 */
export type LeaveBooks = (tx: Queries, userId: string) => Promise<boolean>;

/**
 * Deletes an account and every row that belongs to it: through the schema's cascades
 * sessions, tokens, WhatsApp links, codes, categories, entries, budgets and their alerts,
 * recurring rules; explicitly the linked numbers' chats and the account's rate limits.
 * When shared books others still use hold rows of theirs, the account is emptied
 * instead and its row kept, so those books' balances do not change.
 */
export async function deleteAccount(
  prisma: PrismaClient,
  input: { userId: string; password: string },
  now: Date,
  leaveBooks: LeaveBooks,
): Promise<PasswordCheck> {
  const check = await verifyCurrentPassword(prisma, input, now);
  if (check.ok) {
    await prisma.$transaction(async (tx) => {
      const kept = await leaveBooks(prismaQueries(tx), input.userId);
      await deleteUnlinkedData(tx, input.userId);
      if (kept) await emptyAccount(tx, input.userId, now);
      else await tx.user.delete({ where: { id: input.userId } });
    });
  }
  return check;
}
