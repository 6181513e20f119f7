// The media_jobs queue: the chat queues a file in its own transaction; workers on any
// replica claim jobs with SKIP LOCKED and a lease, so a worker that dies mid-read leaves
// its job to another once the lease ends.
import { newId, sql, type Queries } from '@spendline/db';
import { whatsAppUserSchema, type WhatsAppUser } from '@spendline/whatsapp';
import { z } from 'zod';

/** What the worker needs besides the media id: who sent it and how to hand the reading back. */
export interface MediaJobPayload {
  /** The account whose chat sent it: the file is kept as theirs. */
  userId: string;
  sender: WhatsAppUser;
  waKey: string;
  phoneNumberId: string;
  mimeType: string;
  sha256?: string;
  caption?: string;
}

export interface QueuedMedia {
  inboundMessageId: string;
  conversationId: string;
  mediaId: string;
  media: 'image' | 'audio';
  payload: MediaJobPayload;
}

export interface ClaimedJob extends QueuedMedia {
  id: string;
  /** This claim's number: a later claim of the same job (after the lease) has a higher one. */
  attempts: number;
}

const payloadSchema: z.ZodType<MediaJobPayload> = z.object({
  userId: z.uuid(),
  sender: whatsAppUserSchema,
  waKey: z.string(),
  phoneNumberId: z.string(),
  mimeType: z.string(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
});

/** Queues a file once per inbound message (a redelivered webhook queues nothing). */
export async function queueMediaJob(tx: Queries, job: QueuedMedia): Promise<void> {
  await tx.execute(sql`
    INSERT INTO media_jobs (id, inbound_message_id, conversation_id, media_id, media, payload)
    VALUES (${newId()}::uuid, ${job.inboundMessageId}::uuid, ${job.conversationId}::uuid,
            ${job.mediaId}, ${job.media}, ${JSON.stringify(job.payload)}::jsonb)
    ON CONFLICT (inbound_message_id) DO NOTHING`);
}

interface JobRow {
  id: string;
  inbound_message_id: string;
  conversation_id: string;
  media_id: string;
  media: string;
  payload: unknown;
  attempts: number;
}

/** Takes up to `limit` due jobs, each leased for `leaseMs`. */
export async function claimMediaJobs(
  db: Queries,
  limit: number,
  leaseMs: number,
): Promise<ClaimedJob[]> {
  const rows = await db.rows<JobRow>(sql`
    UPDATE media_jobs
       SET attempts = attempts + 1,
           next_attempt_at = clock_timestamp() + make_interval(secs => ${leaseMs / 1000}::float8)
     WHERE id IN (
       SELECT id FROM media_jobs
        WHERE status = 'PENDING' AND next_attempt_at <= clock_timestamp()
        ORDER BY next_attempt_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, inbound_message_id, conversation_id, media_id, media, payload, attempts`);
  return rows.flatMap((row) => {
    const payload = payloadSchema.safeParse(row.payload);
    const media = row.media === 'audio' ? 'audio' : 'image';
    if (!payload.success) return [];
    return [
      {
        id: row.id,
        inboundMessageId: row.inbound_message_id,
        conversationId: row.conversation_id,
        mediaId: row.media_id,
        media,
        payload: payload.data,
        attempts: row.attempts,
      },
    ];
  });
}

/**
 * Ends a claimed job, in the caller's transaction. False when the claim is stale (the
 * lease ran out and another worker took the job): the caller must roll back.
 */
export async function finishMediaJob(tx: Queries, job: ClaimedJob): Promise<boolean> {
  const rows = await tx.rows<{ id: string }>(sql`
    UPDATE media_jobs SET status = 'DONE', last_error = NULL
     WHERE id = ${job.id}::uuid AND attempts = ${job.attempts} AND status = 'PENDING'
    RETURNING id`);
  return rows.length === 1;
}

/** Puts a claimed job back for a later try. */
export async function retryMediaJob(
  db: Queries,
  job: ClaimedJob,
  delayMs: number,
  error: string,
): Promise<void> {
  await db.execute(sql`
    UPDATE media_jobs
       SET next_attempt_at = clock_timestamp() + make_interval(secs => ${delayMs / 1000}::float8),
           last_error = ${error.slice(0, 500)}
     WHERE id = ${job.id}::uuid AND attempts = ${job.attempts} AND status = 'PENDING'`);
}

/** Jobs rows that hold a lease or wait: for the operator's view and tests. */
export async function pendingMediaJobs(db: Queries): Promise<number> {
  const [row] = await db.rows<{ count: number }>(sql`
    SELECT count(*)::int AS count FROM media_jobs WHERE status = 'PENDING'`);
  return row?.count ?? 0;
}
