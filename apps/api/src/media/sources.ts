// Where a queued file's bytes come from: Meta's media endpoint, or, in sandbox mode,
// the attachment the dashboard's chat simulator kept when the photo was attached.
import type { SqlDatabase } from '@spendline/db';
import { postgresAttachments } from '@spendline/entries';
import type { MediaSource } from '@spendline/media';
import { createMediaDownloader, MEDIA_LIMITS } from '@spendline/whatsapp';

/** The media id the sandbox puts in its webhooks for a file it already keeps. */
export const SANDBOX_MEDIA_PREFIX = 'attachment:';

export function graphMediaSource(apiUrl: string, accessToken: string): MediaSource {
  const downloader = createMediaDownloader({ apiUrl, accessToken });
  return {
    fetch: (job) =>
      downloader.download(job.mediaId, {
        maxBytes: MEDIA_LIMITS[job.media],
        ...(job.payload.sha256 ? { sha256: job.payload.sha256 } : {}),
      }),
  };
}

export function sandboxMediaSource(db: SqlDatabase): MediaSource {
  return {
    async fetch(job) {
      const id = job.mediaId.startsWith(SANDBOX_MEDIA_PREFIX)
        ? job.mediaId.slice(SANDBOX_MEDIA_PREFIX.length)
        : null;
      const kept =
        id && /^[0-9a-f-]{36}$/i.test(id)
          ? await postgresAttachments.read(db, job.payload.userId, id)
          : null;
      if (!kept) {
        return { ok: false, reason: 'gone', retryable: false, detail: 'no such sandbox file' };
      }
      return { ok: true, bytes: kept.bytes, mimeType: kept.mimeType, keptAs: id! };
    },
  };
}
