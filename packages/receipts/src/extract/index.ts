import type { ReceiptReading } from '../reading.ts';
import { findCurrency, findDate, findMerchant } from './fields.ts';
import type { OcrLine } from './lines.ts';
import { findPaidAmount, receiptScore } from './receipt.ts';
import { readUpi, upiScore } from './upi.ts';

export type Extracted = Omit<ReceiptReading, 'text' | 'confidence'>;

const nothing: Extracted = {
  kind: 'unknown',
  expense: false,
  amountMinor: null,
  currency: null,
  merchant: null,
  date: null,
  upi: null,
  amountLine: null,
};

/** Reads what an image's text says was paid, to whom and when. */
export function extract(lines: readonly OcrLine[]): Extracted {
  const upi = upiScore(lines);
  const receipt = receiptScore(lines);
  // "Paid by UPI" on a shop's bill is one UPI sign; a payment screen has several.
  if (upi >= 2 && upi >= receipt) {
    const fields = readUpi(lines);
    return {
      kind: 'upi',
      expense: fields.details.status === 'success' && fields.amountMinor !== null,
      amountMinor: fields.amountMinor,
      currency: 'INR',
      merchant: fields.payee,
      date: findDate(lines, 'INR'),
      upi: fields.details,
      amountLine: null,
    };
  }
  if (receipt < 2) return nothing;
  const paid = findPaidAmount(lines);
  const currency = findCurrency(lines, paid?.line ?? null);
  return {
    kind: 'receipt',
    expense: paid !== null,
    amountMinor: paid?.minor ?? null,
    currency,
    merchant: findMerchant(lines),
    date: findDate(lines, currency),
    upi: null,
    amountLine: paid?.line ?? null,
  };
}
