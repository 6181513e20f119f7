import { describe, expect, it } from 'vitest';
import { payeeWord } from './fields.ts';
import { looksLikeAlert, readAlert } from './read.ts';

describe('readAlert', () => {
  it('reads the issue’s UPI debit with its payee handle, account, date and reference', () => {
    expect(
      readAlert(
        'Rs.500.00 debited from a/c **1234 on 03-12-26 to VPA swiggy@icici (UPI Ref No 334455667788)',
      ),
    ).toEqual({
      kind: 'debit',
      amount: { amountMinor: 50_000n, currency: 'INR' },
      date: '2026-12-03',
      payee: { name: 'swiggy@icici', handle: 'swiggy@icici' },
      account: '1234',
      reference: '334455667788',
      channel: 'upi',
    });
  });

  it('reads a card spend with the merchant after "at"', () => {
    expect(
      readAlert('INR 1,499.00 spent on ICICI Bank Card XX1234 on 03-Dec-26 at AMAZON'),
    ).toMatchObject({
      kind: 'debit',
      amount: { amountMinor: 149_900n },
      date: '2026-12-03',
      payee: { name: 'AMAZON', handle: null },
      channel: 'card',
    });
  });

  it.each([
    ['on 03/12/2026', '2026-12-03'],
    ['on 3-DEC-2026', '2026-12-03'],
    ['on 03Dec26', '2026-12-03'],
    ['on Dec 3, 2026', '2026-12-03'],
    ['on 2026-12-03:10:11:12', '2026-12-03'],
    ['on 31-02-26', null],
  ])('reads the date in "%s"', (date, iso) => {
    const read = readAlert(`Rs 120.00 debited from A/c XX1234 ${date}. Avl Bal Rs 5,000.00`);
    expect(read).toMatchObject({ kind: 'debit', date: iso });
  });

  it('takes the payment, not the balance or the limit named before it', () => {
    const read = readAlert(
      'Avl Bal Rs 9,000.00 after Rs 250.00 debited from A/c XX1234 on 03-12-26',
    );
    expect(read).toMatchObject({ amount: { amountMinor: 25_000n } });
  });

  it('says so when the alert names no amount', () => {
    expect(
      readAlert('Your A/c XX1234 has been debited on 03-12-26. UPI Ref 634512300001'),
    ).toMatchObject({ kind: 'debit', amount: null });
  });

  it('leaves what people type to the parser', () => {
    for (const text of [
      '500 swiggy',
      'spent 1499 on amazon card',
      'salary credited 50000',
      'paid 250 to ravi via upi',
      'otp',
    ]) {
      expect(looksLikeAlert(text), text).toBe(false);
    }
  });

  it('still reads a debit alert that warns never to share an OTP', () => {
    expect(
      readAlert(
        'A/c *1234 Debited for Rs:320.00 on 05-12-2026 by Mob Bk ref no 634512399000. Never Share OTP/PIN/CVV-Union Bank of India',
      ),
    ).toMatchObject({ kind: 'debit', reference: '634512399000' });
  });
});

describe('hostile text', () => {
  it.each([
    'debited to ' + 'A '.repeat(494),
    'Info: ' + 'a-'.repeat(497),
    'at ' + 'x'.repeat(997),
    'x@y'.repeat(333),
    'a/c XX1234 debited '.repeat(52),
    '03-12-'.repeat(166),
  ])('is read in bounded time: %s', (text) => {
    const start = performance.now();
    readAlert(text);
    expect(performance.now() - start).toBeLessThan(50);
  });

  it('is no alert beyond the length of the longest SMS', () => {
    expect(readAlert(`Rs 500 debited from A/c XX1234. ${'x'.repeat(1_000)}`)).toBeNull();
  });
});

describe('payeeWord', () => {
  it.each([
    [{ name: 'swiggy@icici', handle: 'swiggy@icici' }, 'swiggy'],
    [{ name: 'irctc.payu@hdfcbank', handle: 'irctc.payu@hdfcbank' }, 'irctc'],
    [{ name: 'SWIGGY INSTAMART', handle: null }, 'swiggy'],
    [{ name: '9876543210@ybl', handle: '9876543210@ybl' }, '9876543210'],
  ])('names %o by "%s"', (payee, word) => {
    expect(payeeWord(payee)).toBe(word);
  });
});
