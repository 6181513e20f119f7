import type { ReceiptReading } from '../reading.ts';
import type { CorpusImage } from './corpus.ts';

export interface Scored {
  image: CorpusImage;
  reading: ReceiptReading;
}

// Names are compared as letters and digits only: "Haldiram Foods" = "HALDIRAM FOODS".
const plain = (name: string | null | undefined) =>
  (name ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');

export const withAmount = (scored: readonly Scored[]) =>
  scored.filter(({ image }) => image.expected.amountMinor !== undefined);

export const rightTotal = ({ image, reading }: Scored) =>
  reading.amountMinor === image.expected.amountMinor;

export const rightMerchant = ({ image, reading }: Scored) =>
  plain(reading.merchant) === plain(image.expected.merchant);

export const rightDate = ({ image, reading }: Scored) => reading.date === image.expected.date;

export const rightReference = ({ image, reading }: Scored) =>
  reading.upi?.reference === image.expected.reference;

export function share(scored: readonly Scored[], right: (s: Scored) => boolean): number {
  return scored.length === 0 ? 0 : scored.filter(right).length / scored.length;
}

export const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
