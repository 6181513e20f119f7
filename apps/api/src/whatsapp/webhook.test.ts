import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@spendline/config';
import type { Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createLogger } from '@spendline/log';
import { signPayload } from '@spendline/whatsapp';
import {
  signedWebhookRequest,
  signWebhookPayload,
  startGraphSimulator,
  statusWebhook,
  type GraphSimulator,
} from '@spendline/whatsapp/simulator';
import type { InboundHandler, InboxProcessor } from '@spendline/whatsapp/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiServer } from '../server.ts';
import { startWhatsAppChannel, type WhatsAppChannel } from './channel.ts';
import { until } from './test-chat.ts';

const appSecret = 'test-app-secret';
const phoneNumberId = '1234567890';
const logger = createLogger({ level: 'silent' });

let db: Database;
let simulator: GraphSimulator;
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  db = await createTestDatabase();
  simulator = await startGraphSimulator({ accessToken: 'test-token' });
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await simulator.close();
  await db.close();
});

const config = () =>
  loadConfig({
    env: {
      WEBHOOK_SECRET: appSecret,
      WHATSAPP_VERIFY_TOKEN: 'verify-me',
      WHATSAPP_ACCESS_TOKEN: 'test-token',
      WHATSAPP_PHONE_NUMBER_ID: phoneNumberId,
      WHATSAPP_API_URL: simulator.apiUrl,
    },
    envFile: undefined,
  });

async function channel(handler?: InboundHandler): Promise<WhatsAppChannel> {
  const started = await startWhatsAppChannel({
    db: db.sql,
    config: config(),
    logger,
    dispatchIntervalMs: 50,
    ...(handler ? { handler } : {}),
  });
  closers.push(() => started.stop());
  return started;
}

/** An api on a free port; `processor` decides what happens after the 200. */
async function api(processor: InboxProcessor): Promise<string> {
  const server: Server = createApiServer({
    db,
    logger,
    whatsapp: { channel: { processor }, appSecret, verifyToken: 'verify-me' },
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/whatsapp/webhook/`;
}

/** A processor that stores nothing further: as if the api died right after answering. */
const paused = (real: InboxProcessor): InboxProcessor => ({ ...real, kick: () => {} });

/** Any bytes, signed as Meta would sign them. */
const signedBytes = (body: Buffer) => ({
  body,
  headers: {
    'content-type': 'application/json',
    'x-hub-signature-256': signPayload(body, appSecret),
  },
});

function post(url: string, request: { body: Buffer; headers: Record<string, string> }) {
  return fetch(url, {
    method: 'POST',
    headers: request.headers,
    body: new Uint8Array(request.body),
  });
}

const text = (body: string, extra: Record<string, unknown> = {}) =>
  signedWebhookRequest({ appSecret, phoneNumberId, from: '919812345678', text: body, ...extra });

describe('GET /whatsapp/webhook/ (verification)', () => {
  it('echoes the challenge for the right token and refuses anything else', async () => {
    const url = await api(paused((await channel()).processor));
    const ok = await fetch(
      `${url}?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    for (const query of [
      'hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1',
      'hub.mode=unsubscribe&hub.verify_token=verify-me&hub.challenge=1',
      'hub.verify_token=verify-me',
    ]) {
      expect((await fetch(`${url}?${query}`)).status).toBe(403);
    }
    expect(
      (
        await fetch(
          `${url.slice(0, -1)}?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=7`,
        )
      ).status,
    ).toBe(200);
  });
});

