import { describe, expect, it } from 'vitest';
import { extract } from './index.ts';
import { linesOfText, type OcrLine } from './lines.ts';

const read = (text: string) => extract(linesOfText(text));

const dmart = `TAX INVOICE
DMart
Powai, Mumbai 400076
GSTIN: 27AAB3902C1Z6
Date: 03/12/2026 14:32
Bill No: 45810
Toor Dal 1kg x2 318.00
Amul Butter 500g x1 285.00
Sub Total 603.00
CGST @2.5% 15.08
SGST @2.5% 15.08
Round Off -0.16
GRAND TOTAL 633.00
Cash 1000.00
Change 367.00
Thank you! Visit again`;

describe('receipts', () => {
  it('takes the grand total, not the cash tendered, change, subtotal or taxes', () => {
    const reading = read(dmart);
    expect(reading).toMatchObject({
      kind: 'receipt',
      expense: true,
      amountMinor: 63_300,
      merchant: 'DMart',
      date: '2026-12-03',
      currency: 'INR',
      amountLine: 'GRAND TOTAL 633.00',
    });
  });

  it('reads the paid amount under each label bills use', () => {
    for (const label of ['Total Payable', 'Net Amount', 'Amount Rs.', 'TOTAL', 'Bill Amount']) {
      const text = dmart.replace('GRAND TOTAL', label);
      expect(read(text).amountMinor, label).toBe(63_300);
    }
  });

  it('never takes an item line when no total is printed', () => {
    const text = dmart.replace(/Sub Total[\s\S]*$/, 'Thank you');
    expect(read(text)).toMatchObject({ kind: 'receipt', amountMinor: null, expense: false });
  });

  it('adds the taxes to the subtotal when the total line is unreadable', () => {
    const text = dmart.replace('GRAND TOTAL 633.00', 'GR@#D T0T^L');
    expect(read(text).amountMinor).toBe(63_300);
  });

  it('drops a rupee sign read as a digit when the sums show it', () => {
    const text = dmart.replace('GRAND TOTAL 633.00', 'GRAND TOTAL 3633.00');
    expect(read(text).amountMinor).toBe(63_300);
  });

  it('trusts the sums over a total with a digit misread or doubled only when the items add up', () => {
    const misread = dmart.replace('GRAND TOTAL 633.00', 'GRAND TOTAL 683.00');
    expect(read(misread).amountMinor).toBe(63_300);
    const doubled = dmart.replace('GRAND TOTAL 633.00', 'GRAND TOTAL 6333.00');
    expect(read(doubled).amountMinor).toBe(63_300);
    const unconfirmed = misread.replace('Toor Dal 1kg x2 318.00', 'Toor Dal 1kg x2 3l8.0');
    expect(read(unconfirmed).amountMinor).toBe(68_300);
  });

  it('keeps a large total that the sums confirm', () => {
    const text = dmart
      .replace('Sub Total 603.00', 'Sub Total 3,603.00')
      .replace('GRAND TOTAL 633.00', 'GRAND TOTAL 3,633.00');
    expect(read(text).amountMinor).toBe(363_300);
  });

  it('treats a dollar sign on a GST bill as a misread rupee', () => {
    const text = dmart.replace('GRAND TOTAL 633.00', 'GRAND TOTAL $633.00');
    expect(read(text).currency).toBe('INR');
  });

  it('reads dollars, euros with a decimal comma, and month-first dates in the US', () => {
    const us = read(`Corner Deli
Broadway, New York
Dec 03, 2026 12:10
Sandwich x1 8.50
Subtotal 8.50
Sales Tax 8.875% 0.75
Amount Due $9.25`);
    expect(us).toMatchObject({
      amountMinor: 925,
      currency: 'USD',
      date: '2026-12-03',
      merchant: 'Corner Deli',
    });

    const eu = read(`Carrefour City
Rue de Rivoli, Paris
Date 03.12.2026
Pain x2 4,50
SUBTOTAL 4,50
VAT 10% 0,45
Cash 10,00
TOTAL €4,95`);
    expect(eu).toMatchObject({ amountMinor: 495, currency: 'EUR', date: '2026-12-03' });
  });

  it('prefers the shop name printed largest over a smaller first line', () => {
    const lines: OcrLine[] = linesOfText(dmart).map((line) =>
      line.text === 'DMart' ? { ...line, height: 3 } : line,
    );
    lines.splice(1, 0, { text: 'Welcome', height: 1, words: [] });
    expect(extract(lines).merchant).toBe('DMart');
  });
});

