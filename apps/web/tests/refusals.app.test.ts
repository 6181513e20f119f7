// What the built server says when it turns a request away before any page runs: the
// status, and a short sentence in the reader's language.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStubApi, startWebServer, type StubApi, type WebServer } from './app.ts';

let api: StubApi;
let web: WebServer;

beforeAll(async () => {
  api = await startStubApi((_req, res) => {
    res.writeHead(500);
    res.end();
  });
  web = await startWebServer({ API_URL: api.url });
});

afterAll(async () => {
  await web?.stop();
  await api?.close();
});

/** A request with headers of our choosing (fetch sends the URL's Host). */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<{ status: number; language: string | undefined; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${web.url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, language: res.headers['content-language'], text }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('refusals in the built server', () => {
  it('tells a Portuguese reader an unknown host, a cross-site form and a body too large in Portuguese', async () => {
    const portuguese = { 'accept-language': 'pt-BR,pt;q=0.9,en;q=0.8' };

    expect(await send('GET', '/', { ...portuguese, host: 'evil.example' })).toEqual({
      status: 400,
      language: 'pt-BR',
      text: 'Este site não atende neste endereço.',
    });

    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect(
      await send('POST', '/login/', { ...portuguese, ...form, origin: 'https://evil.example' }),
    ).toEqual({
      status: 403,
      language: 'pt-BR',
      text: 'Formulários enviados de outros sites são recusados.',
    });

    const body = Buffer.alloc(3 * 1024 * 1024 + 1, 0x61);
    expect(
      await send('POST', '/login/', { ...portuguese, ...form, origin: web.url }, body),
    ).toEqual({ status: 413, language: 'pt-BR', text: 'O que você enviou é grande demais.' });
  });

  it('follows the language picked on a sign-in page over the browser’s', async () => {
    const answer = await send('GET', '/', {
      host: 'evil.example',
      'accept-language': 'pt-BR',
      cookie: 'locale=hi-IN',
    });
    expect(answer).toEqual({
      status: 400,
      language: 'hi-IN',
      text: 'यह साइट इस पते पर नहीं चलती।',
    });
  });
});
