// Reverse proxy from the web app to the api, so browsers and Meta's webhooks need one
// origin. Used by `handle` in src/hooks.server.ts for /graphql and /whatsapp/.
//
// It forwards bytes, not meaning: the request body reaches the api exactly as received
// (Meta signs the raw bytes of every webhook), and the response is streamed back as the
// api sends it (no buffering, so server-sent events work). node:http is used rather than
// fetch, which would decompress gzip responses and so change the bytes.
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';

// Hop-by-hop headers describe one connection, not the message (RFC 9110 §7.6.1), so a
// proxy must not forward them. `host` is set for the api by node:http; `expect` is
// dropped because the body has already been read.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'expect',
]);

// Responses to HEAD, and 204/205/304 responses, have no body.
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

export interface ProxyOptions {
  /** Base URL of the api, e.g. `http://127.0.0.1:4000`. A path in it is kept as a prefix. */
  upstream: string | URL;
  /**
   * Address of the client as this server determined it (its socket's, or what adapter-node's
   * ADDRESS_HEADER and XFF_DEPTH let a proxy in front say): the whole `X-Forwarded-For`
   * the api gets, which trusts it from this server only (TRUSTED_PROXIES).
   */
  clientAddress?: string | undefined;
  /** The largest request body forwarded; a larger one is a 413 (default: the server's limit). */
  maxBodyBytes?: number;
  /** Called when the api cannot be reached (the client gets a 502). */
  onError?: (error: Error, request: Request) => void;
}

/**
 * Forwards `request` to the api and resolves to its response: status, headers and a body
 * that streams. Answers 502 `{"error":"api_unavailable"}` when the api cannot be reached,
 * and 413 when the request body is larger than the server accepts.
 */
export async function proxyRequest(request: Request, options: ProxyOptions): Promise<Response> {
  const incoming = new URL(request.url);
  const target = upstreamUrl(options.upstream, incoming);

  const limit = options.maxBodyBytes ?? Infinity;
  let body: Buffer | undefined;
  if (request.body) {
    if (Number(request.headers.get('content-length')) > limit)
      return jsonError(413, 'payload_too_large');
    try {
      // Bounded by the server's body size limit (BODY_SIZE_LIMIT with adapter-node).
      body = Buffer.from(await request.arrayBuffer());
    } catch (error) {
      if (statusOf(error) === 413) return jsonError(413, 'payload_too_large');
      // The client went away, or sent a malformed body.
      return jsonError(400, 'bad_request');
    }
    // A chunked upload declares no length: its size is known only now.
    if (body.byteLength > limit) return jsonError(413, 'payload_too_large');
  }

  const headers = forwardedRequestHeaders(request.headers, incoming, options.clientAddress);
  // The length of what is actually sent (a chunked upload arrives without one). A stray
  // length on a bodiless request would leave the api waiting for bytes that never come.
  if (body) headers['content-length'] = String(body.byteLength);
  else if (headers['content-length'] !== '0') delete headers['content-length'];

  let upstream: http.IncomingMessage;
  try {
    upstream = await send(target, request.method, headers, body, request.signal);
  } catch (error) {
    if (request.signal.aborted) return jsonError(499, 'client_closed_request');
    options.onError?.(error instanceof Error ? error : new Error(String(error)), request);
    return jsonError(502, 'api_unavailable');
  }

  const status = upstream.statusCode ?? 0;
  if (status < 200 || status > 599) {
    upstream.destroy();
    options.onError?.(new Error(`unexpected status ${status} from the api`), request);
    return jsonError(502, 'api_unavailable');
  }
  const hasBody = request.method !== 'HEAD' && !NULL_BODY_STATUSES.has(status);
  if (!hasBody) upstream.resume();

  return new Response(hasBody ? (Readable.toWeb(upstream) as ReadableStream<Uint8Array>) : null, {
    status,
    statusText: upstream.statusMessage ?? '',
    headers: responseHeaders(upstream),
  });
}

/** The api's URL for an incoming URL: its path prefix, then the request's path and query. */
export function upstreamUrl(upstream: string | URL, incoming: URL): URL {
  const target = new URL(upstream);
  target.pathname = target.pathname.replace(/\/+$/, '') + incoming.pathname;
  target.search = incoming.search;
  return target;
}

function forwardedRequestHeaders(
  source: Headers,
  incoming: URL,
  clientAddress: string | undefined,
): Record<string, string> {
  const dropped = droppedHeaderNames(source);
  const headers: Record<string, string> = {};
  for (const [name, value] of source) {
    if (!dropped.has(name)) headers[name] = value;
  }

  // What the client says of itself is no fact: a script rotating its own X-Forwarded-For
  // escaped the per-address limits when it was passed on.
  for (const name of ['x-forwarded-for', 'x-real-ip', 'forwarded']) delete headers[name];
  if (clientAddress) headers['x-forwarded-for'] = clientAddress;
  headers['x-forwarded-proto'] = incoming.protocol.slice(0, -1);
  headers['x-forwarded-host'] = incoming.host;
  return headers;
}

function responseHeaders(upstream: http.IncomingMessage): Headers {
  const connection = upstream.headers.connection;
  const dropped = new Set(HOP_BY_HOP);
  for (const name of (connection ?? '').split(',')) dropped.add(name.trim().toLowerCase());

  const headers = new Headers();
  for (const [name, value] of Object.entries(upstream.headers)) {
    if (value === undefined || dropped.has(name)) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/** Hop-by-hop names, plus any header the `Connection` header names as hop-by-hop. */
function droppedHeaderNames(headers: Headers): Set<string> {
  const dropped = new Set(HOP_BY_HOP);
  for (const name of (headers.get('connection') ?? '').split(',')) {
    if (name.trim()) dropped.add(name.trim().toLowerCase());
  }
  return dropped;
}

function send(
  target: URL,
  method: string,
  headers: Record<string, string>,
  body: Buffer | undefined,
  signal: AbortSignal,
): Promise<http.IncomingMessage> {
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(target, { method, headers, signal }, resolve);
    req.on('error', reject);
    req.end(body);
  });
}

function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    return typeof error.status === 'number' ? error.status : undefined;
  }
  return undefined;
}

function jsonError(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { 'cache-control': 'no-store' } });
}
