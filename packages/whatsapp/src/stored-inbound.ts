import { z } from 'zod';
import type { WhatsAppUser } from './identity.ts';
import type { MessageContent } from './payload.ts';

/** What the webhook stores for each inbound message, for the bot to read back. */
export interface StoredInbound {
  sender: WhatsAppUser;
  content: MessageContent;
}

/** Who sent a stored message, as Meta named them. */
export const whatsAppUserSchema: z.ZodType<WhatsAppUser> = z.object({
  bsuid: z.string().optional(),
  phoneNumber: z.string().optional(),
  name: z.string().optional(),
  username: z.string().optional(),
});

const content: z.ZodType<MessageContent> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), body: z.string() }),
  z.object({ kind: z.literal('button_reply'), id: z.string(), title: z.string() }),
  z.object({
    kind: z.literal('list_reply'),
    id: z.string(),
    title: z.string(),
    description: z.string().optional(),
  }),
  z.object({ kind: z.literal('button'), payload: z.string(), text: z.string() }),
  z.object({
    kind: z.literal('media'),
    media: z.enum(['image', 'audio']),
    id: z.string(),
    mimeType: z.string(),
    sha256: z.string().optional(),
    caption: z.string().optional(),
  }),
  z.object({ kind: z.literal('unsupported'), type: z.string() }),
]);

/** Checks a stored inbound message's payload (a JSON column) before the bot acts on it. */
export const storedInboundSchema: z.ZodType<StoredInbound> = z.object({
  sender: whatsAppUserSchema,
  content,
});
