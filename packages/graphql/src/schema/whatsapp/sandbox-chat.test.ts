import {
  authenticationTemplate,
  listMessage,
  replyButtons,
  textMessage,
  verifySignature,
} from '@spendline/whatsapp';
import { createHash } from 'node:crypto';
import { enqueueOutbound } from '@spendline/whatsapp/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestServer,
  TEST_CONFIG,
  TestClient,
  type TestServer,
} from '../../testing/test-server.ts';
import { startRecordingWebhook, type RecordingWebhook } from '../../testing/test-webhook.ts';

const SECRET = 'sandbox-test-webhook-secret';
const PHONE_NUMBER_ID = '15550001111';
const PHONE = '+919812345678';
const BOBS_PHONE = '+919800000009';

const SEND = `mutation ($input: SandboxSendInput!) {
  sandboxSend(input: $input) {
    __typename
    ... on SandboxSendSuccess { message { id direction text } }
    ... on ValidationError { problems { path message } }
    ... on ConflictError { reason: message field }
  }
}`;
const CHAT = `query ($phone: String!, $last: Int) {
  sandboxChat(phone: $phone, last: $last) {
    id direction text header footer listButton at
    buttons { id title description }
    listRows { id title description }
  }
}`;

interface ChatMessage {
  direction: string;
  text: string | null;
  header: string | null;
  footer: string | null;
  listButton: string | null;
  buttons: { id: string; title: string; description: string | null }[];
  listRows: { id: string; title: string; description: string | null }[];
}

let server: TestServer;
let webhook: RecordingWebhook;
let alice: TestClient;
let bob: TestClient;

async function send(client: TestClient, input: Record<string, unknown>) {
  const res = await client.request<{
    sandboxSend: { __typename: string; message?: { direction: string; text: string } };
  }>(SEND, { input });
  return { res, result: res.data?.sandboxSend };
}

async function chat(client: TestClient, phone: string, last?: number) {
  return client.request<{ sandboxChat: ChatMessage[] }>(CHAT, { phone, last });
}

async function conversationId(phone: string): Promise<string> {
  const conversation = await server.db.prisma.conversation.findFirstOrThrow({
    where: { phoneNumber: phone },
  });
  return conversation.id;
}

/** Queues a bot message and gives it a sandbox wamid, as the dispatcher would. */
async function botSays(message: Parameters<typeof enqueueOutbound>[1], conversation?: string) {
  // Distinct timestamps keep the chat's order the order of writing.
  await new Promise((resolve) => setTimeout(resolve, 5));
  const row = await enqueueOutbound(server.db.sql, message, conversation);
  return server.db.prisma.outboundMessage.update({
    where: { id: row.id },
    data: { providerMessageId: `sandbox.${row.id}`, status: 'DELIVERED', sentAt: new Date() },
  });
}

beforeAll(async () => {
  server = await startTestServer({
    sandboxChat: {
      webhookUrl: () => webhook.url,
      appSecret: SECRET,
      phoneNumberId: PHONE_NUMBER_ID,
    },
  });
  webhook = await startRecordingWebhook(server.db.sql, SECRET);
  alice = new TestClient(server.url);
  await alice.register('alice@example.com', 'alice passphrase 1', { displayName: 'Alice' });
});
afterAll(async () => {
  await webhook.close();
  await server.close();
});

async function userId(email: string): Promise<string> {
  return (await server.db.prisma.user.findUniqueOrThrow({ where: { email } })).id;
}

