// Media as Meta serves it: GET /<version>/<media-id> answers a short-lived URL, and GET of
// that URL with the bearer token answers the bytes. Files get in through the control
// (tests) or POST /media-files (the wa command, run beside a separate simulator).
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface StoredMedia {
  id: string;
  mimeType: string;
  bytes: Buffer;
  /** Base64, as a webhook announces it. */
  sha256: string;
}

export interface SimulatedMedia {
  /** Keeps a file as if a user had sent it; its id goes into the webhook. */
  add(bytes: Buffer, mimeType: string): StoredMedia;
  /** Forgets a file, as Meta does after 7 days. */
  expire(id: string): void;
  /** Serves these bytes instead of the file's (sha256 then mismatches). */
  corrupt(id: string): void;
}

const INFO_PATH = /^\/v\d+\.\d+\/(SIMMEDIA[0-9A-F]+)$/;
const FILE_PATH = /^\/media-files\/(SIMMEDIA[0-9A-F]+)$/;
// Above Meta's largest inbound file (100 MB documents) there is nothing to simulate.
const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

const missing = (id: string) => ({
  error: {
    message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    type: 'GraphMethodException',
    code: 100,
    error_subcode: 33,
  },
});

export function mediaStore(
  origin: () => string,
  authorised: (request: IncomingMessage) => boolean,
) {
  const files = new Map<string, StoredMedia>();
  const corrupted = new Set<string>();

  const control: SimulatedMedia = {
    add(bytes, mimeType) {
      const id = `SIMMEDIA${randomBytes(8).toString('hex').toUpperCase()}`;
      const sha256 = createHash('sha256').update(bytes).digest('base64');
      const file = { id, mimeType, bytes, sha256 };
      files.set(id, file);
      return file;
    },
    expire: (id) => void files.delete(id),
    corrupt: (id) => void corrupted.add(id),
  };

  async function upload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > MAX_UPLOAD_BYTES) {
        json(response, 413, { error: { message: 'File too large', code: 100 } });
        request.destroy();
        return;
      }
      chunks.push(chunk as Buffer);
    }
    const mimeType = request.headers['content-type'] ?? 'application/octet-stream';
    const { id, sha256 } = control.add(Buffer.concat(chunks), mimeType);
    json(response, 200, { id, mime_type: mimeType, sha256 });
  }

  /** Answers a media request; false when the path is not one. */
  function handle(request: IncomingMessage, response: ServerResponse, url: URL): boolean {
    const info = INFO_PATH.exec(url.pathname);
    const file = FILE_PATH.exec(url.pathname);
    if (url.pathname === '/media-files' && request.method === 'POST') {
      void upload(request, response);
      return true;
    }
    if (request.method !== 'GET' || (!info && !file)) return false;
    if (!authorised(request)) {
      json(response, 401, {
        error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 },
      });
      return true;
    }
    const id = (info ?? file)![1]!;
    const stored = files.get(id);
    if (!stored) {
      if (info) json(response, 400, missing(id));
      else json(response, 404, { error: { message: 'URL signature expired', code: 100 } });
      return true;
    }
    if (info) {
      json(response, 200, {
        messaging_product: 'whatsapp',
        url: `${origin()}/media-files/${id}`,
        mime_type: stored.mimeType,
        // Hex here, where the webhook had base64: Meta does the same.
        sha256: Buffer.from(stored.sha256, 'base64').toString('hex'),
        file_size: String(stored.bytes.length),
        id,
      });
      return true;
    }
    const bytes = corrupted.has(id) ? Buffer.from('not the bytes that were sent') : stored.bytes;
    response.writeHead(200, { 'content-type': stored.mimeType, 'content-length': bytes.length });
    response.end(bytes);
    return true;
  }

  return { control, handle };
}
