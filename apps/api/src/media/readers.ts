// What the api reads media with: OCR worker threads for photos, the configured
// transcriber for voice notes, each turned into the reading the chat understands.
import {
  transcriberFrom,
  UnreadableMediaError,
  type MediaReaders,
  type MediaReading,
  type TranscribeSettings,
} from '@spendline/media';
import {
  createReceiptReader,
  ImageTooLargeError,
  UnreadableImageError,
  type ReceiptReading,
} from '@spendline/receipts';

/** A receipt or payment screen as the chat's reading: only a done payment may be saved. */
export function readingOfReceipt(receipt: ReceiptReading): MediaReading {
  const merchant = receipt.merchant?.slice(0, 200) ?? null;
  if (receipt.upi && receipt.upi.status !== 'success') {
    return { kind: 'payment-not-done', status: receipt.upi.status, merchant };
  }
  if (receipt.kind === 'unknown' && receipt.amountMinor === null) return { kind: 'not-a-receipt' };
  return {
    kind: 'receipt',
    amountMinor: receipt.amountMinor === null ? null : String(receipt.amountMinor),
    currency: receipt.currency,
    merchant,
    date: receipt.date,
    reference: receipt.upi?.reference?.slice(0, 64) ?? null,
    payment: receipt.kind === 'upi',
  };
}

export interface ApiMediaReaders extends MediaReaders {
  close(): Promise<void>;
}

export function createMediaReaders(
  settings: TranscribeSettings & { OCR_WORKERS: number },
): ApiMediaReaders {
  // Its worker threads start with the first photo, not with the api.
  const receipts = createReceiptReader({ workers: settings.OCR_WORKERS });
  const transcribe = transcriberFrom(settings);
  return {
    async image(bytes) {
      try {
        return readingOfReceipt(await receipts.read(bytes));
      } catch (error) {
        if (error instanceof UnreadableImageError || error instanceof ImageTooLargeError) {
          throw new UnreadableMediaError(error.message);
        }
        throw error;
      }
    },
    audio: transcribe
      ? async (bytes, mimeType) => {
          const text = (await transcribe(bytes, mimeType)).slice(0, 4096);
          // Silence or noise: nothing to go on.
          if (!/\p{L}|\p{N}/u.test(text)) throw new UnreadableMediaError('no words were heard');
          return { kind: 'transcript', text };
        }
      : null,
    close: () => receipts.close(),
  };
}
