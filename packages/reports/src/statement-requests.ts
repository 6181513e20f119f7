// Statements asked for in the chat. The conversation's transaction records the request
// (requestStatement); the sender then draws the PDF on the render pool, uploads it to Meta
// (or, in the sandbox, links to the dashboard's download) and queues the document, each
// request held by a lease so that one replica sends it, and tried again after a failure.
import { newId, sql, type Queries, type SqlDatabase } from '@spendline/db';
import { chatTranslator } from '@spendline/i18n';
import { formatMoney, type LocalDate } from '@spendline/ledger';
import type { Logger } from '@spendline/log';
import {
  documentMessage,
  retryDelay,
  textMessage,
  type MediaFile,
  type UploadResult,
} from '@spendline/whatsapp';
import {
  enqueueOutbound,
  NOTICE_TEMPLATE,
  queueNotice,
  serviceWindow,
} from '@spendline/whatsapp/store';
import type { RenderPool } from './pool.ts';
import { loadStatement, type StatementData, type StatementOwner } from './statement-data.ts';

export interface StatementRequest {
  userId: string;
  conversationId: string | null;
  /** Phone number or BSUID, as the conversation's replies are addressed. */
  recipient: string;
  /** The month's first day. */
  month: LocalDate;
}

/** Records a request in the caller's transaction; the sender picks it up once it commits. */
export async function requestStatement(tx: Queries, request: StatementRequest): Promise<void> {
  await tx.execute(sql`
    INSERT INTO statement_requests (id, user_id, conversation_id, recipient, month, updated_at)
    VALUES (${newId()}::uuid, ${request.userId}::uuid, ${request.conversationId}::uuid,
            ${request.recipient}, ${request.month}::date, now())`);
}

export interface StatementSenderOptions {
  db: SqlDatabase;
  pool: RenderPool;
  /** Uploads a file to Meta; absent in the sandbox, where the document links to `downloadUrl`. */
  upload?: (file: MediaFile) => Promise<UploadResult>;
  /** Where the dashboard serves a month's PDF, e.g. …/dashboard/statement/2026-11.pdf. */
  downloadUrl: (month: string) => string;
  logger: Logger;
  /** Told when a message was queued (the dispatcher's kick). */
  onQueued?: () => void;
  /** How long a claim lasts before another replica may take the request (default 60 s). */
  leaseMs?: number;
  maxAttempts?: number;
  now?: () => Date;
  /** Source of the retry delay's jitter, [0, 1); injectable for tests. Default Math.random. */
  random?: () => number;
}

