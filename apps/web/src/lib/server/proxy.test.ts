import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { proxyRequest, upstreamUrl } from './proxy.ts';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) => void;

/** A tiny api on a free port; records what it receives and answers with `handler`. */
let upstream: http.Server;
let upstreamUrlBase: string;
let received: Received[] = [];
let handler: Handler = (_req, res) => res.end('ok');

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body,
      });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrlBase = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

afterEach(() => {
  received = [];
  handler = (_req, res) => res.end('ok');
});

const WEB = 'https://spendline.example';

/** `clientAddress` null: the server could not tell the client's address. */
function proxy(path: string, init?: RequestInit, clientAddress: string | null = '203.0.113.7') {
  return proxyRequest(new Request(`${WEB}${path}`, init), {
    upstream: upstreamUrlBase,
    clientAddress: clientAddress ?? undefined,
  });
}

describe('upstreamUrl', () => {
  it('keeps the path and query string, and a path prefix in API_URL', () => {
    const incoming = new URL(`${WEB}/graphql/x?a=1&b=%E2%82%B9&c=a+b`);
    expect(upstreamUrl('http://api:4000', incoming).href).toBe(
      'http://api:4000/graphql/x?a=1&b=%E2%82%B9&c=a+b',
    );
    expect(upstreamUrl('http://api:4000/internal/', incoming).href).toBe(
      'http://api:4000/internal/graphql/x?a=1&b=%E2%82%B9&c=a+b',
    );
  });
});

