import type { z } from 'zod';
import { isBsuid, isPhoneNumber, toE164, waKeyOf, type WhatsAppUser } from './identity.ts';
import {
  messagesValueSchema,
  webhookBodySchema,
  type ContactPayload,
  type GraphErrorPayload,
  type InboundMessagePayload,
  type StatusPayload,
} from './webhook-schema.ts';

/** What the user sent, reduced to what Spendline acts on. */
export type MessageContent =
  | { kind: 'text'; body: string }
  | { kind: 'button_reply'; id: string; title: string }
  | { kind: 'list_reply'; id: string; title: string; description?: string }
  /** A quick-reply button of a template message. */
  | { kind: 'button'; payload: string; text: string }
  | MediaContent
  /** image, audio, video, document, sticker, location, contacts, reaction, system, unknown... */
  | { kind: 'unsupported'; type: string };

/** A photo (or an image sent as a file) or an audio message, to be fetched by id. */
export interface MediaContent {
  kind: 'media';
  media: 'image' | 'audio';
  /** Meta's media id: GET /{id} gives a download URL; it expires after 7 days. */
  id: string;
  mimeType: string;
  /** As Meta sent it (base64 in webhooks); checked against the downloaded bytes. */
  sha256?: string;
  caption?: string;
}

export interface InboundMessageEvent {
  kind: 'message';
  /** The inbound wamid: de-duplicate on it, as Meta delivers at least once. */
  waMessageId: string;
  phoneNumberId: string;
  sender: WhatsAppUser;
  /** The BSUID when present, else the E.164 phone number. */
  waKey: string;
  sentAt: Date;
  /** Meta's message type as sent (`text`, `interactive`, `image`, ...). */
  type: string;
  content: MessageContent;
  /** The wamid of the message this one replies to (buttons and lists carry it). */
  replyTo?: string;
}

export interface StatusError {
  code: number;
  title: string;
  message?: string;
  details?: string;
}

/** Statuses Meta reports; others may appear and are passed through as strings. */
export type ReportedStatus = 'sent' | 'delivered' | 'read' | 'failed' | 'deleted' | 'warning';

export interface StatusEvent {
  kind: 'status';
  /** The outbound wamid the Graph API returned when the message was sent. */
  providerMessageId: string;
  phoneNumberId: string;
  // The `string & {}` keeps editor completion for known values while accepting new ones.
  status: ReportedStatus | (string & {});
  at: Date;
  recipient: Pick<WhatsAppUser, 'bsuid' | 'phoneNumber'>;
  errors: StatusError[];
}

/** An error Meta reports about the phone number or app rather than one message. */
export interface ErrorEvent extends StatusError {
  kind: 'error';
  phoneNumberId: string;
}

export type WebhookEvent = InboundMessageEvent | StatusEvent | ErrorEvent;

export type ParseWebhookResult =
  { ok: true; events: WebhookEvent[] } | { ok: false; reason: string };

/**
 * Validates a webhook body and flattens it into events, in payload order (Meta does not
 * guarantee order across deliveries: sort per user by `sentAt`/`at`). Never throws.
 * A body with a malformed field the product relies on is rejected whole, with the path
 * in `reason`, rather than half-processed.
 */
export function parseWebhook(json: unknown): ParseWebhookResult {
  try {
    return { ok: true, events: eventsOf(json) };
  } catch (error) {
    if (error instanceof PayloadError) return { ok: false, reason: error.message };
    return { ok: false, reason: `unexpected error: ${String(error)}` };
  }
}

class PayloadError extends Error {}

function describeIssues(error: z.ZodError, prefix: string): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path
        .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
        .join('');
      return `${`${prefix}${path}`.replace(/^\./, '') || '(body)'}: ${issue.message}`;
    })
    .join('; ');
}

function eventsOf(json: unknown): WebhookEvent[] {
  const body = webhookBodySchema.safeParse(json);
  if (!body.success) throw new PayloadError(describeIssues(body.error, ''));
  const events: WebhookEvent[] = [];
  body.data.entry.forEach((entry, e) => {
    entry.changes.forEach((change, c) => {
      if (change.field !== 'messages') return;
      const prefix = `entry[${e}].changes[${c}].value`;
      const value = messagesValueSchema.safeParse(change.value);
      if (!value.success) throw new PayloadError(describeIssues(value.error, prefix));
      const { metadata, contacts = [], messages = [], statuses = [], errors = [] } = value.data;
      const phoneNumberId = metadata.phone_number_id;
      messages.forEach((message, m) => {
        events.push(messageEvent(message, contacts, phoneNumberId, `${prefix}.messages[${m}]`));
      });
      for (const status of statuses) events.push(statusEvent(status, phoneNumberId));
      for (const error of errors) events.push({ kind: 'error', phoneNumberId, ...toError(error) });
    });
  });
  return events;
}

