// POST /<version>/<phone-number-id>/media as Meta takes it: a multipart form with
// messaging_product=whatsapp and the file; the answer is the id a message then names.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface UploadedMedia {
  id: string;
  phoneNumberId: string;
  filename: string;
  mimeType: string;
  bytes: Buffer;
  receivedAt: string;
}

export const UPLOAD_PATH = /^\/v\d+\.\d+\/([^/]+)\/media$/;
// Meta's largest document.
const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

const invalid = (details: string) => ({
  error: {
    message: '(#100) Invalid parameter',
    type: 'OAuthException',
    code: 100,
    error_data: { messaging_product: 'whatsapp', details },
  },
});

/** Reads an upload into `uploads`; the caller has checked the token. */
export async function receiveUpload(
  request: IncomingMessage,
  response: ServerResponse,
  phoneNumberId: string,
  uploads: UploadedMedia[],
): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPLOAD_BYTES) {
      answer(response, 413, invalid('File too large'));
      request.destroy();
      return;
    }
    chunks.push(chunk as Buffer);
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), {
      headers: { 'content-type': request.headers['content-type'] ?? '' },
    }).formData();
  } catch {
    answer(response, 400, invalid('Expected a multipart/form-data body'));
    return;
  }
  const file = form.get('file');
  if (form.get('messaging_product') !== 'whatsapp') {
    answer(response, 400, invalid('messaging_product must be "whatsapp"'));
    return;
  }
  if (!(file instanceof File) || file.size === 0) {
    answer(response, 400, invalid('a non-empty "file" is required'));
    return;
  }
  const typed = form.get('type');
  const upload: UploadedMedia = {
    id: `SIMUPLOAD${randomBytes(8).toString('hex').toUpperCase()}`,
    phoneNumberId,
    filename: file.name,
    mimeType: typeof typed === 'string' && typed ? typed : file.type,
    bytes: Buffer.from(await file.arrayBuffer()),
    receivedAt: new Date().toISOString(),
  };
  uploads.push(upload);
  answer(response, 200, { id: upload.id });
}
