import { describe, expect, it } from 'vitest';
import { english } from '#lib/i18n/english.ts';
import { scannedReceipt } from './receipt-scan.ts';

const viewer = { currency: 'INR', timeZone: 'Asia/Kolkata' };
const attachment = { id: 'a1', url: '/attachments/a1' };
const read = {
  kind: 'RECEIPT' as const,
  merchant: 'DMart',
  date: '2026-12-03',
  category: null,
  amount: { amount: '669.32', currency: 'INR', formatted: '₹669.32' },
  attachment,
};

describe('scannedReceipt', () => {
  it('fills amount, date and note from a receipt, and keeps the photo to attach', () => {
    expect(scannedReceipt(read, viewer, english.t)).toEqual({
      values: { kind: 'EXPENSE', amount: '669.32', date: '2026-12-03', note: 'DMart' },
      attachmentId: 'a1',
      url: '/attachments/a1',
      message: 'Read ₹669.32 from DMart. Check the details, then save.',
    });
  });

  it('picks the category the shop was taught as', () => {
    expect(
      scannedReceipt({ ...read, category: { id: 'c1' } }, viewer, english.t).values.category,
    ).toBe('c1');
  });

  it('leaves out a date in the future (a misread year), so the form keeps today', () => {
    expect(
      scannedReceipt({ ...read, date: '2999-01-01' }, viewer, english.t).values,
    ).not.toHaveProperty('date');
  });

  it('asks for the amount when none was read, or it is in another currency', () => {
    const none = scannedReceipt(
      { ...read, kind: 'NOT_A_RECEIPT', amount: null },
      viewer,
      english.t,
    );
    expect(none.values.amount).toBe('');
    expect(none.message).toBe('No total could be read from this photo. Type the amount below.');
    const dollars = scannedReceipt(
      { ...read, amount: { amount: '12.00', currency: 'USD', formatted: '$12.00' } },
      viewer,
      english.t,
    );
    expect(dollars.values.amount).toBe('');
    expect(dollars.message).toMatch(/^The receipt says \$12\.00, in another currency/);
  });

  it('never pre-fills the amount of a payment that did not go through', () => {
    const pending = scannedReceipt({ ...read, kind: 'PAYMENT_NOT_DONE' }, viewer, english.t);
    expect(pending.values.amount).toBe('');
    expect(pending.message).toMatch(/did not go through/);
  });
});