function contactFor(
  message: InboundMessagePayload,
  contacts: ContactPayload[],
): ContactPayload | undefined {
  const exact = contacts.find(
    (contact) =>
      (message.from_user_id !== undefined && contact.user_id === message.from_user_id) ||
      (message.from !== undefined && contact.wa_id === message.from),
  );
  if (exact || contacts.length !== 1) return exact;
  // Meta sends one contact per message; accept it unless an id contradicts the message.
  const only = contacts[0];
  const conflicts =
    (only?.user_id !== undefined &&
      message.from_user_id !== undefined &&
      only.user_id !== message.from_user_id) ||
    (only?.wa_id !== undefined && message.from !== undefined && only.wa_id !== message.from);
  return conflicts ? undefined : only;
}

function senderOf(
  message: InboundMessagePayload,
  contact: ContactPayload | undefined,
): WhatsAppUser {
  // Never assume `from` is a phone number: classify it by shape.
  const from = message.from;
  const bsuid =
    message.from_user_id ?? (from && isBsuid(from) ? from : undefined) ?? contact?.user_id;
  const phoneDigits =
    from && isPhoneNumber(from)
      ? from
      : contact?.wa_id && isPhoneNumber(contact.wa_id)
        ? contact.wa_id
        : undefined;
  const sender: WhatsAppUser = {};
  if (bsuid) sender.bsuid = bsuid;
  if (phoneDigits) sender.phoneNumber = toE164(phoneDigits);
  if (contact?.profile?.name) sender.name = contact.profile.name;
  if (contact?.profile?.username) sender.username = contact.profile.username;
  return sender;
}

function contentOf(message: InboundMessagePayload): MessageContent {
  const { text, interactive, button } = message;
  if (message.type === 'text' && text) return { kind: 'text', body: text.body };
  if (message.type === 'button' && button) {
    return { kind: 'button', payload: button.payload ?? button.text, text: button.text };
  }
  if (message.type === 'interactive' && interactive) {
    const { button_reply: buttonReply, list_reply: listReply } = interactive;
    if (interactive.type === 'button_reply' && buttonReply) {
      return { kind: 'button_reply', id: buttonReply.id, title: buttonReply.title };
    }
    if (interactive.type === 'list_reply' && listReply) {
      const reply: MessageContent = {
        kind: 'list_reply',
        id: listReply.id,
        title: listReply.title,
      };
      if (listReply.description !== undefined) reply.description = listReply.description;
      return reply;
    }
  }
  return mediaOf(message) ?? { kind: 'unsupported', type: message.type };
}

function mediaOf(message: InboundMessagePayload): MediaContent | undefined {
  const { image, audio, document } = message;
  // A photo sent "as a file" keeps its quality; it is still a photo.
  const isImageFile = document?.mime_type?.startsWith('image/') === true;
  const [media, payload] =
    message.type === 'image' && image
      ? (['image', image] as const)
      : message.type === 'audio' && audio
        ? (['audio', audio] as const)
        : message.type === 'document' && document && isImageFile
          ? (['image', document] as const)
          : [undefined, undefined];
  if (!media) return undefined;
  const content: MediaContent = {
    kind: 'media',
    media,
    id: payload.id,
    mimeType: payload.mime_type ?? (media === 'image' ? 'image/jpeg' : 'audio/ogg'),
  };
  if (payload.sha256) content.sha256 = payload.sha256;
  const caption = payload.caption?.trim();
  if (caption) content.caption = caption;
  return content;
}

function messageEvent(
  message: InboundMessagePayload,
  contacts: ContactPayload[],
  phoneNumberId: string,
  path: string,
): InboundMessageEvent {
  const sender = senderOf(message, contactFor(message, contacts));
  const waKey = waKeyOf(sender);
  if (!waKey) throw new PayloadError(`${path}: no sender identity (from, from_user_id or contact)`);
  const event: InboundMessageEvent = {
    kind: 'message',
    waMessageId: message.id,
    phoneNumberId,
    sender,
    waKey,
    sentAt: message.timestamp,
    type: message.type,
    content: contentOf(message),
  };
  if (message.context?.id) event.replyTo = message.context.id;
  return event;
}

function toError(error: GraphErrorPayload): StatusError {
  const result: StatusError = {
    code: error.code,
    title: error.title ?? error.message ?? `error ${error.code}`,
  };
  if (error.message !== undefined) result.message = error.message;
  if (error.error_data?.details !== undefined) result.details = error.error_data.details;
  return result;
}

function statusEvent(status: StatusPayload, phoneNumberId: string): StatusEvent {
  const recipient: StatusEvent['recipient'] = {};
  if (status.recipient_user_id) recipient.bsuid = status.recipient_user_id;
  if (status.recipient_id && isPhoneNumber(status.recipient_id)) {
    recipient.phoneNumber = toE164(status.recipient_id);
  } else if (status.recipient_id && !recipient.bsuid && isBsuid(status.recipient_id)) {
    recipient.bsuid = status.recipient_id;
  }
  return {
    kind: 'status',
    providerMessageId: status.id,
    phoneNumberId,
    status: status.status,
    at: status.timestamp,
    recipient,
    errors: (status.errors ?? []).map(toError),
  };
}
