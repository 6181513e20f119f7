import { UnreadableMediaError, type MediaReading } from '@spendline/media';
import { describe, expect, it } from 'vitest';
import { receiptScanner } from './receipt-scan.ts';

const scanOf = (reading: MediaReading | Error) =>
  receiptScanner({
    image: () => (reading instanceof Error ? Promise.reject(reading) : Promise.resolve(reading)),
  })(Buffer.from('photo'));

const receipt = {
  kind: 'receipt',
  amountMinor: '66932',
  currency: 'INR',
  merchant: 'DMart',
  date: '2026-12-03',
  reference: null,
  payment: false,
} as const;

describe('receiptScanner', () => {
  it('passes on a receipt’s amount (as minor units), currency, merchant and date', async () => {
    expect(await scanOf(receipt)).toEqual({
      kind: 'RECEIPT',
      amountMinor: 66932n,
      currency: 'INR',
      merchant: 'DMart',
      date: '2026-12-03',
    });
    expect((await scanOf({ ...receipt, payment: true })).kind).toBe('PAYMENT');
    expect((await scanOf({ ...receipt, amountMinor: null })).amountMinor).toBeNull();
  });

  it('never offers an amount for a payment that did not go through, or for no receipt', async () => {
    expect(
      await scanOf({ kind: 'payment-not-done', status: 'pending', merchant: 'Chaayos' }),
    ).toEqual({
      kind: 'PAYMENT_NOT_DONE',
      amountMinor: null,
      currency: null,
      merchant: 'Chaayos',
      date: null,
    });
    expect((await scanOf({ kind: 'not-a-receipt' })).kind).toBe('NOT_A_RECEIPT');
  });

  it('calls a file it could not decode unreadable, and lets other failures through', async () => {
    expect((await scanOf(new UnreadableMediaError('not an image'))).kind).toBe('UNREADABLE');
    await expect(scanOf(new Error('the OCR pool is closed'))).rejects.toThrow('pool is closed');
  });
});
