import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SqlDatabase } from '@spendline/db';
import type { Logger } from '@spendline/log';
import {
  parseWebhook,
  verifySignature,
  verifyToken,
  type InboundMessageEvent,
  type StatusEvent,
} from '@spendline/whatsapp';
import {
  createInboxWriter,
  createStatusWriter,
  type InboundToStore,
  type InboxProcessor,
} from '@spendline/whatsapp/store';
import { BodyTooLargeError, readBody } from '../body.ts';
import { sendJson } from '../http.ts';

// Meta's payloads reach 3 MB; a little headroom, nothing more.
export const WEBHOOK_BODY_LIMIT = 3 * 1024 * 1024 + 64 * 1024;

/** What became of a POST, as the metrics count it; error: it threw (500). */
export const WEBHOOK_OUTCOMES = [
  'accepted',
  'bad_content_type',
  'too_large',
  'bad_signature',
  'bad_json',
  'bad_payload',
  'error',
] as const;
export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];

export interface WebhookOptions {
  db: SqlDatabase;
  logger: Logger;
  processor: InboxProcessor;
  appSecret: string;
  verifyToken: string | undefined;
  /** Told what became of each POST, once answered (metrics). */
  onOutcome?: (outcome: WebhookOutcome) => void;
}

/** GET: Meta's subscription handshake. */
export function verifySubscription({ verifyToken: expected }: Pick<WebhookOptions, 'verifyToken'>) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const query = new URL(req.url ?? '/', 'http://api.invalid').searchParams;
    const challenge = query.get('hub.challenge');
    const ok =
      expected !== undefined &&
      query.get('hub.mode') === 'subscribe' &&
      challenge !== null &&
      verifyToken(query.get('hub.verify_token') ?? '', expected);
    res.writeHead(ok ? 200 : 403, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(ok ? challenge : 'Forbidden');
  };
}

// Media Meta lets us fetch later (GET /<media id>, valid for 7 days).
const MEDIA_TYPES = new Set(['image', 'audio', 'video', 'document', 'sticker']);

/** The media id and its details, kept so a later feature can download the file. */
function mediaOf(event: InboundMessageEvent, raw: unknown) {
  if (!MEDIA_TYPES.has(event.type)) return undefined;
  const media = (raw as Record<string, Record<string, unknown> | undefined> | undefined)?.[
    event.type
  ];
  if (typeof media?.id !== 'string') return undefined;
  const text = (key: string) => (typeof media[key] === 'string' ? media[key] : undefined);
  return {
    id: media.id,
    mimeType: text('mime_type') ?? null,
    sha256: text('sha256') ?? null,
    caption: text('caption') ?? null,
    filename: text('filename') ?? null,
    voice: media.voice === true,
  };
}

/** The stored form of a message: what the conversation needs, plus Meta's original. */
function storedPayload(event: InboundMessageEvent, raw: unknown) {
  const media = mediaOf(event, raw);
  return {
    sender: event.sender,
    content: event.content,
    replyTo: event.replyTo ?? null,
    ...(media ? { media } : {}),
    raw,
  };
}

/** The kind of a system notice (e.g. `user_changed_number`), for the log. */
function noticeType(raw: unknown): string | null {
  const type = (raw as { system?: { type?: unknown } } | undefined)?.system?.type;
  return typeof type === 'string' ? type : null;
}

function rawMessages(json: unknown): Map<string, unknown> {
  const byId = new Map<string, unknown>();
  const entries = (
    json as { entry?: { changes?: { value?: { messages?: { id?: string }[] } }[] }[] }
  ).entry;
  for (const entry of entries ?? []) {
    for (const change of entry.changes ?? []) {
      for (const message of change.value?.messages ?? []) {
        if (typeof message.id === 'string') byId.set(message.id, message);
      }
    }
  }
  return byId;
}

/**
 * POST: checks the signature over the exact bytes received, stores each message once
 * and applies statuses, answers 200, and only then hands the messages on. System
 * notices are stored (so a redelivery stays a duplicate) as IGNORED: nothing answers them.
 */
export function receiveNotification({
  db,
  logger,
  processor,
  appSecret,
  onOutcome,
}: WebhookOptions) {
  const inbox = createInboxWriter(db);
  const statuses = createStatusWriter(db);
  async function receive(req: IncomingMessage, res: ServerResponse): Promise<WebhookOutcome> {
    const contentType = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(contentType)) {
      sendJson(res, 415, { error: 'unsupported_media_type', expected: 'application/json' });
      return 'bad_content_type';
    }
    let body: Buffer;
    try {
      body = await readBody(req, WEBHOOK_BODY_LIMIT);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      sendJson(res, 413, { error: 'payload_too_large', limitBytes: error.limit });
      return 'too_large';
    }
    if (
      !verifySignature(body, req.headers['x-hub-signature-256'] as string | undefined, appSecret)
    ) {
      // Never the body: it is unauthenticated and may carry anyone's data.
      logger.warn(
        { bytes: body.length, hasSignature: Boolean(req.headers['x-hub-signature-256']) },
        'webhook signature rejected',
      );
      sendJson(res, 401, { error: 'invalid_signature' });
      return 'bad_signature';
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(res, 400, { error: 'invalid_json' });
      return 'bad_json';
    }
    const parsed = parseWebhook(json);
    if (!parsed.ok) {
      // Acknowledged so Meta stops retrying a payload we will never understand.
      logger.warn({ reason: parsed.reason }, 'webhook payload not understood');
      sendJson(res, 200, { received: 0 });
      return 'bad_payload';
    }
    const raw = rawMessages(json);
    const messages: InboundToStore[] = [];
    const reported: StatusEvent[] = [];
    for (const event of parsed.events) {
      if (event.kind === 'status') {
        reported.push(event);
      } else if (event.kind === 'message') {
        const original = raw.get(event.waMessageId);
        // Meta's notices about the user (e.g. a number change): kept, never answered.
        const ignored = event.type === 'system';
        messages.push({ event, payload: storedPayload(event, original), ignored });
      } else if (event.kind === 'error') {
        logger.warn({ code: event.code, title: event.title }, 'whatsapp reported an error');
      }
    }
    // With those of webhooks arriving meanwhile: one round trip, one commit each.
    const [rows] = await Promise.all([inbox.store(messages), statuses.apply(reported)]);
    const conversations = new Set<string>();
    let stored = 0;
    rows.forEach((row, i) => {
      const message = messages[i];
      if (!row || !message) return;
      stored++;
      if (!message.ignored) {
        conversations.add(row.conversationId);
        return;
      }
      // Its body names people and numbers: the log gets only its kind.
      logger.info(
        {
          waMessageId: message.event.waMessageId,
          noticeType: noticeType(raw.get(message.event.waMessageId)),
        },
        'whatsapp system notice stored as ignored',
      );
    });
    sendJson(res, 200, { received: stored });
    // After the answer: Meta never waits for the bot.
    processor.kick(conversations);
    return 'accepted';
  }
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const received = processor.receiving?.();
    let outcome: WebhookOutcome = 'error';
    try {
      outcome = await receive(req, res);
    } finally {
      received?.();
      onOutcome?.(outcome);
    }
  };
}
