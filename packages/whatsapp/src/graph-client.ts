import { Pool } from 'undici';
import { isRetryable } from './graph-errors.ts';
import type { MarkReadRequest, OutboundMessage } from './messages.ts';

export interface GraphClientOptions {
  /** Graph base URL with the version, e.g. https://graph.facebook.com/v26.0 (WHATSAPP_API_URL). */
  apiUrl: string;
  phoneNumberId: string;
  accessToken: string;
  /** Until Graph's answer starts, and then between its parts. Default 10 s. */
  timeoutMs?: number;
  /** Connections kept open to Graph at most. */
  connections?: number;
}

export interface SendFailure {
  ok: false;
  /** True when sending the same body again later may succeed. */
  retryable: boolean;
  /** Graph error code, when Graph answered with one. */
  code?: number;
  /** HTTP status, when there was an answer. */
  status?: number;
  /** Graph's error message (never the access token), or what went wrong in transport. */
  reason: string;
  /** From a Retry-After header. */
  retryAfterMs?: number;
}

export type SendResult = { ok: true; providerMessageId: string } | SendFailure;
export type MarkReadResult = { ok: true } | SendFailure;

export interface GraphClient {
  /** Sends a message; `providerMessageId` is the outbound wamid later statuses refer to. */
  send(body: OutboundMessage): Promise<SendResult>;
  markRead(body: MarkReadRequest): Promise<MarkReadResult>;
  /** Closes the kept-alive connections once the requests under way have finished. */
  close(): Promise<void>;
  /**
   * Cuts the requests under way (each answers a retryable failure, so its row stays in
   * the outbox) and closes the connections: for a stop that cannot wait for Meta.
   */
  abort(): Promise<void>;
}

interface Answer {
  status: number;
  json: unknown;
  retryAfterMs?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function graphError(json: unknown): { code?: number; message?: string } {
  const error = isRecord(json) ? json.error : undefined;
  if (!isRecord(error)) return {};
  const result: { code?: number; message?: string } = {};
  if (typeof error.code === 'number') result.code = error.code;
  const details = isRecord(error.error_data) ? error.error_data.details : undefined;
  const message = typeof error.message === 'string' ? error.message : undefined;
  const parts = [message, typeof details === 'string' ? details : undefined].filter(Boolean);
  if (parts.length > 0) result.message = parts.join(': ');
  return result;
}

function providerMessageIdOf(json: unknown): string | undefined {
  const messages = isRecord(json) ? json.messages : undefined;
  const first: unknown = Array.isArray(messages) ? messages[0] : undefined;
  return isRecord(first) && typeof first.id === 'string' && first.id ? first.id : undefined;
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * A client for `POST {apiUrl}/{phoneNumberId}/messages`. It never throws and never logs:
 * every outcome is a result the caller can store, classified as retryable or not. The
 * access token goes only into the Authorization header and is scrubbed from reasons.
 * Requests go over a pool of kept-alive connections with undici's request(), which costs
 * a quarter of the CPU of fetch() per message (no web streams, no abort signal).
 */
export function createGraphClient({
  apiUrl,
  phoneNumberId,
  accessToken,
  timeoutMs = 10_000,
  connections = 64,
}: GraphClientOptions): GraphClient {
  const base = new URL(
    `${apiUrl.replace(/\/+$/, '')}/${encodeURIComponent(phoneNumberId)}/messages`,
  );
  const path = base.pathname;
  const pool = new Pool(base.origin, {
    connections,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connectTimeout: timeoutMs,
  });
  const headers = {
    authorization: `Bearer ${accessToken}`,
    'content-type': 'application/json',
  };
  const scrub = (text: string) => (accessToken ? text.replaceAll(accessToken, '[token]') : text);

  async function post(body: OutboundMessage | MarkReadRequest): Promise<Answer | SendFailure> {
    try {
      const response = await pool.request({
        path,
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      const text = await response.body.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const answer: Answer = { status: response.statusCode, json };
      const header = response.headers['retry-after'];
      const retryAfterMs = parseRetryAfter(Array.isArray(header) ? header[0] : header, Date.now());
      if (retryAfterMs !== undefined) answer.retryAfterMs = retryAfterMs;
      return answer;
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (typeof code === 'string' && TIMEOUT_CODES.has(code)) {
        return { ok: false, retryable: true, reason: `no answer within ${timeoutMs} ms` };
      }
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, retryable: true, reason: scrub(`network error: ${detail}`) };
    }
  }

  function failure(answer: Answer): SendFailure {
    const { code, message } = graphError(answer.json);
    const result: SendFailure = {
      ok: false,
      retryable: isRetryable(answer.status, code),
      status: answer.status,
      reason: scrub(message ?? `HTTP ${answer.status} without a Graph error`),
    };
    if (code !== undefined) result.code = code;
    if (answer.retryAfterMs !== undefined) result.retryAfterMs = answer.retryAfterMs;
    return result;
  }

  return {
    async send(body) {
      const answer = await post(body);
      if ('ok' in answer) return answer;
      if (answer.status < 200 || answer.status >= 300) return failure(answer);
      const providerMessageId = providerMessageIdOf(answer.json);
      if (providerMessageId) return { ok: true, providerMessageId };
      // Graph accepted the request, so the message may be on its way: sending it
      // again could deliver it twice.
      return {
        ok: false,
        retryable: false,
        status: answer.status,
        reason: 'Graph accepted the message but returned no message id',
      };
    },

    async markRead(body) {
      const answer = await post(body);
      if ('ok' in answer) return answer;
      if (answer.status < 200 || answer.status >= 300) return failure(answer);
      return { ok: true };
    },

    close: () => pool.close(),
    abort: () => pool.destroy(),
  };
}
