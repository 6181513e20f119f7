import { once } from 'node:events';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createLogger } from '@spendline/log';
import { signedWebhookRequest } from '@spendline/whatsapp/simulator';
import type { InboxProcessor } from '@spendline/whatsapp/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer } from '../server.ts';

const appSecret = 'test-app-secret';

let db: Database;
let server: Server;
let base: string;
const kicked: string[] = [];

// Records what the webhook hands on for processing; the routing check must hand on nothing.
const processor: InboxProcessor = {
  kick: (ids) => kicked.push(...ids),
  sweep: () => Promise.resolve(0),
  processConversation: () => Promise.resolve(0),
  idle: () => Promise.resolve(),
  stop: () => Promise.resolve(),
};

beforeAll(async () => {
  db = await createTestDatabase();
  server = createApiServer({
    db,
    logger: createLogger({ level: 'silent' }),
    allowedHosts: ['spendline.example.com'],
    whatsapp: { channel: { processor }, appSecret, verifyToken: 'verify-me' },
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.close();
});

/** A request with a Host header of our choosing (fetch always sends the URL's). */
function statusWithHost(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: 'POST', headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

const metaLikeMessage = () =>
  signedWebhookRequest({
    appSecret,
    phoneNumberId: '1234567890',
    from: '919812345678',
    text: '120 petrol',
  });

describe('/whatsapp/test/ (the routing check)', () => {
  it('answers a bare POST, as curl sends it, with {"status":"success"}', async () => {
    for (const path of ['/whatsapp/test/', '/whatsapp/test']) {
      const response = await fetch(`${base}${path}`, { method: 'POST' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({ status: 'success' });
    }
  });

  it('answers GET the same way, for a browser', async () => {
    const response = await fetch(`${base}/whatsapp/test/`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'success' });
  });

  it('stores and processes nothing, unsigned or signed, where the webhook would', async () => {
    const message = metaLikeMessage();
    const unsigned = await fetch(`${base}/whatsapp/test/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array(message.body),
    });
    const signed = await fetch(`${base}/whatsapp/test/`, {
      method: 'POST',
      headers: message.headers,
      body: new Uint8Array(message.body),
    });
    expect([unsigned.status, signed.status]).toEqual([200, 200]);
    expect(await signed.json()).toEqual({ status: 'success' });
    expect(await db.prisma.inboundMessage.count()).toBe(0);
    expect(await db.prisma.conversation.count()).toBe(0);
    expect(kicked).toEqual([]);

    // The same bytes at the webhook are a message: stored and handed on.
    const webhook = await fetch(`${base}/whatsapp/webhook/`, {
      method: 'POST',
      headers: message.headers,
      body: new Uint8Array(message.body),
    });
    expect(await webhook.json()).toEqual({ received: 1 });
    expect(await db.prisma.inboundMessage.count()).toBe(1);
    expect(kicked).toHaveLength(1);
  });

  it('keeps the host check: a Host outside ALLOWED_HOSTS gets 400', async () => {
    expect(await statusWithHost('/whatsapp/test/', 'evil.example')).toBe(400);
    expect(await statusWithHost('/whatsapp/test/', 'spendline.example.com')).toBe(200);
  });

  it('refuses other methods with 405', async () => {
    const response = await fetch(`${base}/whatsapp/test/`, { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
  });
});
