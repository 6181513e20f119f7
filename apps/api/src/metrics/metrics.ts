import type { SqlDatabase } from '@spendline/db';
import { sql } from '@spendline/db';
import type { JobRun } from '@spendline/jobs';
import type { Logger } from '@spendline/log';
import { graphErrorMeaning } from '@spendline/whatsapp';
import type { SendOutcome } from '@spendline/whatsapp/store';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { WEBHOOK_OUTCOMES, type WebhookOutcome } from '../whatsapp/webhook.ts';

/** The metrics of one api: what its parts report, and what a scrape reads from the database. */
export interface ApiMetrics {
  readonly registry: Registry;
  // Properties, not methods: the parts are handed these functions alone.
  webhook: (outcome: WebhookOutcome) => void;
  /** Messages one transaction processed, just committed. */
  batch: (messages: readonly { receivedAt: Date }[]) => void;
  send: (outcome: SendOutcome) => void;
  schedulerRun: (run: JobRun) => void;
}

export interface ApiMetricsOptions {
  db: SqlDatabase;
  logger: Logger;
  now?: () => number;
}

/**
 * Graph error codes as a label: the codes whose meaning is known (the doctor's list), so
 * the label's values stay few; any other is "other", and a failure without one "none".
 */
function codeLabel(code: number | undefined): string {
  if (code === undefined) return 'none';
  return graphErrorMeaning(code) ? String(code) : 'other';
}

function runOutcome(run: JobRun): 'ok' | 'some_failed' | 'error' {
  if (run.error !== undefined) return 'error';
  return run.failed > 0 ? 'some_failed' : 'ok';
}

/**
 * A registry of its own per api (never prom-client's global one), so several apis in one
 * process (tests) keep their counts apart. The process and Node.js metrics keep their
 * standard names (process_*, nodejs_*), which ready-made dashboards expect; Spendline's
 * own start with spendline_.
 */
export function createApiMetrics({ db, logger, now = Date.now }: ApiMetricsOptions): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const webhookRequests = new Counter({
    name: 'spendline_whatsapp_webhook_requests_total',
    help: 'POSTs to the WhatsApp webhook, by what became of them.',
    labelNames: ['outcome'],
    registers: [registry],
  });
  for (const outcome of WEBHOOK_OUTCOMES) webhookRequests.labels(outcome).inc(0);

  const processing = new Histogram({
    name: 'spendline_whatsapp_processing_seconds',
    help: 'Time from a message being received (stored by the webhook) to its processing committed.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800],
    registers: [registry],
  });
  const batchSize = new Histogram({
    name: 'spendline_whatsapp_processing_batch_messages',
    help: "Messages of one conversation processed in one transaction (a chat's backlog goes together).",
    buckets: [1, 2, 5, 10, 20],
    registers: [registry],
  });

  const sends = new Counter({
    name: 'spendline_whatsapp_outbound_sends_total',
    help: 'Sends to the Graph API by result (sent, retry, failed) and Meta error code (known codes, else "other"; "none" without one).',
    labelNames: ['result', 'code'],
    registers: [registry],
  });
  for (const result of ['sent', 'retry', 'failed']) sends.labels(result, 'none').inc(0);

  const schedulerRuns = new Counter({
    name: 'spendline_scheduler_runs_total',
    help: 'Rounds of each scheduled job: ok, some_failed (some of its work failed) or error (it threw).',
    labelNames: ['job', 'outcome'],
    registers: [registry],
  });
  const schedulerLastRun = new Gauge({
    name: 'spendline_scheduler_last_run_timestamp_seconds',
    help: "When each job's latest round in this process ended (Unix time).",
    labelNames: ['job'],
    registers: [registry],
  });

  new Gauge({
    name: 'spendline_whatsapp_queued_messages',
    help: 'Messages waiting, read from the database at each scrape (the same on every replica): inbound received but not processed, outbound pending or being sent.',
    labelNames: ['direction', 'status'],
    registers: [registry],
    async collect() {
      try {
        // Both counts read the partial indexes of waiting rows.
        const [row] = await db.rows<{ received: number; pending: number; sending: number }>(sql`
          SELECT (SELECT count(*)::int FROM inbound_messages WHERE status = 'RECEIVED') AS received,
                 count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
                 count(*) FILTER (WHERE status = 'SENDING')::int AS sending
            FROM outbound_messages
           WHERE status IN ('PENDING', 'SENDING')`);
        this.set({ direction: 'inbound', status: 'received' }, row?.received ?? 0);
        this.set({ direction: 'outbound', status: 'pending' }, row?.pending ?? 0);
        this.set({ direction: 'outbound', status: 'sending' }, row?.sending ?? 0);
      } catch (error) {
        // No value rather than a stale one; the rest of the scrape still answers.
        this.reset();
        logger.warn({ err: error }, 'queue depths not read for metrics');
      }
    },
  });

  return {
    registry,
    webhook: (outcome) => webhookRequests.labels(outcome).inc(),
    batch(messages) {
      batchSize.observe(messages.length);
      const at = now();
      for (const { receivedAt } of messages) {
        processing.observe(Math.max(0, at - receivedAt.getTime()) / 1000);
      }
    },
    send: ({ result, code }) => sends.labels(result, codeLabel(code)).inc(),
    schedulerRun(run) {
      schedulerRuns.labels(run.job, runOutcome(run)).inc();
      schedulerLastRun.labels(run.job).set(run.finishedAt.getTime() / 1000);
    },
  };
}
