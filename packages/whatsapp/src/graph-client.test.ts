import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createGraphClient, type GraphClientOptions } from './graph-client.ts';
import { markRead, textMessage } from './messages.ts';

const TOKEN = 'EAAG-secret-token-123';
const PHONE_NUMBER_ID = '106540352242922';

interface Received {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
  body: unknown;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang';

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A real HTTP server standing in for Graph, answering every request with `reply`. */
async function stubGraph(reply: (received: Received) => Reply) {
  const received: Received[] = [];
  server = createServer((request, response) => {
    void readBody(request).then((text) => {
      const entry: Received = {
        method: request.method,
        url: request.url,
        authorization: request.headers.authorization,
        body: JSON.parse(text),
      };
      received.push(entry);
      const answer = reply(entry);
      if (answer === 'hang') return;
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      response.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { apiUrl: `http://127.0.0.1:${port}/v26.0`, received };
}

function graphError(code: number, message: string, details?: string) {
  return {
    error: {
      message,
      type: 'OAuthException',
      code,
      ...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
      fbtrace_id: 'AbCdEf',
    },
  };
}

function client(apiUrl: string, options: Partial<GraphClientOptions> = {}) {
  return createGraphClient({
    apiUrl,
    phoneNumberId: PHONE_NUMBER_ID,
    accessToken: TOKEN,
    ...options,
  });
}

const message = textMessage('+919812345678', 'Saved ₹120 for petrol');

describe('createGraphClient: success', () => {
  it('posts the body with the bearer token and returns the outbound wamid', async () => {
    const graph = await stubGraph(() => ({
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: '919812345678', wa_id: '919812345678' }],
        messages: [{ id: 'wamid.OUT1' }],
      },
    }));
    expect(await client(graph.apiUrl).send(message)).toEqual({
      ok: true,
      providerMessageId: 'wamid.OUT1',
    });
    expect(graph.received).toEqual([
      {
        method: 'POST',
        url: `/v26.0/${PHONE_NUMBER_ID}/messages`,
        authorization: `Bearer ${TOKEN}`,
        body: message,
      },
    ]);
  });

  it('tolerates a trailing slash on the API URL', async () => {
    const graph = await stubGraph(() => ({ status: 200, body: { messages: [{ id: 'w' }] } }));
    await client(`${graph.apiUrl}/`).send(message);
    expect(graph.received[0]?.url).toBe(`/v26.0/${PHONE_NUMBER_ID}/messages`);
  });

  it('marks a message read', async () => {
    const graph = await stubGraph(() => ({ status: 200, body: { success: true } }));
    const body = markRead('wamid.IN1', { typing: true });
    expect(await client(graph.apiUrl).markRead(body)).toEqual({ ok: true });
    expect(graph.received[0]?.body).toEqual(body);
  });

  it('does not retry a 200 that lacks a message id, as the message may have gone out', async () => {
    const graph = await stubGraph(() => ({ status: 200, body: { messages: [] } }));
    expect(await client(graph.apiUrl).send(message)).toMatchObject({
      ok: false,
      retryable: false,
      status: 200,
    });
  });
});

describe('createGraphClient: retryable failures', () => {
  it.each([
    [130429, 400, '(#130429) Rate limit hit'],
    [131056, 400, '(#131056) (Business Account, Consumer Account) pair rate limit hit'],
    [131057, 400, '(#131057) Account in maintenance mode'],
    [4, 400, '(#4) Application request limit reached'],
    [80007, 400, '(#80007) Rate limit issues'],
    [131000, 500, 'Something went wrong'],
  ])('retries Graph error %i', async (code, status, text) => {
    const graph = await stubGraph(() => ({ status, body: graphError(code, text) }));
    expect(await client(graph.apiUrl).send(message)).toEqual({
      ok: false,
      retryable: true,
      code,
      status,
      reason: text,
    });
  });

  it('retries HTTP 429 and passes Retry-After on in milliseconds', async () => {
    const graph = await stubGraph(() => ({
      status: 429,
      headers: { 'retry-after': '7' },
      body: graphError(130429, '(#130429) Rate limit hit'),
    }));
    expect(await client(graph.apiUrl).send(message)).toMatchObject({
      ok: false,
      retryable: true,
      status: 429,
      retryAfterMs: 7000,
    });
  });

  it('retries an HTTP 5xx even without a Graph error body', async () => {
    const graph = await stubGraph(() => ({ status: 502, body: '<html>Bad Gateway</html>' }));
    expect(await client(graph.apiUrl).send(message)).toEqual({
      ok: false,
      retryable: true,
      status: 502,
      reason: 'HTTP 502 without a Graph error',
    });
  });

  it('retries when Graph does not answer within the timeout', async () => {
    const graph = await stubGraph(() => 'hang');
    const started = Date.now();
    const result = await client(graph.apiUrl, { timeoutMs: 200 }).send(message);
    expect(result).toEqual({ ok: false, retryable: true, reason: 'no answer within 200 ms' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('retries when the connection is refused', async () => {
    const graph = await stubGraph(() => ({ status: 200 }));
    server?.close();
    const result = await client(graph.apiUrl).send(message);
    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(result.ok === false && result.reason).toMatch(/^network error: .*ECONNREFUSED/);
  });
});

describe('createGraphClient: permanent failures', () => {
  it.each([
    [131026, 400, 'Message undeliverable'],
    [131047, 400, 'Re-engagement message'],
    [131048, 400, 'Spam rate limit hit'],
    [131051, 400, 'Unsupported message type'],
    [100, 400, '(#100) Invalid parameter'],
    [190, 401, 'Error validating access token: Session has expired'],
    [131062, 400, 'Business-scoped User ID recipients are not supported for this message'],
  ])('does not retry Graph error %i and reports its message', async (code, status, text) => {
    const graph = await stubGraph(() => ({ status, body: graphError(code, text) }));
    expect(await client(graph.apiUrl).send(message)).toEqual({
      ok: false,
      retryable: false,
      code,
      status,
      reason: text,
    });
  });

  it('appends Graph error details to the reason', async () => {
    const details = 'Message failed to send because more than 24 hours have passed';
    const graph = await stubGraph(() => ({
      status: 400,
      body: graphError(131047, 'Re-engagement message', details),
    }));
    const result = await client(graph.apiUrl).send(message);
    expect(result).toMatchObject({ reason: `Re-engagement message: ${details}` });
  });

  it('does not retry an unknown 4xx', async () => {
    const graph = await stubGraph(() => ({ status: 404, body: { nothing: 'here' } }));
    expect(await client(graph.apiUrl).send(message)).toEqual({
      ok: false,
      retryable: false,
      status: 404,
      reason: 'HTTP 404 without a Graph error',
    });
  });

  it('never returns the access token, even when Graph echoes it', async () => {
    const graph = await stubGraph((received) => ({
      status: 401,
      body: graphError(190, `Invalid OAuth access token: ${received.authorization ?? ''}`),
    }));
    const result = await client(graph.apiUrl).markRead(markRead('wamid.IN1', { typing: false }));
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(result).toMatchObject({ ok: false, retryable: false, code: 190 });
  });
});
