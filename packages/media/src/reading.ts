// What reading a photo or a voice note found, handed back to the chat as a message of
// its own (content kind 'reading') so the conversation takes it in its turn.
import { whatsAppUserSchema } from '@spendline/whatsapp';
import { z } from 'zod';

export type ReadingFailure =
  /** Over Meta's limits (images 5 MB, audio 16 MB). */
  | 'too-large'
  /** Meta no longer has the file (media ids expire after 7 days). */
  | 'gone'
  /** The file could not be decoded (not an image, a broken voice note). */
  | 'unreadable'
  /** No transcription is set up on this server. */
  | 'voice-off'
  /** Meta or the transcription service kept failing. */
  | 'unavailable';

export type MediaReading =
  /** A receipt or a successful payment screen: what may become an expense. */
  | {
      kind: 'receipt';
      /** Minor units, as a string (JSON has no bigint). */
      amountMinor: string | null;
      currency: string | null;
      merchant: string | null;
      /** The bill or payment date, YYYY-MM-DD. */
      date: string | null;
      /** The payment's UPI reference / UTR, when the image shows one. */
      reference: string | null;
      payment: boolean;
    }
  /** A payment screen that says it failed or is still pending: never an expense. */
  | { kind: 'payment-not-done'; status: 'failed' | 'pending'; merchant: string | null }
  | { kind: 'not-a-receipt' }
  | { kind: 'transcript'; text: string }
  | { kind: 'failed'; reason: ReadingFailure };

export interface ReadingContent {
  kind: 'reading';
  media: 'image' | 'audio';
  /** The file kept as the entry's evidence; null when it could not be fetched. */
  attachmentId: string | null;
  /** A saved entry already showing these exact bytes (the same photo sent again). */
  duplicateOf: string | null;
  /** What the user wrote under the photo: its amount and category win. */
  caption?: string;
  reading: MediaReading;
}

const minor = z.string().regex(/^\d{1,16}$/);

export const mediaReadingSchema: z.ZodType<MediaReading> = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('receipt'),
    amountMinor: minor.nullable(),
    currency: z.string().length(3).nullable(),
    merchant: z.string().max(200).nullable(),
    date: z.iso.date().nullable(),
    reference: z.string().max(64).nullable(),
    payment: z.boolean(),
  }),
  z.object({
    kind: z.literal('payment-not-done'),
    status: z.enum(['failed', 'pending']),
    merchant: z.string().max(200).nullable(),
  }),
  z.object({ kind: z.literal('not-a-receipt') }),
  z.object({ kind: z.literal('transcript'), text: z.string().max(4096) }),
  z.object({
    kind: z.literal('failed'),
    reason: z.enum(['too-large', 'gone', 'unreadable', 'voice-off', 'unavailable']),
  }),
]);

export const readingContentSchema: z.ZodType<ReadingContent> = z.object({
  kind: z.literal('reading'),
  media: z.enum(['image', 'audio']),
  attachmentId: z.uuid().nullable(),
  duplicateOf: z.uuid().nullable(),
  caption: z.string().max(4096).optional(),
  reading: mediaReadingSchema,
});

/** A reading message as stored for the chat: who sent the file, and what it said. */
export const readingMessageSchema = z.object({
  sender: whatsAppUserSchema,
  content: readingContentSchema,
});
