import { z } from 'zod';
import type { OutboundMessage } from './messages.ts';

/*
 * The shape of a queued message body, as the builders in messages.ts make it, for
 * checking what the outbox reads back from its JSON column before sending it.
 */

const addressee = z.union([
  z.object({ to: z.string(), recipient: z.undefined().optional() }),
  z.object({ recipient: z.string(), to: z.undefined().optional() }),
]);

const envelope = z.object({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual'),
});

const textPart = z.object({ text: z.string() });

const frame = z.object({
  header: z.object({ type: z.literal('text'), text: z.string() }).optional(),
  body: textPart,
  footer: textPart.optional(),
});

const reply = z.object({ id: z.string(), title: z.string() });

const buttons = frame.extend({
  type: z.literal('button'),
  action: z.object({ buttons: z.array(z.object({ type: z.literal('reply'), reply })) }),
});

const list = frame.extend({
  type: z.literal('list'),
  action: z.object({
    button: z.string(),
    sections: z.array(
      z.object({
        title: z.string().optional(),
        rows: z.array(
          z.object({ id: z.string(), title: z.string(), description: z.string().optional() }),
        ),
      }),
    ),
  }),
});

const parameter = z.union([
  z.object({ type: z.literal('text'), text: z.string(), parameter_name: z.string().optional() }),
  z.object({ type: z.literal('payload'), payload: z.string() }),
]);

const component = z.union([
  z.object({ type: z.enum(['header', 'body']), parameters: z.array(parameter) }),
  z.object({
    type: z.literal('button'),
    sub_type: z.enum(['url', 'quick_reply', 'copy_code']),
    index: z.string(),
    parameters: z.array(parameter),
  }),
]);

const body = z.union([
  z.object({
    type: z.literal('text'),
    text: z.object({ body: z.string(), preview_url: z.boolean() }),
  }),
  z.object({ type: z.literal('interactive'), interactive: buttons }),
  z.object({ type: z.literal('interactive'), interactive: list }),
  z.object({
    type: z.literal('template'),
    template: z.object({
      name: z.string(),
      language: z.object({ code: z.string() }),
      components: z.array(component).optional(),
    }),
  }),
  z.object({
    type: z.literal('document'),
    document: z.union([
      z.object({
        id: z.string(),
        link: z.undefined().optional(),
        filename: z.string(),
        caption: z.string().optional(),
      }),
      z.object({
        link: z.string(),
        id: z.undefined().optional(),
        filename: z.string(),
        caption: z.string().optional(),
      }),
    ]),
  }),
]);

export const outboundMessageSchema: z.ZodType<OutboundMessage> = z.intersection(
  envelope,
  z.intersection(addressee, body),
);
