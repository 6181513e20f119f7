// npm run bench (apps/api): do webhook acknowledgements keep their latency while photos
// are being read? Paced rounds of signed webhooks at the api, alternating between an
// idle media worker and one kept busy with receipt photos (OCR in its worker threads,
// preprocessing on libuv's pool), in the same process and run. Uses DATABASE_URL
// (PostgreSQL) when set, the embedded PGlite otherwise.
import { loadConfig } from '@spendline/config';
import { newId } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { postgresAttachments } from '@spendline/entries';
import { createLogger } from '@spendline/log';
import { queueMediaJob } from '@spendline/media';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import sharp from 'sharp';
import { createApiServer } from '../src/server.ts';
import { startWhatsAppChannel } from '../src/whatsapp/channel.ts';
import { fire, listen, median, type Round } from './fire.ts';

const COUNT = Number(process.env.BENCH_MESSAGES ?? 1500);
// A busy number's steady pace; the point is latency under OCR, not capacity.
const RATE = Number(process.env.BENCH_RATE ?? 200);
const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 24);
const ROUNDS = 3;
const secret = 'bench-app-secret';

/** A bill photo, different each time so no two are the same file. */
async function billPhoto(n: number): Promise<Buffer> {
  const items = Array.from({ length: 8 }, (_, i) => [`Item ${n}-${i}`, `${(i + 1) * 37}.50`]);
  const lines = [
    ['SPENDLINE MART', ''],
    ['Date: 03/12/2026', `Bill ${n}`],
    ...items,
    ['TOTAL', '999.00'],
  ];
  const text = lines
    .map(
      ([left, right], i) =>
        `<text x="40" y="${80 + i * 50}">${left}</text><text x="660" y="${80 + i * 50}" text-anchor="end">${right}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="700" height="${120 + lines.length * 50}" font-family="DejaVu Sans" font-size="28"><rect width="100%" height="100%" fill="white"/>${text}</svg>`;
  return sharp(Buffer.from(svg))
    .rotate(3, { background: 'white' })
    .jpeg({ quality: 70 })
    .toBuffer();
}

const db = await createTestDatabase();
const logger = createLogger({ level: 'silent' });
const config = loadConfig({
  env: { WEBHOOK_SECRET: secret, OCR_WORKERS: process.env.OCR_WORKERS },
  envFile: undefined,
});
const channel = await startWhatsAppChannel({ db: db.sql, config, logger, mediaPollMs: 100 });
const apiServer = createApiServer({
  db,
  logger,
  whatsapp: { channel, appSecret: secret, verifyToken: undefined },
});
const apiUrl = await listen(apiServer);

// One user whose chat sent the photos (sandbox: the worker reads them from attachments).
const user = await db.prisma.user.create({ data: { email: 'ocr@example.com', displayName: 'O' } });
const conversation = await db.prisma.conversation.create({
  data: { waKey: '+919800000001', phoneNumber: '+919800000001' },
});
const photos = await Promise.all(Array.from({ length: PHOTOS }, (_, n) => billPhoto(n)));

/** Queues every photo again; resolves with a function telling how many are still waiting. */
async function queuePhotos(): Promise<() => Promise<number>> {
  const ids: string[] = [];
  for (const bytes of photos) {
    const kept = await postgresAttachments.put(db.sql, user.id, { bytes, mimeType: 'image/jpeg' });
    const inboundMessageId = newId();
    ids.push(inboundMessageId);
    await queueMediaJob(db.sql, {
      inboundMessageId,
      conversationId: conversation.id,
      mediaId: `attachment:${kept.id}`,
      media: 'image',
      payload: {
        userId: user.id,
        sender: { phoneNumber: '+919800000001' },
        waKey: '+919800000001',
        phoneNumberId: '1234567890',
        mimeType: 'image/jpeg',
      },
    });
  }
  channel.media.kick();
  return () =>
    db.prisma.mediaJob.count({ where: { inboundMessageId: { in: ids }, status: 'PENDING' } });
}

interface OcrRound extends Round {
  photosRead: number;
  /** The api's event loop delay while the webhooks came, p99 and worst, in ms. */
  loopP99: number;
  loopMax: number;
}

async function round(withOcr: boolean): Promise<OcrRound> {
  const waiting = withOcr ? await queuePhotos() : () => Promise.resolve(0);
  // Let the workers start before the webhooks come.
  if (withOcr) await new Promise((resolve) => setTimeout(resolve, 300));
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const result = await fire(apiUrl, { count: COUNT, rate: RATE, concurrency: 16, secret });
  loop.disable();
  const left = await waiting();
  while ((await waiting()) > 0) await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    ...result,
    photosRead: withOcr ? PHOTOS - left : 0,
    loopP99: loop.percentile(99) / 1e6,
    loopMax: loop.max / 1e6,
  };
}

// Warm up OCR (worker threads start with the first photo) and the webhook path.
await round(true);
await round(false);
const rounds = { idle: [] as OcrRound[], ocr: [] as OcrRound[] };
for (let i = 0; i < ROUNDS; i++) {
  rounds.idle.push(await round(false));
  rounds.ocr.push(await round(true));
}

const fmt = (n: number) => n.toFixed(n >= 100 ? 0 : 2);
const cells = (list: OcrRound[]) => ({
  'msgs/s': fmt(median(list.map((r) => r.perSecond))),
  'p50 ms': fmt(median(list.map((r) => r.p50))),
  'p99 ms': fmt(median(list.map((r) => r.p99))),
  'non-200': list.reduce((n, r) => n + r.failures, 0),
  'loop delay p99 ms': fmt(median(list.map((r) => r.loopP99))),
  'loop delay max ms': fmt(median(list.map((r) => r.loopMax))),
});
console.log(
  `\nWebhook acks while photos are read: ${COUNT} webhooks at ${RATE}/s per round, ` +
    `engine ${db.engine}, OCR_WORKERS=${config.OCR_WORKERS}; ${ROUNDS} rounds each, medians`,
);
console.table({ 'media worker idle': cells(rounds.idle), 'reading photos': cells(rounds.ocr) });
const idleP99 = median(rounds.idle.map((r) => r.p99));
const ocrP99 = median(rounds.ocr.map((r) => r.p99));
console.log(
  `photos read during a round (of ${PHOTOS}): ${median(rounds.ocr.map((r) => r.photosRead))}; ` +
    `p99 with OCR / idle: ${(ocrP99 / idleP99).toFixed(2)}`,
);

await channel.stop();
await new Promise((resolve) => apiServer.close(resolve));
await db.close();
process.exit(0);
