import { z } from 'zod';

/*
 * The webhook body as Meta sends it. Objects are loose: Meta adds fields without
 * notice (BSUIDs arrived that way in 2026), and an unknown field must never make us
 * drop a user's message. Fields the product reads are required and typed.
 */

// Unix seconds, as a string in Meta's payloads; a number is tolerated.
const unixSeconds = z
  .union([z.string().regex(/^\d+$/, 'expected Unix seconds'), z.number().int().nonnegative()])
  .transform((value) => new Date(Number(value) * 1000));

export const graphErrorSchema = z.looseObject({
  code: z.number().int(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});

export const contactSchema = z.looseObject({
  profile: z
    .looseObject({ name: z.string().optional(), username: z.string().optional() })
    .optional(),
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
});

/** An inbound photo, voice note or file: its bytes are fetched later by id. */
const mediaSchema = z.looseObject({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  /** Meta sends it base64-encoded here and hex-encoded from GET /{media-id}. */
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  /** True for a voice note recorded in WhatsApp rather than an audio file. */
  voice: z.boolean().optional(),
});

export const inboundMessageSchema = z
  .looseObject({
    // `from` is omitted for username users without a shared phone number.
    from: z.string().optional(),
    from_user_id: z.string().optional(),
    id: z.string().min(1),
    timestamp: unixSeconds,
    type: z.string().min(1),
    text: z.looseObject({ body: z.string() }).optional(),
    interactive: z
      .looseObject({
        type: z.string(),
        button_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
        list_reply: z
          .looseObject({ id: z.string(), title: z.string(), description: z.string().optional() })
          .optional(),
      })
      .optional(),
    button: z.looseObject({ payload: z.string().optional(), text: z.string() }).optional(),
    image: mediaSchema.optional(),
    audio: mediaSchema.optional(),
    document: mediaSchema.optional(),
    context: z.looseObject({ id: z.string().optional() }).optional(),
  })
  .superRefine((message, ctx) => {
    const missing = (path: (string | number)[], what: string) =>
      ctx.addIssue({ code: 'custom', path, message: `${what} is required for this type` });
    if (message.type === 'text' && !message.text) missing(['text'], 'text');
    if (message.type === 'button' && !message.button) missing(['button'], 'button');
    for (const media of ['image', 'audio', 'document'] as const) {
      if (message.type === media && !message[media]) missing([media], media);
    }
    if (message.type === 'interactive') {
      const interactive = message.interactive;
      if (!interactive) missing(['interactive'], 'interactive');
      else if (interactive.type === 'button_reply' && !interactive.button_reply)
        missing(['interactive', 'button_reply'], 'button_reply');
      else if (interactive.type === 'list_reply' && !interactive.list_reply)
        missing(['interactive', 'list_reply'], 'list_reply');
    }
  });

export const statusSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: unixSeconds,
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  errors: z.array(graphErrorSchema).optional(),
});

export const messagesValueSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  metadata: z.looseObject({
    display_phone_number: z.string().optional(),
    phone_number_id: z.string().min(1),
  }),
  contacts: z.array(contactSchema).optional(),
  messages: z.array(inboundMessageSchema).optional(),
  statuses: z.array(statusSchema).optional(),
  errors: z.array(graphErrorSchema).optional(),
});

export const webhookBodySchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.looseObject({
      id: z.string().optional(),
      // `value` is only parsed for field "messages"; other fields (templates, account
      // updates) have other shapes and are not this package's concern.
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
    }),
  ),
});

export type InboundMessagePayload = z.output<typeof inboundMessageSchema>;
export type ContactPayload = z.output<typeof contactSchema>;
export type StatusPayload = z.output<typeof statusSchema>;
export type GraphErrorPayload = z.output<typeof graphErrorSchema>;
export type MessagesValuePayload = z.output<typeof messagesValueSchema>;
