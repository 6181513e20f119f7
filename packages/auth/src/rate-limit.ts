import { sql, type Queries } from '@spendline/db';

export interface RateLimitResult {
  allowed: boolean;
  /** Attempts counted in the current window, this one included. */
  count: number;
  remaining: number;
  resetAt: Date;
  /** How long until the window ends; 0 when allowed. */
  retryAfterMs: number;
}

/**
 * Counts one attempt against `key` in a fixed window of `windowMs`, allowing `limit`
 * per window. One INSERT ... ON CONFLICT DO UPDATE: PostgreSQL locks the row, so
 * concurrent attempts from several replicas each see the count the previous one left.
 */
export async function consume(
  db: Queries,
  key: string,
  limit: number,
  windowMs: number,
  now: Date,
): Promise<RateLimitResult> {
  const nowIso = now.toISOString();
  const windowEnd = new Date(now.getTime() + windowMs).toISOString();
  const rows = await db.rows<{ count: number; window_ends_at: Date }>(sql`
    INSERT INTO rate_limits (key, count, window_ends_at)
    VALUES (${key}, 1, ${windowEnd}::timestamptz)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_ends_at <= ${nowIso}::timestamptz
                   THEN 1 ELSE rate_limits.count + 1 END,
      window_ends_at = CASE WHEN rate_limits.window_ends_at <= ${nowIso}::timestamptz
                            THEN EXCLUDED.window_ends_at ELSE rate_limits.window_ends_at END
    RETURNING count, window_ends_at`);
  const row = rows[0];
  if (!row) throw new Error(`rate limit upsert for ${key} returned no row`);
  const count = Number(row.count);
  const resetAt = new Date(row.window_ends_at);
  const allowed = count <= limit;
  return {
    allowed,
    count,
    remaining: Math.max(0, limit - count),
    resetAt,
    retryAfterMs: allowed ? 0 : Math.max(0, resetAt.getTime() - now.getTime()),
  };
}

/**
 * Counts one attempt against each of `keys` in one statement (same windows as consume),
 * for an event that concerns many keys at once; it does not say which are over a limit.
 */
export async function countMany(
  db: Queries,
  keys: readonly string[],
  windowMs: number,
  now: Date,
): Promise<void> {
  if (keys.length === 0) return;
  const nowIso = now.toISOString();
  const windowEnd = new Date(now.getTime() + windowMs).toISOString();
  await db.execute(sql`
    INSERT INTO rate_limits (key, count, window_ends_at)
    SELECT key, 1, ${windowEnd}::timestamptz FROM unnest(${[...new Set(keys)]}::text[]) AS key
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limits.window_ends_at <= ${nowIso}::timestamptz
                   THEN 1 ELSE rate_limits.count + 1 END,
      window_ends_at = CASE WHEN rate_limits.window_ends_at <= ${nowIso}::timestamptz
                            THEN EXCLUDED.window_ends_at ELSE rate_limits.window_ends_at END`);
}

/** The attempts counted against `key` in its current window, without counting one more. */
export async function peek(db: Queries, key: string, now: Date): Promise<number> {
  const rows = await db.rows<{ count: number }>(sql`
    SELECT count FROM rate_limits
    WHERE key = ${key} AND window_ends_at > ${now.toISOString()}::timestamptz`);
  return rows[0] ? Number(rows[0].count) : 0;
}

/** Forgets a key's attempts, e.g. an account's failed logins after a successful one. */
export async function resetRateLimit(db: Queries, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limits WHERE key = ${key}`);
}

/** Housekeeping: drops windows that ended before `now`. */
export async function pruneRateLimits(db: Queries, now: Date): Promise<number> {
  return db.execute(
    sql`DELETE FROM rate_limits WHERE window_ends_at <= ${now.toISOString()}::timestamptz`,
  );
}

export interface RateLimitPolicy {
  limit: number;
  windowMs: number;
}

const minute = 60 * 1000;

/**
 * The limits the API applies. Password guesses are limited per account and client, so
 * one address cannot keep guessing and cannot lock the owner out elsewhere; per IP they
 * stop one address trying many accounts; the per-account cap only stops a guessing
 * attack spread over many addresses (see loginSlowdownMs for what comes before it).
 */
export const RATE_LIMITS = {
  loginPerAccountClient: { limit: 10, windowMs: 15 * minute },
  loginPerAccount: { limit: 300, windowMs: 15 * minute },
  loginPerIp: { limit: 50, windowMs: 15 * minute },
  registerPerIp: { limit: 10, windowMs: 60 * minute },
  // Asking for reset codes and trying them, from one address across all accounts.
  passwordResetPerIp: { limit: 20, windowMs: 60 * minute },
  otpRequestPerAccount: { limit: 5, windowMs: 60 * minute },
  otpVerifyPerAccount: { limit: 10, windowMs: 15 * minute },
  // "LINK <code>" from one WhatsApp sender: guessing 8-digit codes stays hopeless.
  linkCodePerSender: { limit: 5, windowMs: 15 * minute },
  // Wrong LINK guesses made while an account had a live code, over its successive codes:
  // past this, its codes stop linking for the rest of the day.
  linkGuessesPerAccount: { limit: 100, windowMs: 24 * 60 * minute },
  // importExpenses calls of up to 2,000 rows: room for a 20 MB file sent 1,000 rows at a
  // time, while a runaway script cannot keep the database busy writing for long.
  importBatchesPerAccount: { limit: 600, windowMs: 60 * minute },
} as const satisfies Record<string, RateLimitPolicy>;
