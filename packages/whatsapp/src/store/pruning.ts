import { sql, type SqlDatabase } from '@spendline/db';
import type { Logger } from '@spendline/log';

export interface PruneOptions {
  /** Processed and ignored inbound messages are kept this long: Meta redelivers for 7 days. */
  inboundDays?: number;
  outboundDays?: number;
  /** Rows deleted per statement, so no transaction holds many locks for long. */
  batch?: number;
}

export interface Pruned {
  /** False when another replica was pruning: this one left it to them. */
  ran: boolean;
  inbound: number;
  outbound: number;
}

// One arbitrary number shared by every replica: the lock that says who prunes.
const PRUNE_LOCK = 7_302_114_551;

/**
 * Deletes what the channel no longer needs: inbound messages past Meta's redelivery
 * window (their wamids are what keeps a late redelivery from being processed twice,
 * so only after it) once processed or ignored, and outbound messages past a month. One
 * replica at a time: each round takes a transaction-level advisory lock and gives up
 * when another replica holds it.
 */
export async function pruneMessages(
  db: SqlDatabase,
  { inboundDays = 7, outboundDays = 30, batch = 5000 }: PruneOptions = {},
): Promise<Pruned> {
  const total: Pruned = { ran: false, inbound: 0, outbound: 0 };
  for (;;) {
    const round = await db.transaction(async (tx) => {
      const [lock] = await tx.rows<{ locked: boolean }>(sql`
        SELECT pg_try_advisory_xact_lock(${PRUNE_LOCK}::bigint) AS locked`);
      if (!lock?.locked) return undefined;
      const inbound = await tx.execute(sql`
        DELETE FROM inbound_messages WHERE id IN (
          SELECT id FROM inbound_messages
           WHERE status IN ('PROCESSED', 'IGNORED')
             AND received_at < now() - make_interval(days => ${inboundDays}::int)
           LIMIT ${batch})`);
      const outbound = await tx.execute(sql`
        DELETE FROM outbound_messages WHERE id IN (
          SELECT id FROM outbound_messages
           WHERE created_at < now() - make_interval(days => ${outboundDays}::int)
           LIMIT ${batch})`);
      return { inbound, outbound };
    });
    if (!round) return total;
    total.ran = true;
    total.inbound += round.inbound;
    total.outbound += round.outbound;
    if (round.inbound < batch && round.outbound < batch) return total;
  }
}

/** Prunes now and then every intervalMs; returns the function that stops it. */
export function startPruning(
  db: SqlDatabase,
  logger: Logger,
  intervalMs = 60 * 60_000,
  options: PruneOptions = {},
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= pruneMessages(db, options)
      .then((pruned) => {
        if (pruned.inbound + pruned.outbound > 0) logger.info(pruned, 'old messages pruned');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'pruning failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  run();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