describe('proxyRequest', () => {
  it('passes the body bytes through unchanged, non-ASCII and binary included', async () => {
    handler = (_req, res, body) => res.end(createHash('sha256').update(body).digest('hex'));
    // Not valid UTF-8 on purpose: any decode/re-encode step would change these bytes.
    const body = Buffer.concat([
      Buffer.from('{"entry":[{"text":"₹120 पेट्रोल ☕ ✅","note":"\\u00e9 é"}]}\n', 'utf8'),
      Buffer.from([0x00, 0xff, 0xfe, 0xc3, 0x28, 0x80]),
      randomBytes(64 * 1024),
    ]);

    const response = await proxy('/whatsapp/webhook', {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-hub-signature-256': 'sha256=abc123',
      },
      body,
    });

    expect(response.status).toBe(200);
    expect(received).toHaveLength(1);
    expect(received[0]!.body.equals(body)).toBe(true);
    expect(received[0]!.headers['content-length']).toBe(String(body.byteLength));
    expect(received[0]!.headers['x-hub-signature-256']).toBe('sha256=abc123');
    expect(received[0]!.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(await response.text()).toBe(createHash('sha256').update(body).digest('hex'));
  });

  it('keeps the method, path and query string', async () => {
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      const hasBody = method !== 'GET' && method !== 'OPTIONS';
      await proxy('/graphql/a%20b/c?query=%7B%20me%20%7D&x=1&x=2&emoji=%E2%9C%85', {
        method,
        body: hasBody ? 'x' : undefined,
      });
    }
    expect(received.map((r) => r.method)).toEqual([
      'GET',
      'POST',
      'PUT',
      'PATCH',
      'DELETE',
      'OPTIONS',
    ]);
    for (const r of received) {
      expect(r.url).toBe('/graphql/a%20b/c?query=%7B%20me%20%7D&x=1&x=2&emoji=%E2%9C%85');
    }
  });

  it('forwards end-to-end headers, drops hop-by-hop ones and sets X-Forwarded-*', async () => {
    await proxy(
      '/graphql',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: 'Bearer token-1',
          cookie: 'session=abc; theme=dark',
          'x-request-id': 'req-42',
          'accept-encoding': 'gzip, br',
          connection: 'keep-alive, x-remove-me',
          'keep-alive': 'timeout=5',
          'x-remove-me': 'named by Connection',
          'proxy-authorization': 'Basic secret',
          te: 'trailers',
          upgrade: 'websocket',
          'x-forwarded-for': '198.51.100.1',
          'x-real-ip': '198.51.100.2',
          forwarded: 'for=198.51.100.3',
        },
        body: '{"query":"{ me { id } }"}',
      },
      '203.0.113.7',
    );

    const headers = received[0]!.headers;
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      authorization: 'Bearer token-1',
      cookie: 'session=abc; theme=dark',
      'x-request-id': 'req-42',
      'accept-encoding': 'gzip, br',
      // The client's own claims are dropped: only the address this server saw goes on.
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'spendline.example',
      // node:http names the api here, not the public host
      host: new URL(upstreamUrlBase).host,
    });
    for (const name of [
      'x-remove-me',
      'keep-alive',
      'proxy-authorization',
      'te',
      'upgrade',
      'x-real-ip',
      'forwarded',
    ]) {
      expect(headers, name).not.toHaveProperty(name);
    }
    // Node's own connection handling, not the client's `keep-alive, x-remove-me`
    expect(headers.connection).not.toContain('x-remove-me');
  });

  it('sends the length of the body it forwards, and none for a GET', async () => {
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"query":'));
        controller.enqueue(new TextEncoder().encode('"{ me { id } }"}'));
        controller.close();
      },
    });
    await proxy('/graphql', {
      method: 'POST',
      headers: { 'transfer-encoding': 'chunked' },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    expect(received[0]!.headers['content-length']).toBe('25');
    expect(received[0]!.headers).not.toHaveProperty('transfer-encoding');
    expect(received[0]!.body.toString()).toBe('{"query":"{ me { id } }"}');

    await proxy('/graphql?query=%7Bme%7D', { headers: { 'content-length': '12' } });
    expect(received[1]!.headers).not.toHaveProperty('content-length');
    expect(received[1]!.body.byteLength).toBe(0);
  });

  it('starts X-Forwarded-For when the client sent none', async () => {
    await proxy('/graphql', undefined, '192.0.2.9');
    expect(received[0]!.headers['x-forwarded-for']).toBe('192.0.2.9');
  });

  it('sends no X-Forwarded-For of the client’s when this server could not tell its address', async () => {
    await proxy('/graphql', { headers: { 'x-forwarded-for': '198.51.100.1' } }, null);
    expect(received[0]!.headers).not.toHaveProperty('x-forwarded-for');
  });

  it('returns the status, headers and body of the api, repeated headers included', async () => {
    handler = (_req, res) => {
      res.writeHead(201, 'Created', [
        ['content-type', 'application/json; charset=utf-8'],
        ['set-cookie', 'a=1; Path=/; HttpOnly'],
        ['set-cookie', 'b=2; Path=/'],
        ['x-request-id', 'req-42'],
        ['cache-control', 'no-store'],
      ]);
      res.end('{"ok":"✅ ₹120.00"}');
    };

    const response = await proxy('/graphql', { method: 'POST', body: '{}' });

    expect(response.status).toBe(201);
    expect(response.statusText).toBe('Created');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/; HttpOnly', 'b=2; Path=/']);
    expect(response.headers.get('x-request-id')).toBe('req-42');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.has('transfer-encoding')).toBe(false);
    expect(response.headers.has('connection')).toBe(false);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(
      Buffer.from('{"ok":"✅ ₹120.00"}', 'utf8'),
    );
  });

  it('passes error statuses through untouched', async () => {
    handler = (_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' });
      res.end('{"error":"unauthenticated"}');
    };
    const response = await proxy('/graphql');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(await response.json()).toEqual({ error: 'unauthenticated' });
  });

  it('does not decompress: a gzip body arrives as the api sent it', async () => {
    const gzipped = Buffer.from(
      '1f8b0800000000000003cb48cdc9c95728cf2fca490100c2a99a4d0b000000',
      'hex',
    );
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      res.end(gzipped);
    };
    const response = await proxy('/graphql', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(Buffer.from(await response.arrayBuffer()).equals(gzipped)).toBe(true);
  });

  it('has no body for HEAD requests and 204 responses', async () => {
    handler = (req, res) => {
      res.writeHead(req.method === 'HEAD' ? 200 : 204, { 'x-seen': req.method });
      res.end();
    };
    const head = await proxy('/graphql', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    const empty = await proxy('/graphql', { method: 'POST', body: '{}' });
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
  });

  it('streams the response: server-sent events arrive before the api finishes', async () => {
    let finish = () => {};
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('data: first\n\n');
      finish = () => res.end('data: last\n\n');
    };

    const response = await proxy('/graphql/stream', { headers: { accept: 'text/event-stream' } });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();

    const first = await reader.read();
    expect(decoder.decode(first.value)).toBe('data: first\n\n');

    finish();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += decoder.decode(chunk.value, { stream: true });
    }
    expect(rest).toBe('data: last\n\n');
  });

  it('closes the api request when the client goes away mid-stream', async () => {
    const closed = new Promise<void>((resolve) => {
      handler = (req, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('data: hello\n\n');
        res.on('close', () => resolve());
      };
    });
    const client = new AbortController();
    const response = await proxyRequest(
      new Request(`${WEB}/graphql/stream`, { signal: client.signal }),
      { upstream: upstreamUrlBase },
    );
    const reader = response.body!.getReader();
    await reader.read();
    client.abort();
    await closed;
  });

  it('answers 502 api_unavailable when the api is down, and reports why', async () => {
    // A port that was just free: nothing listens there.
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const deadPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));

    const errors: string[] = [];
    const response = await proxyRequest(
      new Request(`${WEB}/whatsapp/webhook`, { method: 'POST', body: '{"entry":[]}' }),
      {
        upstream: `http://127.0.0.1:${deadPort}`,
        onError: (error) => errors.push(error.message),
      },
    );

    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: 'api_unavailable' });
    expect(errors).toEqual([expect.stringContaining('ECONNREFUSED')]);
  });

  it('answers 413 when the server refuses the request body as too large', async () => {
    // What SvelteKit's adapter does when a body exceeds BODY_SIZE_LIMIT.
    const tooLarge = Object.assign(new Error('Payload Too Large'), { status: 413 });
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => controller.error(tooLarge),
    });
    const response = await proxyRequest(
      new Request(`${WEB}/graphql`, { method: 'POST', body, duplex: 'half' } as RequestInit),
      { upstream: upstreamUrlBase },
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'payload_too_large' });
    expect(received).toHaveLength(0);
  });

  it('answers 413 for a body over its own limit, declared or only counted', async () => {
    const chunked = new ReadableStream<Uint8Array>({
      start: (controller) => {
        controller.enqueue(new Uint8Array(600));
        controller.enqueue(new Uint8Array(600));
        controller.close();
      },
    });
    const requests = [
      new Request(`${WEB}/graphql`, {
        method: 'POST',
        body: chunked,
        duplex: 'half',
      } as RequestInit),
      new Request(`${WEB}/graphql`, { method: 'POST', body: new Uint8Array(1001) }),
    ];
    for (const request of requests) {
      const response = await proxyRequest(request, {
        upstream: upstreamUrlBase,
        maxBodyBytes: 1000,
      });
      expect(response.status).toBe(413);
    }
    expect(received).toHaveLength(0);
  });
});
