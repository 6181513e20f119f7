import { createHash } from 'node:crypto';
import { request } from 'undici';
import { isRetryable } from './graph-errors.ts';

/** Meta's limits for what a user can send: images 5 MB, audio 16 MB. */
export const MEDIA_LIMITS = { image: 5 * 1024 * 1024, audio: 16 * 1024 * 1024 } as const;

export interface MediaDownloadOptions {
  /** Graph base URL with the version (WHATSAPP_API_URL). */
  apiUrl: string;
  accessToken: string;
  /** For each of the two requests, until the answer starts and between its parts. */
  timeoutMs?: number;
}

export interface DownloadedMedia {
  ok: true;
  bytes: Buffer;
  mimeType: string;
  /** Hex-encoded sha256 of the bytes. */
  sha256: string;
}

export type MediaFailureReason =
  /** Larger than Meta lets a user send (or than the caller accepts). */
  | 'too-large'
  /** Meta no longer has it (ids expire after 7 days) or never had it. */
  | 'gone'
  /** The bytes differ from the hash Meta announced. */
  | 'corrupt'
  /** Meta or the network failed; trying again later may work. */
  | 'unavailable';

export interface MediaFailure {
  ok: false;
  reason: MediaFailureReason;
  retryable: boolean;
  /** What went wrong, for logs (never the access token). */
  detail: string;
}

export type MediaDownload = DownloadedMedia | MediaFailure;

export interface MediaDownloader {
  /**
   * Fetches a user's media as the Cloud API documents it: GET /{media-id} gives a URL
   * valid for minutes, and GET of that URL with the same token gives the bytes. Never
   * throws. `sha256` is the hash the webhook announced (base64 or hex).
   */
  download(mediaId: string, limits: { maxBytes: number; sha256?: string }): Promise<MediaDownload>;
}

interface MediaUrl {
  url: string;
  mimeType: string;
  sha256?: string;
  fileSize?: number;
}

/** True when the bytes' digest matches Meta's hash, which it writes as hex or base64. */
export function matchesSha256(digest: Buffer, announced: string): boolean {
  const trimmed = announced.trim();
  return trimmed.toLowerCase() === digest.toString('hex') || trimmed === digest.toString('base64');
}

export function createMediaDownloader({
  apiUrl,
  accessToken,
  timeoutMs = 15_000,
}: MediaDownloadOptions): MediaDownloader {
  const headers = { authorization: `Bearer ${accessToken}` };
  const timeouts = { headersTimeout: timeoutMs, bodyTimeout: timeoutMs };
  const scrub = (text: string) => (accessToken ? text.replaceAll(accessToken, '[token]') : text);
  const fail = (reason: MediaFailureReason, detail: string, retryable = false): MediaFailure => ({
    ok: false,
    reason,
    retryable,
    detail: scrub(detail),
  });

  async function locate(mediaId: string): Promise<MediaUrl | MediaFailure> {
    const url = `${apiUrl.replace(/\/+$/, '')}/${encodeURIComponent(mediaId)}`;
    const response = await request(url, { method: 'GET', headers, ...timeouts });
    const json = (await response.body.json().catch(() => undefined)) as
      | {
          url?: unknown;
          mime_type?: unknown;
          sha256?: unknown;
          file_size?: unknown;
          error?: { code?: unknown; message?: unknown };
        }
      | undefined;
    if (response.statusCode < 200 || response.statusCode >= 300 || typeof json?.url !== 'string') {
      const code = typeof json?.error?.code === 'number' ? json.error.code : undefined;
      const message =
        typeof json?.error?.message === 'string'
          ? json.error.message
          : `HTTP ${response.statusCode}`;
      // 100 with a 400 or a 404: the id is unknown or expired.
      if (response.statusCode === 404 || (response.statusCode === 400 && code === 100)) {
        return fail('gone', message);
      }
      return fail('unavailable', message, isRetryable(response.statusCode, code));
    }
    const located: MediaUrl = {
      url: json.url,
      mimeType: typeof json.mime_type === 'string' ? json.mime_type : 'application/octet-stream',
    };
    if (typeof json.sha256 === 'string') located.sha256 = json.sha256;
    const size = Number(json.file_size);
    if (Number.isFinite(size) && size > 0) located.fileSize = size;
    return located;
  }

  async function fetchBytes(url: string, maxBytes: number): Promise<Buffer | MediaFailure> {
    const response = await request(url, { method: 'GET', headers, ...timeouts });
    if (response.statusCode === 404 || response.statusCode === 410) {
      await response.body.dump();
      return fail('gone', `HTTP ${response.statusCode} for the media URL`);
    }
    if (response.statusCode < 200 || response.statusCode >= 300) {
      await response.body.dump();
      return fail('unavailable', `HTTP ${response.statusCode} for the media URL`, true);
    }
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body.dump();
      return fail('too-large', `${declared} bytes, over ${maxBytes}`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      // Stop reading at once rather than hold a body that is larger than it said.
      if (size > maxBytes) {
        response.body.destroy();
        return fail('too-large', `over ${maxBytes} bytes`);
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks, size);
  }

  return {
    async download(mediaId, { maxBytes, sha256 }) {
      try {
        const located = await locate(mediaId);
        if ('ok' in located) return located;
        if (located.fileSize !== undefined && located.fileSize > maxBytes) {
          return fail('too-large', `${located.fileSize} bytes, over ${maxBytes}`);
        }
        const bytes = await fetchBytes(located.url, maxBytes);
        if ('ok' in bytes) return bytes;
        const digest = createHash('sha256').update(bytes).digest();
        const announced = [sha256, located.sha256].filter((hash) => hash !== undefined);
        if (announced.some((hash) => !matchesSha256(digest, hash))) {
          return fail('corrupt', 'the bytes do not match the sha256 Meta announced', true);
        }
        return { ok: true, bytes, mimeType: located.mimeType, sha256: digest.toString('hex') };
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return fail('unavailable', `network error: ${detail}`, true);
      }
    },
  };
}
