// The worker against the real database and the Graph simulator over HTTP; the readers
// stand in for OCR and transcription, which their own packages test.
import { newId, type Database, type User } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createMediaDownloader, MEDIA_LIMITS } from '@spendline/whatsapp';
import { startGraphSimulator, type GraphSimulator } from '@spendline/whatsapp/simulator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queueMediaJob, type QueuedMedia } from './jobs.ts';
import { readingContentSchema, type MediaReading } from './reading.ts';
import {
  createMediaWorker,
  UnreadableMediaError,
  type MediaReaders,
  type MediaSource,
} from './worker.ts';

const accessToken = 'media-worker-token';
let db: Database;
let graph: GraphSimulator;
let user: User;
let source: MediaSource;

const receipt: MediaReading = {
  kind: 'receipt',
  amountMinor: '66932',
  currency: 'INR',
  merchant: 'DMart',
  date: '2026-12-03',
  reference: null,
  payment: false,
};
const readers = (overrides: Partial<MediaReaders> = {}): MediaReaders => ({
  image: () => Promise.resolve(receipt),
  audio: null,
  ...overrides,
});

beforeAll(async () => {
  db = await createTestDatabase();
  graph = await startGraphSimulator({ accessToken });
  const download = createMediaDownloader({ apiUrl: graph.apiUrl, accessToken, timeoutMs: 5_000 });
  source = {
    fetch: (job) =>
      download.download(job.mediaId, {
        maxBytes: MEDIA_LIMITS[job.media],
        ...(job.payload.sha256 ? { sha256: job.payload.sha256 } : {}),
      }),
  };
  user = await db.prisma.user.create({ data: { email: 'media@example.com', displayName: 'M' } });
});
afterAll(async () => {
  await graph?.close();
  await db?.close();
});
beforeEach(async () => {
  await db.prisma.mediaJob.deleteMany();
  await db.prisma.inboundMessage.deleteMany();
  await db.prisma.attachment.deleteMany();
});

/** A photo or voice note as the chat queues it, with its inbound message and conversation. */
async function queued(
  bytes: Buffer,
  media: 'image' | 'audio' = 'image',
  mimeType = media === 'image' ? 'image/jpeg' : 'audio/ogg; codecs=opus',
): Promise<QueuedMedia & { stored: { id: string; sha256: string } }> {
  const stored = graph.media.add(bytes, mimeType);
  const waKey = `+9198${Math.floor(Math.random() * 1e8)}`;
  const conversation = await db.prisma.conversation.create({
    data: { waKey, phoneNumber: waKey },
  });
  const inbound = await db.prisma.inboundMessage.create({
    data: {
      waMessageId: `wamid.${newId()}`,
      conversationId: conversation.id,
      phoneNumberId: '1234',
      type: media,
      payload: {},
      sentAt: new Date(),
      status: 'PROCESSED',
    },
  });
  const job: QueuedMedia = {
    inboundMessageId: inbound.id,
    conversationId: conversation.id,
    mediaId: stored.id,
    media,
    payload: {
      userId: user.id,
      sender: { phoneNumber: waKey },
      waKey,
      phoneNumberId: '1234',
      mimeType,
      sha256: stored.sha256,
      caption: 'lunch with team',
    },
  };
  await db.sql.transaction((tx) => queueMediaJob(tx, job));
  return { ...job, stored };
}

async function readingsOf(conversationId: string) {
  const rows = await db.prisma.inboundMessage.findMany({
    where: { conversationId, type: 'reading' },
  });
  return rows.map((row) => {
    const payload = row.payload as { content: unknown };
    return { status: row.status, content: readingContentSchema.parse(payload.content) };
  });
}

const jobOf = (inboundMessageId: string) =>
  db.prisma.mediaJob.findUniqueOrThrow({ where: { inboundMessageId } });

