import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from './corpus/corpus.ts';
import {
  percent,
  rightDate,
  rightMerchant,
  rightReference,
  rightTotal,
  share,
  withAmount,
  type Scored,
} from './corpus/score.ts';
import { createReceiptReader } from './reader.ts';

// One reader for the whole file: starting OCR workers costs about a second each.
const reader = createReceiptReader({ workers: 2 });
let scored: Scored[] = [];

beforeAll(async () => {
  const corpus = await buildCorpus();
  scored = await Promise.all(
    corpus.map(async (image) => ({ image, reading: await reader.read(image.bytes) })),
  );
});

afterAll(() => reader.close());

describe('the generated corpus', () => {
  it('has at least 40 images of receipts, payment screens and other pictures', () => {
    expect(scored.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(scored.map(({ image }) => image.expected.kind));
    expect(kinds).toEqual(new Set(['receipt', 'upi', 'unknown']));
  });

  it('reads the right total from at least 90% of receipts and payment screens', () => {
    const priced = withAmount(scored);
    const totals = share(priced, rightTotal);
    const merchants = share(priced, rightMerchant);
    const wrong = priced
      .filter((s) => !rightTotal(s))
      .map(
        ({ image, reading }) =>
          `${image.name}: read ${reading.amountMinor}, printed ${image.expected.amountMinor}`,
      );
    const payments = priced.filter(({ image }) => image.expected.reference !== undefined);
    console.log(
      `receipts and UPI screens: ${priced.length}; right total ${percent(totals)}, right merchant ${percent(merchants)}, ` +
        `right date ${percent(share(priced, rightDate))}, right UTR ${percent(share(payments, rightReference))} of ${payments.length} UPI screens` +
        (wrong.length > 0 ? `\n  ${wrong.join('\n  ')}` : ''),
    );
    expect(totals).toBeGreaterThanOrEqual(0.9);
    // Names suffer most from OCR noise; this guards against a regression, it is not a goal.
    expect(merchants).toBeGreaterThanOrEqual(0.75);
  });

  it('never makes an expense of a failed or pending UPI payment', () => {
    const unpaid = scored.filter(
      ({ image }) => image.expected.status && image.expected.status !== 'success',
    );
    expect(unpaid.length).toBeGreaterThanOrEqual(4);
    for (const { image, reading } of unpaid) {
      expect(reading.expense, image.name).toBe(false);
      expect(reading.upi?.status, image.name).toBe(image.expected.status);
    }
  });

  it('tells payment screens from receipts', () => {
    for (const { image, reading } of scored.filter(
      ({ image }) => image.expected.kind !== 'unknown',
    )) {
      expect(reading.kind, image.name).toBe(image.expected.kind);
    }
  });

  it('makes no expense of a photo or a meme', () => {
    const others = scored.filter(({ image }) => image.expected.kind === 'unknown');
    expect(others.length).toBeGreaterThanOrEqual(4);
    for (const { image, reading } of others) expect(reading.expense, image.name).toBe(false);
  });
});

describe('createReceiptReader', () => {
  it('refuses to read once closed', async () => {
    const closed = createReceiptReader({ workers: 1 });
    await closed.close();
    await expect(closed.read(scored[0]?.image.bytes ?? Buffer.alloc(0))).rejects.toThrow('closed');
  });

  it('refuses a pool without workers', () => {
    expect(() => createReceiptReader({ workers: 0 })).toThrow(RangeError);
  });
});
