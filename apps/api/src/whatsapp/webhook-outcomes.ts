import { sql, type SqlDatabase } from '@spendline/db';
import type { Logger } from '@spendline/log';

/*
 * What the operator page shows of the webhook: when Meta last got through (any POST with a
 * valid signature, whether or not its payload was usable) and how often a signature was
 * refused. Kept in the database so every replica's answers count.
 */
const RECORDED: Readonly<Record<string, string>> = {
  accepted: 'accepted',
  bad_json: 'accepted',
  bad_payload: 'accepted',
  bad_signature: 'bad_signature',
};

interface Tally {
  count: number;
  firstAt: Date;
  lastAt: Date;
}

export interface WebhookOutcomeRecorder {
  /** Counts an answered POST by its outcome; returns at once, the write follows within a second. */
  record(outcome: string): void;
  /** Writes what is counted now; resolves once it is written (or its failure logged). */
  settled(): Promise<void>;
}

/**
 * Counts outcomes in memory and writes them at most once per `intervalMs`: a flood of
 * POSTs (Meta's backlog, or forged ones) costs a write a second, not one per request, and
 * Meta's answers never wait for it. The page reads "when Meta last got through", which a
 * second's delay does not change.
 */
export function webhookOutcomeRecorder(
  db: SqlDatabase,
  logger: Logger,
  { intervalMs = 1000 }: { intervalMs?: number } = {},
): WebhookOutcomeRecorder {
  const pending = new Map<string, Tally>();
  let writing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function write(): Promise<void> {
    while (pending.size > 0) {
      const batch = [...pending];
      pending.clear();
      for (const [outcome, { count, firstAt, lastAt }] of batch) {
        try {
          await db.execute(sql`
            INSERT INTO webhook_outcomes (outcome, count, first_at, last_at)
            VALUES (${outcome}, ${count}, ${firstAt}::timestamptz, ${lastAt}::timestamptz)
            ON CONFLICT (outcome) DO UPDATE
               SET count = webhook_outcomes.count + excluded.count,
                   last_at = GREATEST(webhook_outcomes.last_at, excluded.last_at)`);
        } catch (error) {
          logger.warn({ err: error, outcome, count }, 'webhook outcome not recorded');
        }
      }
    }
    writing = undefined;
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    writing ??= write();
    return writing;
  }

  return {
    record(outcome) {
      const kept = RECORDED[outcome];
      if (!kept) return;
      const now = new Date();
      const tally = pending.get(kept);
      pending.set(kept, {
        count: (tally?.count ?? 0) + 1,
        firstAt: tally?.firstAt ?? now,
        lastAt: now,
      });
      // Does not hold the process open: at most a second of counts is lost with it.
      timer ??= setTimeout(() => void flush(), intervalMs).unref();
    },
    async settled() {
      // A write under way may have started before the latest counts: flush until none wait.
      while (pending.size > 0 || writing) await flush();
    },
  };
}
