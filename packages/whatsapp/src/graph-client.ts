import { isRetryable } from './graph-errors.ts';
import type { MarkReadRequest, OutboundMessage } from './messages.ts';

export interface GraphClientOptions {
  /** Graph base URL with the version, e.g. https://graph.facebook.com/v26.0 (WHATSAPP_API_URL). */
  apiUrl: string;
  phoneNumberId: string;
  accessToken: string;
  fetch?: typeof fetch;
  /** Per request, until the whole answer is read. Default 10 s. */
  timeoutMs?: number;
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
}

interface Answer {
  status: number;
  json: unknown;
  retryAfterMs?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseRetryAfter(header: string | null, now: number): number | undefined {
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

/**
 * A client for `POST {apiUrl}/{phoneNumberId}/messages`. It never throws and never logs:
 * every outcome is a result the caller can store, classified as retryable or not. The
 * access token goes only into the Authorization header and is scrubbed from reasons.
 */
export function createGraphClient({
  apiUrl,
  phoneNumberId,
  accessToken,
  fetch: fetchImpl = fetch,
  timeoutMs = 10_000,
}: GraphClientOptions): GraphClient {
  const endpoint = `${apiUrl.replace(/\/+$/, '')}/${encodeURIComponent(phoneNumberId)}/messages`;
  const scrub = (text: string) => (accessToken ? text.replaceAll(accessToken, '[token]') : text);

  async function post(body: OutboundMessage | MarkReadRequest): Promise<Answer | SendFailure> {
    try {
      const response = await fetchImpl(endpoint, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const answer: Answer = { status: response.status, json };
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      if (retryAfterMs !== undefined) answer.retryAfterMs = retryAfterMs;
      return answer;
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') {
        return { ok: false, retryable: true, reason: `no answer within ${timeoutMs} ms` };
      }
      // fetch puts the useful part (ECONNREFUSED, ENOTFOUND...) in the cause.
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      const detail = cause instanceof Error ? cause.message : String(cause);
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
  };
}
