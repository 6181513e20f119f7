import { extract } from './extract/index.ts';
import { linesOfPage } from './extract/lines.ts';
import { createOcrPool } from './ocr-pool.ts';
import { prepareForOcr } from './preprocess.ts';
import type { ReceiptReading } from './reading.ts';
import { restoreRupeeSigns } from './rupee-sign.ts';

export interface ReceiptReaderOptions {
  /** OCR worker threads, started on the first read (one added about 150 MB of memory here). */
  workers?: number;
}

export interface ReceiptReader {
  /**
   * Reads a receipt photo or payment screenshot. Rejects with ImageTooLargeError over
   * 5 MB and UnreadableImageError for a file that is not an image.
   */
  read(bytes: Uint8Array): Promise<ReceiptReading>;
  /** Stops the workers; reads after this reject. */
  close(): Promise<void>;
}

export function createReceiptReader(options: ReceiptReaderOptions = {}): ReceiptReader {
  const pool = createOcrPool(options.workers ?? 2);
  let closed = false;
  return {
    async read(bytes) {
      // Refused before the image is decoded, which is work nobody would use.
      if (closed) throw new Error('The receipt reader is closed.');
      const prepared = await prepareForOcr(bytes);
      const page = await pool.recognize(prepared);
      await restoreRupeeSigns(page, prepared);
      const lines = linesOfPage(page);
      return {
        ...extract(lines),
        text: lines.map((line) => line.text).join('\n'),
        confidence: page.confidence,
      };
    },
    close() {
      closed = true;
      return pool.close();
    },
  };
}
