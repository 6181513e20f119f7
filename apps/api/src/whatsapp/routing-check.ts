import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http.ts';

/**
 * The old system's `/whatsapp/test/`, kept for operators: a POST (or GET) answers
 * `{"status":"success"}` whatever it carries, with no signature asked and nothing stored,
 * so `curl -X POST https://<host>/whatsapp/test/` tells whether requests for /whatsapp/
 * get through nginx, Caddy and the web app's proxy to this server.
 */
export function routingCheck(req: IncomingMessage, res: ServerResponse): void {
  // The body says nothing the answer depends on: read and dropped, never buffered.
  req.resume();
  sendJson(res, 200, { status: 'success' });
}