export interface StatementSender {
  /** Sends the requests due now, one after another; resolves to how many were handled. */
  runOnce(): Promise<number>;
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

interface Claimed {
  id: string;
  recipient: string;
  conversationId: string | null;
  month: LocalDate;
  attempts: number;
  owner: StatementOwner;
}

async function claim(db: SqlDatabase, leaseMs: number): Promise<Claimed | undefined> {
  const [row] = await db.rows<Omit<Claimed, 'owner'> & StatementOwner & { userId: string }>(sql`
    WITH claimed AS (
      UPDATE statement_requests r
         SET attempts = r.attempts + 1, updated_at = now(),
             next_attempt_at = clock_timestamp() + make_interval(secs => ${leaseMs / 1000}::float8)
       WHERE r.id = (
         SELECT id FROM statement_requests
          WHERE status = 'PENDING' AND next_attempt_at <= now()
          ORDER BY created_at
          LIMIT 1
          FOR UPDATE SKIP LOCKED)
      RETURNING r.*)
    SELECT c.id::text AS id, c.recipient, c.conversation_id::text AS "conversationId",
           to_char(c.month, 'YYYY-MM-DD') AS month, c.attempts, u.id::text AS "userId",
           u.display_name AS "displayName", u.locale, u.currency, u.time_zone AS "timeZone"
      FROM claimed c JOIN users u ON u.id = c.user_id`);
  if (!row) return undefined;
  const { userId, displayName, locale, currency, timeZone, ...request } = row;
  return { ...request, owner: { id: userId, displayName, locale, currency, timeZone } };
}

const monthName = (data: StatementData) =>
  new Intl.DateTimeFormat(data.owner.locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${data.month}T00:00:00Z`));

/** The document's caption: the month and what was spent in each currency. */
export function statementCaption(data: StatementData): string {
  const spent = data.summary.totals.map((t) =>
    formatMoney(t.totalMinor, t.currency, data.owner.locale),
  );
  const t = chatTranslator(data.owner.locale);
  const month = monthName(data);
  return spent.length
    ? t('statementCaption', { month, spent: spent.join(' + ') })
    : t('statementCaptionNothing', { month });
}

class SendFailed extends Error {
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(reason: string, retryable: boolean, retryAfterMs?: number) {
    super(reason);
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs;
  }
}

export function createStatementSender(options: StatementSenderOptions): StatementSender {
  const { db, pool, upload, downloadUrl, logger, onQueued = () => {} } = options;
  const { leaseMs = 60_000, maxAttempts = 5, now = () => new Date(), random } = options;

  async function deliver(request: Claimed): Promise<void> {
    const at = now();
    const data = await loadStatement(db, { owner: request.owner, month: request.month, now: at });
    const pdf = await pool.render(data);
    const month = request.month.slice(0, 7);
    const filename = `spendline-statement-${month}.pdf`;
    const caption = statementCaption(data);
    let source: { id: string } | { link: string } = { link: downloadUrl(month) };
    if (upload) {
      const uploaded = await upload({ bytes: pdf, mimeType: 'application/pdf', filename });
      if (!uploaded.ok) {
        throw new SendFailed(uploaded.reason, uploaded.retryable, uploaded.retryAfterMs);
      }
      source = { id: uploaded.id };
    }
    await db.transaction(async (tx) => {
      const window = await serviceWindow(tx, request.recipient, at);
      if (window.open) {
        const message = documentMessage(request.recipient, { ...source, filename, caption });
        await enqueueOutbound(tx, message, request.conversationId ?? window.conversationId);
      } else {
        // A document is free-form: outside the 24-hour window the approved notice says
        // where the statement is instead.
        const text = chatTranslator(request.owner.locale)('statementDownload', {
          caption,
          url: downloadUrl(month),
        });
        await queueNotice(tx, {
          userId: request.owner.id,
          locale: request.owner.locale,
          now: at,
          text,
          template: { name: NOTICE_TEMPLATE, parameters: [text] },
        });
      }
      await tx.execute(sql`
        UPDATE statement_requests SET status = 'SENT', last_error = NULL, updated_at = now()
         WHERE id = ${request.id}::uuid`);
    });
  }

  async function failed(request: Claimed, error: unknown): Promise<void> {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const retryable = !(error instanceof SendFailed) || error.retryable;
    if (retryable && request.attempts < maxAttempts) {
      const delay = retryDelay(
        error instanceof SendFailed && error.retryAfterMs !== undefined
          ? { retryAfterMs: error.retryAfterMs }
          : {},
        request.attempts - 1,
        random ? { random } : {},
      );
      logger.warn({ statementRequest: request.id, reason }, 'statement not sent; trying again');
      await db.execute(sql`
        UPDATE statement_requests
           SET last_error = ${reason}, updated_at = now(),
               next_attempt_at = now() + make_interval(secs => ${delay / 1000}::float8)
         WHERE id = ${request.id}::uuid`);
      return;
    }
    logger.error({ statementRequest: request.id, reason }, 'statement could not be sent');
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        UPDATE statement_requests SET status = 'FAILED', last_error = ${reason}, updated_at = now()
         WHERE id = ${request.id}::uuid`);
      const window = await serviceWindow(tx, request.recipient, now());
      if (window.open) {
        const sorry = textMessage(
          request.recipient,
          chatTranslator(request.owner.locale)('statementSorry', {
            url: downloadUrl(request.month.slice(0, 7)),
          }),
        );
        await enqueueOutbound(tx, sorry, request.conversationId ?? window.conversationId);
      }
    });
  }

  async function runOnce(): Promise<number> {
    let handled = 0;
    for (;;) {
      const request = await claim(db, leaseMs);
      if (!request) return handled;
      try {
        await deliver(request);
      } catch (error) {
        await failed(request, error);
      }
      handled += 1;
      onQueued();
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const pass = () => {
    running ??= runOnce()
      .catch((error: unknown) => logger.error({ err: error }, 'statement sender pass failed'))
      .finally(() => {
        running = undefined;
      });
  };
  return {
    runOnce,
    start(intervalMs = 1_000) {
      timer = setInterval(pass, intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