describe('sandboxSend', () => {
  it('posts text as a webhook signed like Meta’s and returns the stored message', async () => {
    const before = webhook.requests.length;
    const { result } = await send(alice, { phone: '+91 98123 45678', text: '120 petrol' });
    expect(result).toMatchObject({
      __typename: 'SandboxSendSuccess',
      message: { direction: 'INBOUND', text: '120 petrol' },
    });
    expect(webhook.requests).toHaveLength(before + 1);
    const request = webhook.requests.at(-1);
    if (!request) throw new Error('no webhook request');
    const signature = request.headers['x-hub-signature-256'] as string;
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(request.body, signature, SECRET)).toBe(true);
    expect(verifySignature(request.body, signature, 'another secret')).toBe(false);
    expect(request.json.entry[0]?.changes[0]?.value.metadata.phone_number_id).toBe(PHONE_NUMBER_ID);
    expect(request.json.entry[0]?.changes[0]?.value.contacts[0]).toMatchObject({
      wa_id: '919812345678',
      profile: { name: 'Alice' },
    });
    expect(webhook.lastMessage()).toMatchObject({
      from: '919812345678',
      type: 'text',
      text: { body: '120 petrol' },
    });
    const stored = await server.db.prisma.inboundMessage.findUniqueOrThrow({
      where: { waMessageId: webhook.lastMessage()?.id as string },
    });
    expect(stored.id).toBe(
      (result as { message: { id: string } } | undefined)?.message.id ?? 'missing',
    );
  });

  it('sends a photo or a voice note as Meta would, naming the sender’s kept file as its media id', async () => {
    const SEND_MEDIA = `mutation ($input: SandboxSendMediaInput!, $file: File!) {
      sandboxSendMedia(input: $input, file: $file) {
        __typename
        ... on SandboxSendMediaSuccess { message { direction text media { type url } } }
        ... on ValidationError { problems { path message } }
      }
    }`;
    type Sent = {
      sandboxSendMedia: {
        __typename: string;
        message?: { text: string | null; media: { type: string; url: string } | null };
        problems?: { path: string[]; message: string }[];
      };
    };
    const photo = Buffer.from('a photo of a bill, as bytes');
    const res = await alice.upload<Sent>(
      SEND_MEDIA,
      { input: { phone: PHONE, caption: 'lunch with team' } },
      { file: { bytes: photo, type: 'image/jpeg' } },
    );
    const sent = res.data?.sandboxSendMedia;
    expect(sent?.__typename).toBe('SandboxSendMediaSuccess');
    const kept = await server.db.prisma.attachment.findFirstOrThrow({
      where: { userId: await userId('alice@example.com') },
      orderBy: { createdAt: 'desc' },
    });
    expect(Buffer.from(kept.bytes).equals(photo)).toBe(true);
    expect(sent?.message).toEqual({
      direction: 'INBOUND',
      text: 'lunch with team',
      media: { type: 'IMAGE', url: `/attachments/${kept.id}` },
    });
    expect(webhook.lastMessage()).toMatchObject({
      type: 'image',
      image: {
        id: `attachment:${kept.id}`,
        mime_type: 'image/jpeg',
        sha256: createHash('sha256').update(photo).digest('base64'),
        caption: 'lunch with team',
      },
    });

    const voice = await alice.upload<Sent>(
      SEND_MEDIA,
      { input: { phone: PHONE } },
      { file: { bytes: Buffer.from('OggS voice'), type: 'audio/ogg; codecs=opus' } },
    );
    expect(voice.data?.sandboxSendMedia.message?.media?.type).toBe('AUDIO');
    expect(webhook.lastMessage()).toMatchObject({
      type: 'audio',
      audio: { mime_type: 'audio/ogg', voice: true },
    });

    const before = webhook.requests.length;
    const refused = await alice.upload<Sent>(
      SEND_MEDIA,
      { input: { phone: PHONE } },
      { file: { bytes: Buffer.from('%PDF-1.7'), type: 'application/pdf' } },
    );
    expect(refused.data?.sandboxSendMedia.problems?.[0]?.message).toMatch(
      /^This file type can’t be used here: send a JPEG, a PNG, a WebP image, an OGG/,
    );
    expect(webhook.requests).toHaveLength(before);
  });

  it('sends a tapped reply button as a button_reply, and a list row as a list_reply', async () => {
    const phone = '+919812340001';
    await send(alice, { phone, text: 'lunch 250' });
    const conversation = await conversationId(phone);
    const buttons = await botSays(
      replyButtons(phone, 'Which category?', [
        { id: 'cat:food', title: 'Food' },
        { id: 'cat:new', title: 'New category' },
      ]),
      conversation,
    );
    const tapped = await send(alice, { phone, choiceId: 'cat:food', choiceTitle: 'Food' });
    expect(tapped.result).toMatchObject({ message: { direction: 'INBOUND', text: 'Food' } });
    expect(webhook.lastMessage()).toMatchObject({
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'cat:food', title: 'Food' } },
      context: { id: buttons.providerMessageId },
    });

    const list = await botSays(
      listMessage(phone, 'Pick one', 'Categories', [
        {
          title: 'Yours',
          rows: [{ id: 'row:fuel', title: 'Fuel', description: 'Petrol, diesel' }],
        },
        { title: 'More', rows: [{ id: 'cat:new', title: 'New category' }] },
      ]),
      conversation,
    );
    await send(alice, { phone, choiceId: 'row:fuel' });
    expect(webhook.lastMessage()).toMatchObject({
      interactive: {
        type: 'list_reply',
        list_reply: { id: 'row:fuel', title: 'Fuel', description: 'Petrol, diesel' },
      },
      context: { id: list.providerMessageId },
    });
    // The latest interactive message (the list) decides, even for an id a button had.
    await send(alice, { phone, choiceId: 'cat:new', choiceTitle: 'New category' });
    expect(webhook.lastMessage()).toMatchObject({
      interactive: { type: 'list_reply', list_reply: { id: 'cat:new', title: 'New category' } },
    });
  });

  it('refuses anything but exactly one of text and choiceId, and numbers that are not E.164', async () => {
    const before = webhook.requests.length;
    for (const input of [
      { phone: PHONE, text: 'hi', choiceId: 'x' },
      { phone: PHONE },
      { phone: '12345', text: 'hi' },
      { phone: PHONE, text: '   ' },
    ]) {
      const { result } = await send(alice, input);
      expect(result?.__typename).toBe('ValidationError');
    }
    expect(webhook.requests).toHaveLength(before);
  });
});