describe('media worker', () => {
  it('reads a photo, keeps it as the user’s attachment and hands the reading to the chat', async () => {
    const photo = Buffer.from('pretend receipt photo');
    const job = await queued(photo);
    // Queued twice (a redelivered webhook): still one job.
    await db.sql.transaction((tx) => queueMediaJob(tx, job));
    const kicked: string[] = [];
    const worker = createMediaWorker({
      db: db.sql,
      source,
      readers: readers(),
      onReading: (id) => kicked.push(id),
    });
    expect(await worker.drain()).toBe(1);
    const [reading, ...others] = await readingsOf(job.conversationId);
    expect(others).toEqual([]);
    expect(reading).toMatchObject({
      status: 'RECEIVED',
      content: { kind: 'reading', media: 'image', caption: 'lunch with team', reading: receipt },
    });
    const kept = await db.prisma.attachment.findUniqueOrThrow({
      where: { id: reading!.content.attachmentId! },
    });
    expect(Buffer.from(kept.bytes)).toEqual(photo);
    expect(kept.userId).toBe(user.id);
    expect((await jobOf(job.inboundMessageId)).status).toBe('DONE');
    expect(kicked).toEqual([job.conversationId]);
    expect(await worker.drain()).toBe(0);
  });

  it('says an expired or oversized file could not be read, without keeping anything', async () => {
    const gone = await queued(Buffer.from('old'));
    graph.media.expire(gone.mediaId);
    const big = await queued(Buffer.alloc(MEDIA_LIMITS.image + 1));
    const worker = createMediaWorker({ db: db.sql, source, readers: readers() });
    await worker.drain();
    expect((await readingsOf(gone.conversationId))[0]?.content.reading).toEqual({
      kind: 'failed',
      reason: 'gone',
    });
    expect((await readingsOf(big.conversationId))[0]?.content).toMatchObject({
      attachmentId: null,
      reading: { kind: 'failed', reason: 'too-large' },
    });
    expect(await db.prisma.attachment.count()).toBe(0);
  });

  it('retries a failing reader with backoff, then tells the user after the last try', async () => {
    const job = await queued(Buffer.from('photo'));
    let calls = 0;
    const worker = createMediaWorker({
      db: db.sql,
      source,
      maxAttempts: 2,
      readers: readers({
        image: () => {
          calls += 1;
          return Promise.reject(new Error('OCR worker crashed'));
        },
      }),
    });
    await worker.drain();
    const waiting = await jobOf(job.inboundMessageId);
    expect(waiting).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      lastError: 'OCR worker crashed',
    });
    expect(await readingsOf(job.conversationId)).toEqual([]);
    await db.prisma.mediaJob.update({
      where: { id: waiting.id },
      data: { nextAttemptAt: new Date(0) },
    });
    await worker.drain();
    expect(calls).toBe(2);
    expect((await readingsOf(job.conversationId))[0]?.content.reading).toEqual({
      kind: 'failed',
      reason: 'unavailable',
    });
  });

  it('answers an undecodable file at once, and a voice note when no transcriber is set up', async () => {
    const picture = await queued(Buffer.from('not an image'));
    const voice = await queued(Buffer.from('OggS voice'), 'audio');
    const worker = createMediaWorker({
      db: db.sql,
      source,
      readers: readers({ image: () => Promise.reject(new UnreadableMediaError('bad header')) }),
    });
    await worker.drain();
    expect((await readingsOf(picture.conversationId))[0]?.content.reading).toEqual({
      kind: 'failed',
      reason: 'unreadable',
    });
    expect((await readingsOf(voice.conversationId))[0]?.content.reading).toEqual({
      kind: 'failed',
      reason: 'voice-off',
    });
  });

  it('gives a voice note’s bytes to the transcriber as they came', async () => {
    const ogg = Buffer.from('OggS\u0000\u0002 opus voice');
    const voice = await queued(ogg, 'audio');
    const heard: Buffer[] = [];
    const worker = createMediaWorker({
      db: db.sql,
      source,
      readers: readers({
        audio: (bytes) => {
          heard.push(bytes);
          return Promise.resolve({ kind: 'transcript', text: '120 petrol' });
        },
      }),
    });
    await worker.drain();
    expect(heard).toEqual([ogg]);
    expect((await readingsOf(voice.conversationId))[0]?.content.reading).toEqual({
      kind: 'transcript',
      text: '120 petrol',
    });
  });

  it('reads each file once when two workers (two replicas) run at the same time', async () => {
    const jobs = await Promise.all([1, 2, 3, 4, 5].map((n) => queued(Buffer.from(`photo ${n}`))));
    let reads = 0;
    const worker = () =>
      createMediaWorker({
        db: db.sql,
        source,
        concurrency: 1,
        readers: readers({
          image: async () => {
            reads += 1;
            await new Promise((resolve) => setTimeout(resolve, 20));
            return receipt;
          },
        }),
      });
    await Promise.all([worker().drain(), worker().drain()]);
    expect(reads).toBe(5);
    for (const job of jobs) expect(await readingsOf(job.conversationId)).toHaveLength(1);
  });
});
