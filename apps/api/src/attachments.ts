// GET /attachments/<id>: a receipt photo or voice note, to its owner only (the session
// cookie the dashboard sends, or a personal access token). Anyone else, signed in or not,
// learns nothing about whether the file exists.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '@spendline/db';
import { postgresAttachments } from '@spendline/entries';
import { authenticate } from '@spendline/graphql';
import { sendJson } from './http.ts';
import { headersOf } from './statements.ts';

export const ATTACHMENTS_PATH = '/attachments/';

const PATH = /^\/attachments\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

// Shown in the page (an <img>); other types only as downloads, so a file's bytes never
// run as a page of this origin.
const INLINE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
};

export interface AttachmentRouteOptions {
  db: Database;
  secureCookies: boolean;
  now?: () => Date;
}

export function attachmentDownload(options: AttachmentRouteOptions) {
  const { db, secureCookies, now = () => new Date() } = options;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://api.invalid').pathname;
    const id = PATH.exec(path)?.[1];
    if (id === undefined) return sendJson(res, 404, { error: 'not_found' });
    const { viewer } = await authenticate(db.prisma, headersOf(req), now(), secureCookies);
    if (!viewer) return sendJson(res, 401, { error: 'unauthenticated' });
    const file = await postgresAttachments.read(db.sql, viewer.user.id, id);
    if (!file) return sendJson(res, 404, { error: 'not_found' });
    const type = file.mimeType.split(';')[0]!.trim().toLowerCase();
    const inline = INLINE_TYPES.has(type);
    const name = `receipt-${id.slice(0, 8)}.${EXTENSIONS[type] ?? 'bin'}`;
    res.writeHead(200, {
      'content-type': inline || type in EXTENSIONS ? file.mimeType : 'application/octet-stream',
      'content-length': file.bytes.byteLength,
      'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${name}"`,
      // One person's file: no shared cache keeps it; their browser may, as it never changes.
      'cache-control': 'private, max-age=3600',
      'x-content-type-options': 'nosniff',
      etag: `"${file.sha256}"`,
    });
    res.end(file.bytes);
  };
}
