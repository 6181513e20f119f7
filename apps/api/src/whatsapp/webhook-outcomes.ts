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
  /** Counts an answered POST by its outcome; returns at once, the write follows. */
  record(outcome: string): void;
  /** Resolves once everything counted so far is written (or its failure logged). */
  settled(): Promise<void>;
}

/**
 * Counts outcomes with one write in flight at a time: those answered meanwhile are added
 * up and written together next, so a flood of forged POSTs costs a write per round trip,
 * not one each, and Meta's answers never wait for it.
 */
export function webhookOutcomeRecorder(db: SqlDatabase, logger: Logger): WebhookOutcomeRecorder {
  const pending = new Map<string, Tally>();
  let writing: Promise<void> | undefined;

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
      writing ??= write();
    },
    settled: () => writing ?? Promise.resolve(),
  };
}
