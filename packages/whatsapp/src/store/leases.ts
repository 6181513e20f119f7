import { sql, type OutboundMessage as OutboundRow, type Queries } from '@spendline/db';
import type { Logger } from '@spendline/log';

/**
 * The claims this process holds on outbound rows. A claim's lease is short, so a row
 * whose sender died (crash, kill -9, lost machine) is free again seconds later; while
 * the process lives it renews the leases of the rows it still holds, so a slow send is
 * never taken over by another replica and sent twice.
 */
export interface Leases {
  /** Rows claimed by a statement that started at `claimedAt` (this process's clock). */
  hold(rows: readonly OutboundRow[], claimedAt: number): void;
  /**
   * True while the row's lease surely outlasts the next renewal: a send may start. False
   * once renewals failed for long enough that the lease may have run out, or another
   * dispatcher took the row over.
   */
  holds(id: string): boolean;
  /** The row's outcome is written (or its write failed): stop renewing it. */
  release(id: string): void;
  /** Resolves when no renewal is under way. */
  idle(): Promise<void>;
}

interface Held {
  /** The claim's attempt number: a row claimed again since is no longer ours. */
  attempts: number;
  /** When the lease runs out at the earliest, on this process's clock. */
  until: number;
}

/** Leases of leaseMs, renewed every renewEveryMs while a row is held. */
export function createLeases(
  db: Queries,
  logger: Logger,
  leaseMs: number,
  renewEveryMs = leaseMs / 4,
): Leases {
  const held = new Map<string, Held>();
  let timer: NodeJS.Timeout | undefined;
  let renewing: Promise<void> | undefined;

  async function renew(): Promise<void> {
    const rows = [...held.entries()];
    if (rows.length === 0) return;
    // The database sets the new end after this moment, so it is at least this far off.
    const startedAt = Date.now();
    const ids = rows.map(([id]) => id);
    try {
      const renewed = await db.rows<{ id: string }>(sql`
        UPDATE outbound_messages AS o
           SET next_attempt_at = clock_timestamp() + make_interval(secs => ${leaseMs / 1000}::float8)
          FROM unnest(${ids}::uuid[], ${rows.map(([, row]) => row.attempts)}::int[]) AS r(id, attempts)
         WHERE o.id = ANY(${ids}::uuid[]) AND o.id = r.id
           AND o.status = 'SENDING' AND o.attempts = r.attempts
        RETURNING o.id`);
      const ours = new Set(renewed.map((row) => row.id));
      for (const [id, row] of rows) {
        // Settled meanwhile (its outcome is written) or claimed again by another dispatcher.
        if (!ours.has(id)) row.until = 0;
        else row.until = Math.max(row.until, startedAt + leaseMs);
      }
    } catch (error) {
      logger.error({ err: error, outboundIds: ids }, 'outbound lease renewal failed');
    }
  }

  function tick(): void {
    // A renewal slower than the interval is not joined by another one.
    if (renewing) return;
    renewing = renew().finally(() => {
      renewing = undefined;
    });
  }

  return {
    hold(rows, claimedAt) {
      for (const row of rows) {
        held.set(row.id, { attempts: row.attempts, until: claimedAt + leaseMs });
      }
      if (held.size > 0 && !timer) timer = setInterval(tick, renewEveryMs);
    },
    holds(id) {
      const row = held.get(id);
      return row !== undefined && row.until > Date.now() + renewEveryMs;
    },
    release(id) {
      held.delete(id);
      if (held.size === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    },
    idle: () => renewing ?? Promise.resolve(),
  };
}
