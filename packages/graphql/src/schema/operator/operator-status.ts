import { sql, type Queries } from '@spendline/db';
import { failureKey, failureMeaning } from '@spendline/whatsapp';

// The deployment's health as the operator page shows it, read from the tables the api
// writes as it works, so it is the same whichever replica answers.

const HOUR_MS = 3_600_000;
/** Failed and retried sends are counted over this many days, as the doctor counts them. */
export const OUTBOX_DAYS = 7;

export interface WebhookHealth {
  lastReceivedAt: Date | null;
  signatureFailures: number;
  firstSignatureFailureAt: Date | null;
  lastSignatureFailureAt: Date | null;
}

export interface InboxHealth {
  waiting: number;
  oldestWaitingAt: Date | null;
  failedLastDay: number;
  /** Messages received in the last hour and processed, and how long that took. */
  processedLastHour: number;
  medianMs: number | null;
  p95Ms: number | null;
}

export interface FailureGroup {
  code: string;
  count: number;
  lastAt: Date;
  meaning: string;
  fix: string;
  blocksAllSends: boolean;
}

export interface OutboxHealth {
  pending: number;
  oldestPendingAt: Date | null;
  retried: number;
  sent: number;
  failed: number;
  failures: FailureGroup[];
}

export interface SchedulerRound {
  job: string;
  startedAt: Date;
  finishedAt: Date;
  done: number;
  failed: number;
  error: string | null;
}

export interface OperatorStatus {
  checkedAt: Date;
  webhook: WebhookHealth;
  inbox: InboxHealth;
  outbox: OutboxHealth;
  scheduler: SchedulerRound[];
  activeConversations: number;
}

async function webhookHealth(db: Queries): Promise<WebhookHealth> {
  const rows = await db.rows<{ outcome: string; count: bigint; first_at: Date; last_at: Date }>(sql`
    SELECT outcome, count, first_at, last_at FROM webhook_outcomes`);
  const of = (outcome: string) => rows.find((row) => row.outcome === outcome);
  const refused = of('bad_signature');
  return {
    lastReceivedAt: of('accepted')?.last_at ?? null,
    signatureFailures: Number(refused?.count ?? 0n),
    firstSignatureFailureAt: refused?.first_at ?? null,
    lastSignatureFailureAt: refused?.last_at ?? null,
  };
}

async function inboxHealth(db: Queries, now: Date): Promise<InboxHealth> {
  const dayAgo = new Date(now.getTime() - 24 * HOUR_MS);
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const [backlog] = await db.rows<{ waiting: number; oldest: Date | null; failed: number }>(sql`
    SELECT count(*) FILTER (WHERE status = 'RECEIVED')::int AS waiting,
           min(received_at) FILTER (WHERE status = 'RECEIVED') AS oldest,
           count(*) FILTER (WHERE status = 'FAILED' AND received_at >= ${dayAgo}::timestamptz)::int AS failed
      FROM inbound_messages
     WHERE status IN ('RECEIVED', 'FAILED')`);
  const [latency] = await db.rows<{
    processed: number;
    median_ms: number | null;
    p95_ms: number | null;
  }>(sql`
    WITH took AS (
      SELECT extract(epoch FROM processed_at - received_at)::float8 * 1000 AS ms
        FROM inbound_messages
       WHERE status = 'PROCESSED' AND received_at >= ${hourAgo}::timestamptz
         AND processed_at IS NOT NULL)
    SELECT count(*)::int AS processed,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS median_ms,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95_ms
      FROM took`);
  return {
    waiting: backlog?.waiting ?? 0,
    oldestWaitingAt: backlog?.oldest ?? null,
    failedLastDay: backlog?.failed ?? 0,
    processedLastHour: latency?.processed ?? 0,
    medianMs: latency?.median_ms == null ? null : Math.round(latency.median_ms),
    p95Ms: latency?.p95_ms == null ? null : Math.round(latency.p95_ms),
  };
}

async function outboxHealth(db: Queries, now: Date): Promise<OutboxHealth> {
  const since = new Date(now.getTime() - OUTBOX_DAYS * 24 * HOUR_MS);
  const [counts] = await db.rows<{
    pending: number;
    oldest: Date | null;
    retried: number;
    sent: number;
  }>(sql`
    SELECT count(*) FILTER (WHERE status IN ('PENDING', 'SENDING'))::int AS pending,
           min(created_at) FILTER (WHERE status IN ('PENDING', 'SENDING')) AS oldest,
           count(*) FILTER (WHERE attempts > 1 AND created_at >= ${since}::timestamptz)::int AS retried,
           count(*) FILTER (WHERE status IN ('SENT', 'DELIVERED', 'READ')
                              AND created_at >= ${since}::timestamptz)::int AS sent
      FROM outbound_messages
     WHERE status IN ('PENDING', 'SENDING') OR created_at >= ${since}::timestamptz`);
  const failedRows = await db.rows<{ last_error: string | null; count: number; last_at: Date }>(sql`
    SELECT last_error, count(*)::int AS count, max(updated_at) AS last_at
      FROM outbound_messages
     WHERE status = 'FAILED' AND updated_at >= ${since}::timestamptz
     GROUP BY last_error`);
  const groups = new Map<string, { count: number; lastAt: Date }>();
  for (const row of failedRows) {
    const code = failureKey(row.last_error);
    const group = groups.get(code);
    groups.set(code, {
      count: (group?.count ?? 0) + row.count,
      lastAt: group && group.lastAt > row.last_at ? group.lastAt : row.last_at,
    });
  }
  // Problems with the whole account first (nothing goes out until fixed), then the most frequent.
  const failures = [...groups]
    .map(([code, group]) => {
      const { blocking, ...meaning } = failureMeaning(code);
      return { code, ...group, ...meaning, blocksAllSends: blocking };
    })
    .sort(
      (a, b) =>
        Number(b.blocksAllSends) - Number(a.blocksAllSends) ||
        b.count - a.count ||
        a.code.localeCompare(b.code),
    );
  return {
    pending: counts?.pending ?? 0,
    oldestPendingAt: counts?.oldest ?? null,
    retried: counts?.retried ?? 0,
    sent: counts?.sent ?? 0,
    failed: failures.reduce((sum, group) => sum + group.count, 0),
    failures,
  };
}

function schedulerRounds(db: Queries): Promise<SchedulerRound[]> {
  return db.rows<SchedulerRound>(sql`
    SELECT job, started_at AS "startedAt", finished_at AS "finishedAt", done, failed, error
      FROM scheduler_runs
     ORDER BY finished_at DESC, job`);
}

async function activeConversations(db: Queries, now: Date): Promise<number> {
  const [row] = await db.rows<{ active: number }>(sql`
    SELECT count(*)::int AS active FROM conversations
     WHERE last_inbound_at >= ${new Date(now.getTime() - 24 * HOUR_MS)}::timestamptz`);
  return row?.active ?? 0;
}

/** Everything the operator page shows, as of `now`. */
export async function readOperatorStatus(db: Queries, now: Date): Promise<OperatorStatus> {
  const [webhook, inbox, outbox, scheduler, active] = await Promise.all([
    webhookHealth(db),
    inboxHealth(db, now),
    outboxHealth(db, now),
    schedulerRounds(db),
    activeConversations(db, now),
  ]);
  return { checkedAt: now, webhook, inbox, outbox, scheduler, activeConversations: active };
}
