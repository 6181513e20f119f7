// The dashboard's "Add from receipt" reads a photo with the chat's own readers (the same
// OCR threads and extraction), turned into what the GraphQL form pre-fill expects.
import type { ReadReceipt, ReceiptScan } from '@spendline/graphql';
import { UnreadableMediaError, type MediaReaders } from '@spendline/media';

const nothing = { amountMinor: null, currency: null, merchant: null, date: null } as const;

export function receiptScanner(readers: Pick<MediaReaders, 'image'>): ReadReceipt {
  return async (bytes): Promise<ReceiptScan> => {
    let reading;
    try {
      reading = await readers.image(bytes);
    } catch (error) {
      if (error instanceof UnreadableMediaError) return { kind: 'UNREADABLE', ...nothing };
      throw error;
    }
    switch (reading.kind) {
      case 'receipt':
        return {
          kind: reading.payment ? 'PAYMENT' : 'RECEIPT',
          amountMinor: reading.amountMinor === null ? null : BigInt(reading.amountMinor),
          currency: reading.currency,
          merchant: reading.merchant,
          date: reading.date,
        };
      case 'payment-not-done':
        return { kind: 'PAYMENT_NOT_DONE', ...nothing, merchant: reading.merchant };
      case 'failed':
        return { kind: 'UNREADABLE', ...nothing };
      default:
        return { kind: 'NOT_A_RECEIPT', ...nothing };
    }
  };
}
