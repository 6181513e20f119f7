// POST /{phone-number-id}/media: a file the business sends (a statement PDF) goes to
// Meta first, and the message names it by the id Meta answers.
import { isRetryable } from './graph-errors.ts';
import type { SendFailure } from './graph-client.ts';

export interface MediaUploadOptions {
  /** Graph base URL with the version (WHATSAPP_API_URL). */
  apiUrl: string;
  phoneNumberId: string;
  accessToken: string;
  /** Until the whole answer is in. Default 30 s: a file takes longer than a message. */
  timeoutMs?: number;
}

export interface MediaFile {
  bytes: Uint8Array;
  mimeType: string;
  filename: string;
}

export type UploadResult = { ok: true; id: string } | SendFailure;

/** Uploads a file; never throws, and never puts the access token into a reason. */
export function createMediaUploader({
  apiUrl,
  phoneNumberId,
  accessToken,
  timeoutMs = 30_000,
}: MediaUploadOptions): (file: MediaFile) => Promise<UploadResult> {
  const url = `${apiUrl.replace(/\/+$/, '')}/${encodeURIComponent(phoneNumberId)}/media`;
  const scrub = (text: string) => (accessToken ? text.replaceAll(accessToken, '[token]') : text);
  return async ({ bytes, mimeType, filename }) => {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', mimeType);
    form.set('file', new Blob([new Uint8Array(bytes)], { type: mimeType }), filename);
    let status: number;
    let json: unknown;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}` },
        body: form,
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      json = await response.json().catch(() => undefined);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, retryable: true, reason: scrub(`upload failed: ${detail}`) };
    }
    const answer = (json ?? {}) as { id?: unknown; error?: { code?: unknown; message?: unknown } };
    if (status >= 200 && status < 300 && typeof answer.id === 'string' && answer.id) {
      return { ok: true, id: answer.id };
    }
    const code = typeof answer.error?.code === 'number' ? answer.error.code : undefined;
    const message = typeof answer.error?.message === 'string' ? answer.error.message : undefined;
    return {
      ok: false,
      retryable: isRetryable(status, code),
      status,
      ...(code === undefined ? {} : { code }),
      reason: scrub(message ?? `HTTP ${status} without a media id`),
    };
  };
}
