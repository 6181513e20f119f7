import { randomBytes } from 'node:crypto';
import { isBsuid, isPhoneNumber, toWaDigits } from '../identity.ts';
import { metaJson } from '../meta-json.ts';
import { signPayload } from '../signature.ts';

/** A webhook POST as Meta would make it: the exact bytes and the headers that go with them. */
export interface SignedWebhookRequest {
  body: Buffer;
  headers: Record<string, string>;
  /** The payload before serialisation, for assertions. */
  payload: Record<string, unknown>;
}

interface WebhookTarget {
  /** The Meta app secret (WEBHOOK_SECRET) to sign with. */
  appSecret: string;
  /** The business phone number id the notification is for. */
  phoneNumberId: string;
  displayPhoneNumber?: string;
  wabaId?: string;
}

export interface SimulatedMediaMessage {
  type: 'image' | 'audio' | 'document';
  id: string;
  mimeType: string;
  /** Base64, as Meta announces it in webhooks. */
  sha256: string;
  caption?: string;
}

export interface SignedWebhookOptions extends WebhookTarget {
  /** The user's phone number, with or without '+'; omit for a username-only user. */
  from?: string;
  /** The user's BSUID; Meta includes it for every user since 2026. */
  bsuid?: string;
  name?: string;
  username?: string;
  /** Exactly one of text, buttonReply, listReply, button and unsupported. */
  text?: string;
  buttonReply?: { id: string; title: string };
  listReply?: { id: string; title: string; description?: string };
  /** A quick-reply button of a template. */
  button?: { payload: string; text: string };
  /** A photo or voice note kept by the simulator's media store (graph.media.add). */
  media?: SimulatedMediaMessage;
  /** Any other message type, e.g. 'sticker' or 'location', sent with placeholder content. */
  unsupported?: string;
  wamid?: string;
  /** Default now. */
  timestamp?: Date;
  /** The outbound wamid this message replies to (the context of a button tap). */
  replyTo?: string;
}

export interface StatusWebhookOptions extends WebhookTarget {
  /** The outbound wamid the status is about. */
  wamid: string;
  status: 'sent' | 'delivered' | 'read' | 'failed' | (string & {});
  recipientPhone?: string;
  recipientBsuid?: string;
  timestamp?: Date;
  errors?: { code: number; title: string; message?: string; details?: string }[];
}

/** Serialises as Meta does (\uXXXX escapes) and signs the resulting bytes. */
export function signWebhookPayload(
  payload: Record<string, unknown>,
  appSecret: string,
): SignedWebhookRequest {
  const body = Buffer.from(metaJson(payload), 'utf8');
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'facebookexternalua',
      'x-hub-signature-256': signPayload(body, appSecret),
    },
    payload,
  };
}

function envelope(target: WebhookTarget, value: Record<string, unknown>): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: target.wabaId ?? '100000000000000',
        changes: [
          {
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: target.displayPhoneNumber ?? '15550000001',
                phone_number_id: target.phoneNumberId,
              },
              ...value,
            },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

const unixSeconds = (date: Date = new Date()) => String(Math.floor(date.getTime() / 1000));

function simulatedWamid(): string {
  return `wamid.SIMIN${randomBytes(12).toString('hex').toUpperCase()}`;
}

function contentOf(options: SignedWebhookOptions): Record<string, unknown> {
  const kinds = ['text', 'buttonReply', 'listReply', 'button', 'media', 'unsupported'] as const;
  const given = kinds.filter((key) => options[key] !== undefined);
  if (given.length !== 1) {
    throw new TypeError(`signedWebhookRequest: give exactly one of ${kinds.join(', ')}`);
  }
  const { text, buttonReply, listReply, button, media, unsupported } = options;
  if (text !== undefined) return { type: 'text', text: { body: text } };
  if (buttonReply) {
    return {
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: buttonReply },
    };
  }
  if (listReply) {
    return { type: 'interactive', interactive: { type: 'list_reply', list_reply: listReply } };
  }
  if (button) return { type: 'button', button };
  if (media) {
    const { type, id, mimeType, sha256, caption } = media;
    const payload: Record<string, unknown> = { id, mime_type: mimeType, sha256 };
    if (caption !== undefined) payload.caption = caption;
    if (type === 'audio') payload.voice = mimeType.startsWith('audio/ogg');
    return { type, [type]: payload };
  }
  const type = unsupported ?? 'unknown';
  return { type, [type]: { id: `SIMMEDIA${randomBytes(6).toString('hex')}` } };
}

/**
 * A signed inbound-message webhook shaped like Meta's 2026 payloads: `from`/`wa_id`
 * only when the user shares a phone number, `from_user_id`/`user_id` when a BSUID is
 * given, so both identity cases can be exercised.
 */
export function signedWebhookRequest(options: SignedWebhookOptions): SignedWebhookRequest {
  const { from, bsuid } = options;
  if (from === undefined && bsuid === undefined) {
    throw new TypeError('signedWebhookRequest: give from (a phone number), bsuid, or both');
  }
  if (from !== undefined && !isPhoneNumber(from)) {
    throw new TypeError(`signedWebhookRequest: from is not a phone number: ${from}`);
  }
  if (bsuid !== undefined && !isBsuid(bsuid)) {
    throw new TypeError(`signedWebhookRequest: not a BSUID: ${bsuid}`);
  }
  const digits = from === undefined ? undefined : toWaDigits(from);
  const profile: Record<string, unknown> = { name: options.name ?? 'Simulated User' };
  if (options.username !== undefined) profile.username = options.username;
  const contact: Record<string, unknown> = { profile };
  const message: Record<string, unknown> = {};
  if (digits !== undefined) {
    contact.wa_id = digits;
    message.from = digits;
  }
  if (bsuid !== undefined) {
    contact.user_id = bsuid;
    message.from_user_id = bsuid;
  }
  Object.assign(message, {
    id: options.wamid ?? simulatedWamid(),
    timestamp: unixSeconds(options.timestamp),
    ...contentOf(options),
  });
  if (options.replyTo !== undefined) message.context = { id: options.replyTo };
  return signWebhookPayload(
    envelope(options, { contacts: [contact], messages: [message] }),
    options.appSecret,
  );
}

/** A signed status webhook (sent, delivered, read, failed) for an outbound wamid. */
export function statusWebhook(options: StatusWebhookOptions): SignedWebhookRequest {
  const status: Record<string, unknown> = {
    id: options.wamid,
    status: options.status,
    timestamp: unixSeconds(options.timestamp),
  };
  if (options.recipientPhone !== undefined)
    status.recipient_id = toWaDigits(options.recipientPhone);
  if (options.recipientBsuid !== undefined) status.recipient_user_id = options.recipientBsuid;
  if (options.status === 'failed') {
    status.errors = (options.errors ?? []).map(({ details, ...error }) =>
      details === undefined ? error : { ...error, error_data: { details } },
    );
  } else {
    status.pricing = {
      billable: false,
      pricing_model: 'PMP',
      category: 'service',
      type: 'free_customer_service',
    };
  }
  return signWebhookPayload(envelope(options, { statuses: [status] }), options.appSecret);
}
