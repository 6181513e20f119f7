export type ReadingKind = 'receipt' | 'upi' | 'unknown';
export type UpiStatus = 'success' | 'failed' | 'pending';
export type UpiApp = 'Google Pay' | 'PhonePe' | 'Paytm' | 'BHIM';

export interface UpiDetails {
  status: UpiStatus;
  app: UpiApp | null;
  /** The UPI transaction id / UTR (12 digits) or the app's own transaction id. */
  reference: string | null;
}

export interface ReceiptReading {
  kind: ReadingKind;
  /**
   * Whether the image may become an expense once the person confirms it: a receipt
   * or a successful UPI payment with an amount. Failed and pending payments never are.
   */
  expense: boolean;
  /** The amount paid in minor units (paise, cents), or null when none was found. */
  amountMinor: number | null;
  /** ISO 4217 code when the image shows one (₹, Rs, INR, $, €, £...), else null. */
  currency: string | null;
  /** The shop on a receipt, the payee on a UPI screen. */
  merchant: string | null;
  /** The bill or payment date as printed, YYYY-MM-DD. */
  date: string | null;
  upi: UpiDetails | null;
  /** The line the amount was read from, to show what was understood. */
  amountLine: string | null;
  /** Everything the OCR read, for a caption-less fallback and for support. */
  text: string;
  /** Tesseract's mean word confidence, 0-100. */
  confidence: number;
}
