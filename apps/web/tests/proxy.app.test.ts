// The proxy inside the built server (build/index.js), over plain HTTP: what adapter-node
// adds around `handle` (body size limit, streaming the response) is tested here.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStubApi, startWebServer, type StubApi, type WebServer } from './app.ts';

let api: StubApi;
let web: WebServer;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** POST with a Host header of our choosing (fetch sends the URL's). */
function postWithHost(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${web.url}${path}`, { method: 'POST', headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  api = await startStubApi((_req, res, body) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`${body.byteLength} ${sha256(body)}`);
  });
  web = await startWebServer({ API_URL: api.url });
});

afterAll(async () => {
  await web?.stop();
  await api?.close();
});

describe('proxy in the built server', () => {
  it('accepts a 3 MB webhook body and delivers the exact bytes', async () => {
    const body = Buffer.concat([
      Buffer.from('{"text":"₹120 पेट्रोल ✅"}', 'utf8'),
      randomBytes(3 * 1024 * 1024 - 64),
    ]);

    const response = await fetch(`${web.url}/whatsapp/webhook?hub.mode=x`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=deadbeef' },
      body,
    });

    expect(response.status).toBe(200);
    expect(await response.text()).toBe(`${body.byteLength} ${sha256(body)}`);
    const received = api.received.at(-1)!;
    expect(received.url).toBe('/whatsapp/webhook?hub.mode=x');
    expect(received.headers['x-hub-signature-256']).toBe('sha256=deadbeef');
    expect(received.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(received.headers['x-forwarded-host']).toBe(new URL(web.url).host);
  });

  it('lets the routing check through as curl sends it, and keeps the form and host checks', async () => {
    api.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"success"}');
    });
    // `curl -X POST https://<host>/whatsapp/test/`: no Origin, no content type.
    const check = await fetch(`${web.url}/whatsapp/test/`, { method: 'POST' });
    expect(check.status).toBe(200);
    expect(await check.json()).toEqual({ status: 'success' });
    expect(api.received.at(-1)).toMatchObject({ method: 'POST', url: '/whatsapp/test/' });

    const before = api.received.length;
    const form = await fetch(`${web.url}/whatsapp/webhook/`, { method: 'POST', body: 'a=1' });
    expect(form.status).toBe(403);
    expect(await postWithHost('/whatsapp/test/', 'evil.example')).toBe(400);
    expect(api.received.length).toBe(before);
  });

  it('refuses bodies over the limit with 413 and never bothers the api', async () => {
    const before = api.received.length;
    const response = await fetch(`${web.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(3 * 1024 * 1024 + 1, 0x61),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'payload_too_large' });
    expect(api.received.length).toBe(before);
  });

  it('streams server-sent events as they are written', async () => {
    let finish = () => {};
    api.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('event: expense\ndata: {"amount":"120.00"}\n\n');
      finish = () => res.end('event: done\ndata: {}\n\n');
    });

    const response = await fetch(`${web.url}/graphql/stream`, {
      headers: { accept: 'text/event-stream' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();

    // The first event arrives while the api is still holding the response open.
    const first = await reader.read();
    expect(decoder.decode(first.value)).toBe('event: expense\ndata: {"amount":"120.00"}\n\n');

    finish();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += decoder.decode(chunk.value, { stream: true });
    }
    expect(rest).toBe('event: done\ndata: {}\n\n');
  });

  it('answers 502 api_unavailable when the api is down, and keeps serving pages', async () => {
    await api.close();

    const response = await fetch(`${web.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ me { id } }"}',
    });
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ error: 'api_unavailable' });
    expect(web.output()).toContain('proxy: POST /graphql');

    expect((await fetch(`${web.url}/`)).status).toBe(200);
  });
});
