// Tesseract runs in worker threads (tesseract.js spawns one per worker); the caller's
// event loop only queues jobs and receives text, so webhook acks are not held up.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScheduler, createWorker, OEM, PSM } from 'tesseract.js';
import type { Page, Scheduler } from 'tesseract.js';

const require = createRequire(import.meta.url);
const workerPath = fileURLToPath(new URL('./ocr-thread.ts', import.meta.url));

// The LSTM-only integer model is what tesseract.js itself fetches by default; taking it
// from the installed package keeps every read offline.
export const languageDataPath = join(
  dirname(require.resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
);

export interface OcrPool {
  recognize(image: Buffer): Promise<Page>;
  close(): Promise<void>;
}

export function createOcrPool(workers: number): OcrPool {
  if (!Number.isInteger(workers) || workers < 1) {
    throw new RangeError(`workers must be a positive whole number, got ${workers}`);
  }
  let started: Promise<Scheduler> | undefined;
  let closed = false;

  async function start(): Promise<Scheduler> {
    const scheduler = createScheduler();
    try {
      const created = await Promise.all(
        Array.from({ length: workers }, () =>
          createWorker('eng', OEM.LSTM_ONLY, {
            workerPath,
            langPath: languageDataPath,
            cachePath: languageDataPath,
            gzip: true,
            // Never read or write a cache copy: the package's file is the only source.
            cacheMethod: 'none',
          }),
        ),
      );
      for (const worker of created) {
        // One column of text in several sizes: on the corpus this keeps a payment
        // screen's big amount, which single-block mode drops, and splits fewer bill
        // lines from their amounts than automatic page segmentation.
        await worker.setParameters({
          tessedit_pageseg_mode: PSM.SINGLE_COLUMN,
          preserve_interword_spaces: '1',
          // Tesseract's notes ("Estimating resolution as 520") would land in the api's
          // JSON log lines; the reading itself says how it went.
          debug_file: '/dev/null',
        });
        scheduler.addWorker(worker);
      }
      return scheduler;
    } catch (error) {
      await scheduler.terminate();
      throw error;
    }
  }

  return {
    async recognize(image) {
      if (closed) throw new Error('The receipt reader is closed.');
      started ??= start();
      const scheduler = await started;
      const result = await scheduler.addJob('recognize', image, {}, { blocks: true, text: true });
      return result.data;
    },
    async close() {
      closed = true;
      const pending = started;
      started = undefined;
      if (pending) await (await pending.catch(() => undefined))?.terminate();
    },
  };
}
