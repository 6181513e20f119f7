// Reads queued photos and voice notes away from the webhook's event loop and from the
// conversation's transaction: fetch the file, read it (OCR / transcription run in their
// own threads or services), keep it, and hand the reading back to the chat as a message.
import { newId, sql, type Queries, type SqlDatabase } from '@spendline/db';
import { postgresAttachments, type AttachmentStore } from '@spendline/entries';
import { backoffDelay, MEDIA_LIMITS, type MediaFailure } from '@spendline/whatsapp';
import { claimMediaJobs, finishMediaJob, retryMediaJob, type ClaimedJob } from './jobs.ts';
import type { MediaReading, ReadingContent, ReadingFailure } from './reading.ts';

/** A file to read: fetched now, or one the sandbox already kept as an attachment. */
export type FetchedMedia =
  { ok: true; bytes: Buffer; mimeType: string; keptAs?: string } | MediaFailure;

export interface MediaSource {
  fetch(job: ClaimedJob): Promise<FetchedMedia>;
}

/** Thrown by a reader for a file it cannot decode: telling the user beats retrying. */
export class UnreadableMediaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableMediaError';
  }
}

export interface MediaReaders {
  image(bytes: Buffer): Promise<MediaReading>;
  /** Null when no transcription is set up: voice notes are answered so at once. */
  audio: ((bytes: Buffer, mimeType: string) => Promise<MediaReading>) | null;
}

export interface MediaWorkerOptions {
  db: SqlDatabase;
  source: MediaSource;
  readers: MediaReaders;
  attachments?: AttachmentStore;
  /** Called once a reading is stored for the chat: process it now. */
  onReading?: (conversationId: string) => void;
  onError?: (error: unknown, job?: ClaimedJob) => void;
  /** Files read at once (the OCR pool's size). */
  concurrency?: number;
  leaseMs?: number;
  maxAttempts?: number;
}

export interface MediaWorker {
  start(pollMs?: number): void;
  /** Looks for jobs now (the chat just queued one). */
  kick(): void;
  /** One pass over due jobs; resolves when they are handled. For tests and shutdown. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

const failureReason: Record<MediaFailure['reason'], ReadingFailure> = {
  'too-large': 'too-large',
  gone: 'gone',
  corrupt: 'unavailable',
  unavailable: 'unavailable',
};

const failed = (reason: ReadingFailure): MediaReading => ({ kind: 'failed', reason });

export function createMediaWorker({
  db,
  source,
  readers,
  attachments = postgresAttachments,
  onReading,
  onError,
  concurrency = 2,
  leaseMs = 120_000,
  maxAttempts = 5,
}: MediaWorkerOptions): MediaWorker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = false;

  /** The reading, or a delay to try again after (Meta or a service failed for now). */
  async function read(
    job: ClaimedJob,
  ): Promise<
    | { reading: MediaReading; file?: FetchedMedia & { ok: true } }
    | { retryIn: number; error: string }
  > {
    const lastTry = job.attempts >= maxAttempts;
    const retry = (error: string) =>
      lastTry ? { reading: failed('unavailable') } : { retryIn: backoffDelay(job.attempts), error };
    if (job.media === 'audio' && !readers.audio) return { reading: failed('voice-off') };
    const file = await source.fetch(job);
    if (!file.ok) {
      if (file.retryable) return retry(file.detail);
      return { reading: failed(failureReason[file.reason]) };
    }
    if (file.bytes.length > MEDIA_LIMITS[job.media]) return { reading: failed('too-large') };
    try {
      const reading =
        job.media === 'image'
          ? await readers.image(file.bytes)
          : await readers.audio!(file.bytes, file.mimeType);
      return { reading, file };
    } catch (error) {
      if (error instanceof UnreadableMediaError) return { reading: failed('unreadable'), file };
      return retry(error instanceof Error ? error.message : String(error));
    }
  }

  async function handOver(
    tx: Queries,
    job: ClaimedJob,
    reading: MediaReading,
    file: (FetchedMedia & { ok: true }) | undefined,
  ): Promise<void> {
    const { payload } = job;
    let attachmentId: string | null = file?.keptAs ?? null;
    let duplicateOf: string | null = null;
    if (file && !file.keptAs && reading.kind !== 'failed') {
      const kept = await attachments.put(tx, payload.userId, {
        bytes: file.bytes,
        mimeType: file.mimeType,
      });
      attachmentId = kept.id;
      duplicateOf = kept.duplicateOf;
    }
    const content: ReadingContent = {
      kind: 'reading',
      media: job.media,
      attachmentId,
      duplicateOf,
      reading,
    };
    if (payload.caption) content.caption = payload.caption;
    await tx.execute(sql`
      INSERT INTO inbound_messages
        (id, wa_message_id, conversation_id, phone_number_id, type, payload, sent_at,
         received_at, status, attempts)
      VALUES (${newId()}::uuid, ${`reading.${job.inboundMessageId}`}, ${job.conversationId}::uuid,
              ${payload.phoneNumberId}, 'reading',
              ${JSON.stringify({ sender: payload.sender, content })}::jsonb,
              now(), now(), 'RECEIVED', 0)
      ON CONFLICT (wa_message_id) DO NOTHING`);
    // Another worker took the job after this one's lease ran out: let that one finish it.
    if (!(await finishMediaJob(tx, job))) throw new StaleClaimError();
  }

  async function handle(job: ClaimedJob): Promise<void> {
    try {
      const outcome = await read(job);
      if ('retryIn' in outcome) {
        await retryMediaJob(db, job, outcome.retryIn, outcome.error);
        return;
      }
      await db.transaction((tx) => handOver(tx, job, outcome.reading, outcome.file));
      onReading?.(job.conversationId);
    } catch (error) {
      if (error instanceof StaleClaimError) return;
      onError?.(error, job);
      await retryMediaJob(db, job, backoffDelay(job.attempts), String(error)).catch(() => {});
    }
  }

  async function pass(): Promise<number> {
    let handled = 0;
    do {
      again = false;
      const jobs = await claimMediaJobs(db, concurrency, leaseMs);
      await Promise.all(jobs.map(handle));
      handled += jobs.length;
      if (jobs.length === concurrency) again = true;
    } while (again && !stopped);
    return handled;
  }

  function drain(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = pass().finally(() => {
      running = undefined;
    });
    return running;
  }

  const poke = () => void drain().catch((error: unknown) => onError?.(error));

  return {
    start(pollMs = 1_000) {
      timer = setInterval(poke, pollMs);
      timer.unref();
      poke();
    },
    kick: poke,
    drain,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}

class StaleClaimError extends Error {
  constructor() {
    super('the media job was claimed again meanwhile');
    this.name = 'StaleClaimError';
  }
}
