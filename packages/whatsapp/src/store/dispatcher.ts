import type { OutboundMessage as OutboundRow, SqlDatabase } from '@spendline/db';
import type { Logger } from '@spendline/log';
import { retryDelay } from '../backoff.ts';
import type { SendResult } from '../graph-client.ts';
import type { OutboundMessage } from '../messages.ts';
import { createLeases } from './leases.ts';
import { outboundMessageSchema } from '../outbound-schema.ts';
import { claimOutbound } from './outbox.ts';
import { createOutcomeWriter } from './outcomes.ts';

/** What became of one send: taken by Meta, to be tried again, or given up; Graph's code if any. */
export interface SendOutcome {
  result: 'sent' | 'retry' | 'failed';
  code?: number;
}

export interface DispatcherOptions {
  db: SqlDatabase;
  send: (body: OutboundMessage) => Promise<SendResult>;
  logger: Logger;
  /** Sends started per second at most: Meta's per-number throughput (default 80). */
  ratePerSecond?: number;
  batchSize?: number;
  /**
   * How long a claim lasts unless renewed. Renewed while the row is held, so it only
   * bounds how soon a row left by a dead process is retried (default 8 s).
   */
  leaseMs?: number;
  maxAttempts?: number;
  /** Backoff base for retries (ms). */
  retryBaseMs?: number;
  /** Rows that are delivered on success instead of sent (the sandbox: nothing to wait for). */
  deliveredOnSend?: boolean;
  /** Claim-and-send passes under way at once in this process. */
  maxPasses?: number;
  /** Told of each send's outcome as it is decided (metrics). Must not throw. */
  onSent?: (outcome: SendOutcome) => void;
}

export interface Dispatcher {
  /** Claims and sends one batch; resolves to the number of rows handled. */
  runOnce(): Promise<number>;
  /** Keeps dispatching: at every interval, and at once after kick(). */
  start(intervalMs?: number): void;
  kick(): void;
  /**
   * Sends rows the caller claimed itself in a committed transaction (see
   * claimedInsert), without claiming them again.
   */
  handOver(rows: OutboundRow[]): void;
  /** The lease a claim holds, for callers that claim rows themselves. */
  readonly leaseMs: number;
  stop(): Promise<void>;
}

/** The outbox dispatcher: claims rows, sends them, and records what happened. */
export function createDispatcher({
  db,
  send,
  logger,
  ratePerSecond = 80,
  batchSize = 50,
  leaseMs = 8_000,
  maxAttempts = 10,
  retryBaseMs = 1000,
  deliveredOnSend = false,
  maxPasses = 4,
  onSent = () => {},
}: DispatcherOptions): Dispatcher {
  const spacingMs = 1000 / ratePerSecond;
  let nextSlot = 0;
  // Spreads sends so this process never starts more than ratePerSecond per second.
  async function slot(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, nextSlot);
    nextSlot = at + spacingMs;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  const outcomes = createOutcomeWriter(db, logger);
  const leases = createLeases(db, logger, leaseMs);

  async function deliver(row: OutboundRow): Promise<void> {
    await slot();
    if (!leases.holds(row.id)) {
      // Its lease may have run out while it waited: whoever holds it now sends it.
      logger.warn({ outboundId: row.id }, 'outbound lease lost before sending');
      return;
    }
    const message = outboundMessageSchema.safeParse(row.payload);
    if (!message.success) {
      // Sending it again cannot help: the row is set aside with the reason.
      logger.error(
        { outboundId: row.id, issues: message.error.issues },
        'outbound payload unreadable',
      );
      onSent({ result: 'failed' });
      return outcomes.add({
        id: row.id,
        status: 'FAILED',
        lastError: 'stored message body unreadable',
      });
    }
    const result = await send(message.data);
    if (result.ok) {
      onSent({ result: 'sent' });
      return outcomes.add({
        id: row.id,
        status: deliveredOnSend ? 'DELIVERED' : 'SENT',
        providerMessageId: result.providerMessageId,
      });
    }
    const reason = `${result.code ?? result.status ?? 'network'}: ${result.reason}`;
    const code = result.code === undefined ? {} : { code: result.code };
    if (!result.retryable || row.attempts >= maxAttempts) {
      logger.warn(
        { outboundId: row.id, attempts: row.attempts, reason },
        'outbound message failed',
      );
      onSent({ result: 'failed', ...code });
      return outcomes.add({ id: row.id, status: 'FAILED', lastError: reason });
    }
    const delay = retryDelay(result, row.attempts - 1, { baseMs: retryBaseMs });
    onSent({ result: 'retry', ...code });
    return outcomes.add({
      id: row.id,
      status: 'PENDING',
      lastError: reason,
      nextAttemptAt: new Date(Date.now() + delay),
    });
  }

  async function sendAll(rows: OutboundRow[]): Promise<void> {
    await Promise.all(
      rows.map((row) =>
        deliver(row)
          .catch((error: unknown) => {
            // The lease expires and another pass retries the row.
            logger.error({ err: error, outboundId: row.id }, 'outbound dispatch error');
          })
          .finally(() => leases.release(row.id)),
      ),
    );
  }

  async function runOnce(): Promise<number> {
    const claimedAt = Date.now();
    const rows = await claimOutbound(db, batchSize, leaseMs);
    leases.hold(rows, claimedAt);
    await sendAll(rows);
    return rows.length;
  }

  let timer: NodeJS.Timeout | undefined;
  const passes = new Set<Promise<void>>();
  let again = false;
  let stopped = true;
  const handedOver = new Set<Promise<void>>();
  // Wake-ups asked for from outside (new rows queued, the interval).
  let wakeUps = 0;

  function handOver(rows: OutboundRow[]): void {
    const wakeUpsBefore = wakeUps;
    // Claimed by a transaction that committed just now.
    leases.hold(rows, Date.now());
    const sending = sendAll(rows)
      .catch((error: unknown) => logger.error({ err: error }, 'handed-over send failed'))
      .finally(() => {
        handedOver.delete(sending);
        // A recipient's next message, queued meanwhile, waited for this one to settle.
        if (wakeUps !== wakeUpsBefore) startPass();
      });
    handedOver.add(sending);
  }

  // A pass claims, sends and records one batch after another while batches come full.
  async function pass(): Promise<void> {
    try {
      do {
        again = false;
        while ((await runOnce()) === batchSize && !stopped);
      } while (again && !stopped);
    } catch (error) {
      logger.error({ err: error }, 'outbox dispatcher pass failed');
    }
  }

  /**
   * Passes overlap (up to maxPasses), so a reply queued while one is waiting on Meta
   * leaves at once instead of after it: claims skip each other's rows, and a
   * recipient's next message stays unclaimable until the one before it is settled.
   */
  function startPass(): void {
    if (stopped) return;
    if (passes.size >= maxPasses) {
      again = true;
      return;
    }
    const running = pass().finally(() => passes.delete(running));
    passes.add(running);
  }

  function kick(): void {
    wakeUps += 1;
    startPass();
  }
  return {
    runOnce,
    kick,
    handOver,
    leaseMs,
    start(intervalMs = 1000) {
      stopped = false;
      timer = setInterval(kick, intervalMs);
      kick();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all([...passes, ...handedOver]);
      await leases.idle();
    },
  };
}