describe('sandboxChat', () => {
  it('shows the bot’s text, buttons, list and code template, oldest first', async () => {
    const phone = '+919812340002';
    await send(alice, { phone, text: 'coffee 90' });
    const conversation = await conversationId(phone);
    await botSays(textMessage(phone, 'Saved ₹90 for Food.'), conversation);
    await botSays(
      replyButtons(
        phone,
        'Save anyway?',
        [
          { id: 'yes', title: 'Yes' },
          { id: 'no', title: 'No' },
        ],
        { header: 'Large amount', footer: 'Spendline' },
      ),
      conversation,
    );
    await botSays(
      listMessage(phone, 'Which category?', 'Choose', [
        { title: 'A', rows: [{ id: 'a1', title: 'Food', description: 'Meals' }] },
        { title: 'B', rows: [{ id: 'b1', title: 'Fuel' }] },
      ]),
      conversation,
    );
    // A code queued before any conversation: matched by recipient alone.
    await botSays(authenticationTemplate(phone, '482913', 'en'));

    const res = await chat(alice, phone);
    expect(res.errors).toBeUndefined();
    expect(res.data?.sandboxChat).toEqual([
      expect.objectContaining({ direction: 'INBOUND', text: 'coffee 90', buttons: [] }),
      expect.objectContaining({ direction: 'OUTBOUND', text: 'Saved ₹90 for Food.', listRows: [] }),
      expect.objectContaining({
        text: 'Save anyway?',
        header: 'Large amount',
        footer: 'Spendline',
        buttons: [
          { id: 'yes', title: 'Yes', description: null },
          { id: 'no', title: 'No', description: null },
        ],
        listButton: null,
      }),
      expect.objectContaining({
        text: 'Which category?',
        buttons: [],
        listButton: 'Choose',
        listRows: [
          { id: 'a1', title: 'Food', description: 'Meals' },
          { id: 'b1', title: 'Fuel', description: null },
        ],
      }),
      expect.objectContaining({
        direction: 'OUTBOUND',
        text: expect.stringContaining('482913 is your verification code') as string,
      }),
    ]);

    const lastTwo = await chat(alice, phone, 2);
    expect(lastTwo.data?.sandboxChat.map((m) => m.listButton ?? m.text)).toEqual([
      'Choose',
      expect.stringContaining('482913') as string,
    ]);
    expect((await chat(alice, phone, 201)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('works with a personal API token', async () => {
    const created = await alice.ok<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(name: "sandbox") { ... on ApiTokenCreated { token } } }',
    );
    const script = new TestClient(server.url);
    script.bearer = created.createApiToken.token;
    const res = await chat(script, PHONE);
    expect(res.data?.sandboxChat.map((m) => m.text)).toContain('120 petrol');
  });
});

describe('sandbox chat scoping', () => {
  beforeAll(async () => {
    bob = new TestClient(server.url);
    await bob.register('bob@example.com', 'bob passphrase 12');
    await server.db.prisma.whatsAppLink.create({
      data: { userId: await userId('bob@example.com'), phoneNumber: BOBS_PHONE },
    });
    // Bob's chat, with a reply only Bob may read.
    await send(bob, { phone: BOBS_PHONE, text: 'bob rent 20000' });
    await botSays(textMessage(BOBS_PHONE, 'bob secret reply'), await conversationId(BOBS_PHONE));
    // A conversation Meta keyed on a BSUID that Bob linked (with no phone on the link).
    const bsuidPhone = '+919800000010';
    await server.db.prisma.whatsAppLink.create({
      data: { userId: await userId('bob@example.com'), bsuid: 'IN.BOB0000000001' },
    });
    await server.db.prisma.conversation.create({
      data: { waKey: 'IN.BOB0000000001', bsuid: 'IN.BOB0000000001', phoneNumber: bsuidPhone },
    });
  });

  it('lets the owner of a linked number read and write its chat', async () => {
    const res = await chat(bob, BOBS_PHONE);
    expect(res.data?.sandboxChat.map((m) => m.text)).toEqual([
      'bob rent 20000',
      'bob secret reply',
    ]);
  });

  it('refuses another account’s number, by phone or by BSUID, and never sends for it', async () => {
    const before = webhook.requests.length;
    for (const phone of [BOBS_PHONE, '+919800000010']) {
      const read = await chat(alice, phone);
      expect(read.data).toBeNull();
      expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(read)).not.toContain('bob');
      const { result } = await send(alice, { phone, text: 'let me in' });
      expect(result).toMatchObject({ __typename: 'ConflictError' });
    }
    expect(webhook.requests).toHaveLength(before);
  });

  it('refuses strangers', async () => {
    const stranger = new TestClient(server.url);
    expect((await chat(stranger, PHONE)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const { res } = await send(stranger, { phone: PHONE, text: 'hi' });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('sandbox chat when off', () => {
  it('answers SANDBOX_OFF without sandbox settings, and in production even with them', async () => {
    const plain = await startTestServer();
    const production = await startTestServer({
      config: { ...TEST_CONFIG, NODE_ENV: 'production' },
      sandboxChat: { webhookUrl: webhook.url, appSecret: SECRET, phoneNumberId: PHONE_NUMBER_ID },
    });
    try {
      const before = webhook.requests.length;
      for (const target of [plain, production]) {
        const client = new TestClient(target.url);
        await client.register('carol@example.com', 'carol passphrase 1');
        const read = await chat(client, PHONE);
        expect(read.errors?.[0]).toMatchObject({
          message: expect.stringContaining('Sandbox chat is off') as string,
          extensions: { code: 'SANDBOX_OFF' },
        });
        const { res } = await send(client, { phone: PHONE, text: 'hi' });
        expect(res.errors?.[0]?.extensions?.code).toBe('SANDBOX_OFF');
      }
      expect(webhook.requests).toHaveLength(before);
    } finally {
      await plain.close();
      await production.close();
    }
  });

  it('never logs the webhook secret', () => {
    expect(JSON.stringify(server.logLines)).not.toContain(SECRET);
  });
});
