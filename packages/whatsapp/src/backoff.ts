import { GRAPH_ERROR } from './graph-errors.ts';

export interface BackoffOptions {
  /** Ceiling of the first retry's delay. Default 1 s. */
  baseMs?: number;
  /** Cap on the exponential ceiling. Default 60 s. */
  maxMs?: number;
  /** Source of [0, 1) randomness; injectable for tests. Default Math.random. */
  random?: () => number;
  /** A delay the server asked for (Retry-After); the result is never shorter. */
  retryAfterMs?: number;
}

/**
 * Delay before retry number `attempt` (0 for the first retry): exponential with full
 * jitter, uniform in [0, min(maxMs, baseMs * 2^attempt)), so many senders that failed
 * together do not retry together. A server-requested delay is a floor, even above maxMs.
 */
export function backoffDelay(
  attempt: number,
  { baseMs = 1000, maxMs = 60_000, random = Math.random, retryAfterMs = 0 }: BackoffOptions = {},
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.max(Math.ceil(retryAfterMs), Math.floor(random() * ceiling));
}

/**
 * Delay before retrying a failed send. Adds Meta's rule for the pair rate limit
 * (131056: wait 4^n seconds, n counting retries from 0) to `backoffDelay`.
 */
export function retryDelay(
  failure: { code?: number | undefined; retryAfterMs?: number | undefined },
  attempt: number,
  options: Omit<BackoffOptions, 'retryAfterMs'> = {},
): number {
  const pairWaitMs =
    failure.code === GRAPH_ERROR.pairRateLimit ? 4 ** Math.max(0, attempt) * 1000 : 0;
  return backoffDelay(attempt, {
    ...options,
    retryAfterMs: Math.max(failure.retryAfterMs ?? 0, pairWaitMs),
  });
}
