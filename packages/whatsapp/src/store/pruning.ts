import { sql, type SqlDatabase } from '@spendline/db';
import type { Logger } from '@spendline/log';

export interface PruneOptions {
  /** Processed and ignored inbound messages are kept this long: Meta redelivers for 7 days. */
  inboundDays?: number;
  outboundDays?: number;
  /**
   * Finished media jobs, and photos or voice notes never saved with an entry (a receipt
   * scanned on the dashboard and not saved, a photo whose question was cancelled).
   */
  mediaDays?: number;
  /** Rows deleted per statement, so no transaction holds many locks for long. */
  batch?: number;
}

export interface Pruned {
  /** False when another replica was pruning: this one left it to them. */
  ran: boolean;
  inbound: number;
  outbound: number;
  /** Media jobs and loose files. */
  media: number;
}

/**
 * The keys of the advisory lock that says who prunes: one arbitrary number shared by
 * every replica, paired with the schema, so replicas of one deployment exclude each
 * other while deployments in other schemas of the same database (tests side by side)
 * do not.
 */
export const pruneLockKeys = sql`730211455, hashtext(current_schema())`;

/**
 * Deletes what the channel no longer needs: inbound messages past Meta's redelivery
 * window (their wamids are what keeps a late redelivery from being processed twice,
 * so only after it) once processed or ignored, and outbound messages past a month. One
 * replica at a time: each round takes a transaction-level advisory lock and gives up
 * when another replica holds it.
 */
export async function pruneMessages(
  db: SqlDatabase,
  { inboundDays = 7, outboundDays = 30, mediaDays = 7, batch = 5000 }: PruneOptions = {},
): Promise<Pruned> {
  const total: Pruned = { ran: false, inbound: 0, outbound: 0, media: 0 };
  for (;;) {
    const round = await db.transaction(async (tx) => {
      const [lock] = await tx.rows<{ locked: boolean }>(sql`
        SELECT pg_try_advisory_xact_lock(${pruneLockKeys}) AS locked`);
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
      const jobs = await tx.execute(sql`
        DELETE FROM media_jobs WHERE id IN (
          SELECT id FROM media_jobs
           WHERE status IN ('DONE', 'FAILED')
             AND created_at < now() - make_interval(days => ${mediaDays}::int)
           LIMIT ${batch})`);
      const files = await tx.execute(sql`
        DELETE FROM attachments WHERE id IN (
          SELECT id FROM attachments
           WHERE expense_id IS NULL
             AND created_at < now() - make_interval(days => ${mediaDays}::int)
           LIMIT ${batch})`);
      return { inbound, outbound, media: jobs + files };
    });
    if (!round) return total;
    total.ran = true;
    total.inbound += round.inbound;
    total.outbound += round.outbound;
    total.media += round.media;
    if (round.inbound < batch && round.outbound < batch && round.media < batch) return total;
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
        if (pruned.inbound + pruned.outbound + pruned.media > 0) {
          logger.info(pruned, 'old messages and unsaved files pruned');
        }
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
