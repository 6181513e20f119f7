import { setImmediate } from 'node:timers/promises';
import type { Queries, SqlDatabase } from '@spendline/db';

type Tx = Queries;

export interface Round {
  /** Pieces of work claimed and done (a rule recorded, a digest sent). */
  claimed: number;
  /** What they did: expenses recorded, messages queued. */
  done: number;
  /** Pieces that failed; they are tried again next round. */
  failed: { id: string; error: unknown }[];
}

/**
 * Claims and handles due work one piece per transaction until none is left. `claim`
 * takes one row no other replica holds (FOR UPDATE SKIP LOCKED) and `handle` does its
 * work and marks it done in the same transaction: the lock and the mark make each piece
 * happen once, however many schedulers run. A piece that fails is skipped for the rest
 * of the round, so it cannot hold up the others. Once `stopping` is aborted no further
 * piece is claimed: what is left stays due for the next round.
 */
export async function drain<T extends { id: string }>(
  db: SqlDatabase,
  claim: (tx: Tx, skip: string[]) => Promise<T | undefined>,
  handle: (tx: Tx, row: T) => Promise<number>,
  stopping?: AbortSignal,
): Promise<Round> {
  const round: Round = { claimed: 0, done: 0, failed: [] };
  const skip: string[] = [];
  for (;;) {
    // The embedded database answers without real I/O, so a long round would otherwise be
    // one chain of promises that starves requests and signals until it ends.
    await setImmediate();
    if (stopping?.aborted) return round;
    let claimed: string | undefined;
    try {
      const done = await db.transaction(async (tx) => {
        const row = await claim(tx, skip);
        if (!row) return null;
        claimed = row.id;
        return handle(tx, row);
      });
      if (done === null) return round;
      round.claimed += 1;
      round.done += done;
    } catch (error) {
      if (claimed === undefined) throw error;
      skip.push(claimed);
      round.failed.push({ id: claimed, error });
    }
  }
}