const gpay = (status: string) => `${status}
₹669
3 Dec 2026, 1:05 pm
To Swiggy
swiggy@icici
From: HDFC Bank XX1234
UPI transaction ID
334455667788
Google transaction ID
CICAgO123456Ew`;

describe('UPI screens', () => {
  it('reads a Google Pay success screen', () => {
    expect(read(gpay('Payment successful'))).toMatchObject({
      kind: 'upi',
      expense: true,
      amountMinor: 66_900,
      merchant: 'Swiggy',
      currency: 'INR',
      date: '2026-12-03',
      upi: { status: 'success', app: 'Google Pay', reference: '334455667788' },
    });
  });

  it('never makes an expense of a failed or pending payment', () => {
    expect(read(gpay('Payment failed'))).toMatchObject({
      expense: false,
      upi: { status: 'failed' },
    });
    expect(read(gpay('Payment pending'))).toMatchObject({
      expense: false,
      upi: { status: 'pending' },
    });
    const declined = `Transaction Declined
Paid to: Swiggy
Amount: ₹ 500.00
UPI Ref ID: 334455667788
Money has not been debited from your account`;
    expect(read(declined)).toMatchObject({
      kind: 'upi',
      expense: false,
      upi: { status: 'failed', app: 'BHIM' },
    });
  });

  it('counts a screen with no readable status as not paid', () => {
    const text = gpay('Pa¥m3nt s#cc').replace('To Swiggy', 'Paid to Swiggy');
    expect(read(text.replace(/^.*\n/, ''))).toMatchObject({
      kind: 'upi',
      expense: false,
      amountMinor: 66_900,
      upi: { status: 'pending' },
    });
  });

  it('reads PhonePe and Paytm screens with the payee on the next line', () => {
    expect(
      read(`Transaction Successful
₹1,250
Paid to
Big Basket
bigbasket@ybl
Transaction ID
T2026120312345678901234
UTR: 334455667788`),
    ).toMatchObject({
      amountMinor: 125_000,
      merchant: 'Big Basket',
      upi: { app: 'PhonePe', reference: '334455667788' },
    });
    expect(
      read(`Paid Successfully
%8,194.71
Paid to
Swiggy
UPI ID: swiggy@paytm
UPI Ref No: 472622153355`),
    ).toMatchObject({
      amountMinor: 819_471,
      merchant: 'Swiggy',
      upi: { status: 'success', app: 'Paytm' },
    });
  });

  it('takes the amount from the largest text on the screen', () => {
    const lines = linesOfText(gpay('Payment successful').replace('₹669', '669\n42'));
    lines[1] = { ...lines[1]!, height: 1 };
    lines[2] = { ...lines[2]!, height: 4 };
    expect(extract(lines).amountMinor).toBe(4200);
  });

  it('drops a rupee sign read as a digit when it is read with less confidence', () => {
    const lines = linesOfText(gpay('Payment successful').replace('₹669', '3669'));
    lines[1] = {
      text: '3669',
      height: 3,
      words: [
        {
          text: '3669',
          confidence: 70,
          symbols: [
            { text: '3', confidence: 41 },
            { text: '6', confidence: 93 },
            { text: '6', confidence: 92 },
            { text: '9', confidence: 95 },
          ],
        },
      ],
    };
    expect(extract(lines).amountMinor).toBe(66_900);
  });
});

describe('other images', () => {
  it('reads a meme or a note as nothing to record', () => {
    expect(read('ME AFTER SPENDING\n500 ON COFFEE')).toMatchObject({
      kind: 'unknown',
      expense: false,
      amountMinor: null,
    });
    expect(read('')).toMatchObject({ kind: 'unknown', expense: false });
  });

  it('does not take a bill paid by UPI for a payment screen', () => {
    expect(read(dmart.replace('Cash 1000.00\nChange 367.00', 'Paid by UPI')).kind).toBe('receipt');
  });
});
