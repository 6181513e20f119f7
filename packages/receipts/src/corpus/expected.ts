import type { ReadingKind, UpiStatus } from '../reading.ts';

// What the generator put on an image, to compare a reading against.
export interface Expected {
  kind: ReadingKind;
  amountMinor?: number;
  currency?: string;
  merchant?: string;
  date?: string;
  status?: UpiStatus;
  reference?: string;
}