describe('POST /whatsapp/webhook/', () => {
  it('refuses a missing or wrong signature with 401 and stores nothing', async () => {
    const url = await api(paused((await channel()).processor));
    const good = text('120 petrol');
    const unsigned = Object.fromEntries(
      Object.entries(good.headers).filter(([name]) => name !== 'x-hub-signature-256'),
    );
    expect((await post(url, { body: good.body, headers: unsigned })).status).toBe(401);
    const forged = signedWebhookRequest({
      appSecret: 'someone-else',
      phoneNumberId,
      from: '919812345678',
      text: 'x',
    });
    expect((await post(url, forged)).status).toBe(401);
    // Same bytes, re-serialised: Meta's \u escapes gone, so the signature no longer matches.
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(text('₹120 chai').body.toString())));
    expect(
      (await post(url, { body: reserialised, headers: text('₹120 chai').headers })).status,
    ).toBe(401);
    expect(await db.prisma.inboundMessage.count()).toBe(0);
    expect((await post(url, good)).status).toBe(200);
    expect(await db.prisma.inboundMessage.count()).toBe(1);
    // Counted for the operator page once answered: three refused, one from Meta.
    const tally = async () =>
      (await db.prisma.webhookOutcome.findMany({ orderBy: { outcome: 'asc' } })).map(
        (row) => `${row.outcome} ${row.count}`,
      );
    await until(async () => (await tally()).length === 2, 'both outcomes recorded');
    await until(async () => (await tally()).join() === 'accepted 1,bad_signature 3', 'the counts');
  });

  it('answers bad requests with a clear 4xx and odd payloads with 200', async () => {
    const url = await api(paused((await channel()).processor));
    const good = text('hi');
    const wrongType = await post(url, {
      body: good.body,
      headers: { ...good.headers, 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(415);
    const notJson = Buffer.from('{"object": "whatsapp_business_account",');
    const badJson = await post(url, signedBytes(notJson));
    expect(badJson.status).toBe(400);
    const huge = Buffer.alloc(4 * 1024 * 1024, 0x20);
    const tooBig = await post(url, signedBytes(huge));
    expect(tooBig.status).toBe(413);
    const odd = Buffer.from(JSON.stringify({ object: 'page', entry: 'nope' }));
    const oddAnswer = await post(url, signedBytes(odd));
    expect(oddAnswer.status).toBe(200);
    expect(await db.prisma.inboundMessage.count()).toBe(0);
  });

  it('hands a message to the conversation once, even when delivered five times at once', async () => {
    const handled: string[] = [];
    const handler: InboundHandler = ({ message }) => {
      handled.push(message.waMessageId);
      return Promise.resolve();
    };
    const url = await api((await channel(handler)).processor);
    const request = text('120 petrol', { wamid: 'wamid.DUPLICATE1' });
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(url, request)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    await until(
      async () => (await db.prisma.inboundMessage.count({ where: { status: 'PROCESSED' } })) === 1,
      'processing',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(handled).toEqual(['wamid.DUPLICATE1']);
    expect(await db.prisma.inboundMessage.count()).toBe(1);
    expect(await db.prisma.conversation.count()).toBe(1);
  });

  it("processes one chat's messages in the order they were sent, not received", async () => {
    const order: string[] = [];
    const handler: InboundHandler = ({ message }) => {
      order.push(message.waMessageId);
      return Promise.resolve();
    };
    const live = await channel(handler);
    const url = await api(paused(live.processor));
    const at = (s: number) => new Date(Date.UTC(2026, 10, 24, 9, 0, s));
    await post(url, text('third', { wamid: 'wamid.3', timestamp: at(30) }));
    await post(url, text('first', { wamid: 'wamid.1', timestamp: at(10) }));
    await post(url, text('second', { wamid: 'wamid.2', timestamp: at(20) }));
    await live.processor.sweep();
    expect(order).toEqual(['wamid.1', 'wamid.2', 'wamid.3']);
  });

  it('moves outbound messages forward on statuses, never back', async () => {
    const url = await api(paused((await channel()).processor));
    const row = await db.prisma.outboundMessage.create({
      data: {
        recipient: '+919812345678',
        type: 'text',
        payload: {},
        status: 'SENT',
        providerMessageId: 'wamid.OUT1',
      },
    });
    const status = (s: string) =>
      statusWebhook({
        appSecret,
        phoneNumberId,
        wamid: 'wamid.OUT1',
        status: s,
        recipientPhone: '919812345678',
      });
    expect((await post(url, status('read'))).status).toBe(200);
    await post(url, status('delivered'));
    await post(url, status('failed'));
    expect(
      (await db.prisma.outboundMessage.findUniqueOrThrow({ where: { id: row.id } })).status,
    ).toBe('READ');
  });

  it('records a failure status with the reason Meta gives', async () => {
    const url = await api(paused((await channel()).processor));
    const row = await db.prisma.outboundMessage.create({
      data: {
        recipient: '+919812345678',
        type: 'text',
        payload: {},
        status: 'SENT',
        providerMessageId: 'wamid.OUT2',
      },
    });
    await post(
      url,
      statusWebhook({
        appSecret,
        phoneNumberId,
        wamid: 'wamid.OUT2',
        status: 'failed',
        recipientPhone: '919812345678',
        errors: [{ code: 131047, title: 'Re-engagement message' }],
      }),
    );
    expect(
      await db.prisma.outboundMessage.findUniqueOrThrow({ where: { id: row.id } }),
    ).toMatchObject({ status: 'FAILED', lastError: '131047 Re-engagement message' });
  });

  it('processes after a restart the messages it acknowledged before dying', async () => {
    const before = await channel();
    const url = await api(paused(before.processor));
    expect((await post(url, text('120 petrol', { wamid: 'wamid.BEFORE_CRASH' }))).status).toBe(200);
    expect(
      await db.prisma.inboundMessage.findUniqueOrThrow({
        where: { waMessageId: 'wamid.BEFORE_CRASH' },
      }),
    ).toMatchObject({ status: 'RECEIVED' });

    // A new process: its start-up sweep finds the message and the reply reaches "Meta".
    await channel();
    await until(
      () => Promise.resolve(simulator.messages.some((m) => m.to === '919812345678')),
      'the reply',
    );
    expect(
      await db.prisma.inboundMessage.findUniqueOrThrow({
        where: { waMessageId: 'wamid.BEFORE_CRASH' },
      }),
    ).toMatchObject({ status: 'PROCESSED' });
    const reply = simulator.messages.find((m) => m.to === '919812345678');
    expect(JSON.stringify(reply?.body)).toMatch(/isn't linked/);
  });

  it('replies politely to media it cannot read', async () => {
    const url = await api((await channel()).processor);
    await post(
      url,
      signedWebhookRequest({
        appSecret,
        phoneNumberId,
        from: '919812345678',
        unsupported: 'video',
      }),
    );
    await until(() => simulator.messages.length > 0, 'the reply');
    expect(JSON.stringify(simulator.messages[0]?.body)).toMatch(/can't read video messages/);
  });

  it('keeps the media id and type of a file it cannot read yet, for a later download', async () => {
    const url = await api(paused((await channel()).processor));
    const { payload } = signedWebhookRequest({
      appSecret,
      phoneNumberId,
      from: '919812345678',
      unsupported: 'document',
      wamid: 'wamid.DOC1',
    });
    const value = (payload as { entry: { changes: { value: { messages: object[] } }[] }[] })
      .entry[0]!.changes[0]!.value;
    value.messages[0] = {
      ...value.messages[0],
      document: {
        id: '1088412',
        mime_type: 'application/pdf',
        sha256: 'abc=',
        filename: 'bill.pdf',
      },
    };
    expect((await post(url, signWebhookPayload(payload, appSecret))).status).toBe(200);
    const stored = await db.prisma.inboundMessage.findUniqueOrThrow({
      where: { waMessageId: 'wamid.DOC1' },
    });
    expect(stored.payload).toMatchObject({
      content: { kind: 'unsupported', type: 'document' },
      media: { id: '1088412', mimeType: 'application/pdf', sha256: 'abc=', filename: 'bill.pdf' },
    });
  });

  it('stores a system notice as ignored and answers nothing', async () => {
    const url = await api((await channel()).processor);
    const { payload } = signedWebhookRequest({
      appSecret,
      phoneNumberId,
      from: '919812345678',
      unsupported: 'system',
      wamid: 'wamid.SYSTEM1',
    });
    const value = (payload as { entry: { changes: { value: { messages: object[] } }[] }[] })
      .entry[0]!.changes[0]!.value;
    value.messages[0] = {
      ...value.messages[0],
      system: {
        body: 'User changed from 919812345678 to 919800000000',
        type: 'user_changed_number',
      },
    };
    const notice = signWebhookPayload(payload, appSecret);
    expect((await post(url, notice)).status).toBe(200);
    expect((await post(url, notice)).status).toBe(200);
    // A text after it is answered, so the notice had its turn to be (wrongly) answered too.
    await post(url, text('hello', { wamid: 'wamid.AFTER_SYSTEM' }));
    await until(() => simulator.messages.length > 0, 'the reply to the text');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(simulator.messages).toHaveLength(1);
    expect(
      await db.prisma.inboundMessage.findUniqueOrThrow({ where: { waMessageId: 'wamid.SYSTEM1' } }),
    ).toMatchObject({ status: 'IGNORED', attempts: 0 });
    expect(await db.prisma.inboundMessage.count()).toBe(2);
  });

  it('marks a text read with a typing indicator when it takes it, and media without one', async () => {
    const url = await api((await channel()).processor);
    await post(url, text('120 petrol', { wamid: 'wamid.READ1' }));
    await post(
      url,
      signedWebhookRequest({
        appSecret,
        phoneNumberId,
        from: '919812345678',
        unsupported: 'image',
        wamid: 'wamid.IMAGE1',
      }),
    );
    await until(
      () => Promise.resolve(simulator.messages.length >= 2 && simulator.reads.length > 0),
      'both replies and the receipt',
    );
    expect(simulator.reads.map((r) => [r.messageId, r.typing])).toEqual([['wamid.READ1', true]]);
  });

  it('sends no read receipts in sandbox mode', async () => {
    const sandbox = await startWhatsAppChannel({
      db: db.sql,
      config: loadConfig({
        env: { WEBHOOK_SECRET: appSecret, WHATSAPP_API_URL: simulator.apiUrl },
        envFile: undefined,
      }),
      logger,
      dispatchIntervalMs: 50,
    });
    closers.push(() => sandbox.stop());
    const url = await api(sandbox.processor);
    await post(url, text('120 petrol', { wamid: 'wamid.SANDBOX1' }));
    await until(
      async () => (await db.prisma.outboundMessage.count({ where: { status: 'DELIVERED' } })) > 0,
      'the sandbox reply',
    );
    expect(simulator.reads).toHaveLength(0);
  });
});
