import { describe, expect, it } from 'vitest';
import { parseWebhook, type WebhookEvent } from '../payload.ts';
import { verifySignature } from '../signature.ts';
import {
  signedWebhookRequest,
  statusWebhook,
  type SignedWebhookRequest,
} from './webhook-requests.ts';

const target = { appSecret: 'development-webhook-secret', phoneNumberId: '100000000000001' };

function received(request: SignedWebhookRequest): WebhookEvent[] {
  expect(
    verifySignature(request.body, request.headers['x-hub-signature-256'], target.appSecret),
  ).toBe(true);
  const result = parseWebhook(JSON.parse(request.body.toString('utf8')));
  if (!result.ok) throw new Error(result.reason);
  return result.events;
}

describe('signedWebhookRequest', () => {
  it('builds a signed text message that parses back to what was sent', () => {
    const request = signedWebhookRequest({
      ...target,
      from: '+919812345678',
      name: 'Asha',
      text: '120 petrol',
      wamid: 'wamid.T1',
      timestamp: new Date('2026-03-01T10:00:00Z'),
    });
    expect(request.headers['content-type']).toBe('application/json');
    expect(received(request)).toEqual([
      {
        kind: 'message',
        waMessageId: 'wamid.T1',
        phoneNumberId: target.phoneNumberId,
        sender: { phoneNumber: '+919812345678', name: 'Asha' },
        waKey: '+919812345678',
        sentAt: new Date('2026-03-01T10:00:00Z'),
        type: 'text',
        content: { kind: 'text', body: '120 petrol' },
      },
    ]);
  });

  it('escapes non-ASCII like Meta, so re-serialising breaks the signature', () => {
    const request = signedWebhookRequest({ ...target, from: '919812345678', text: 'Chai ₹20 ☕' });
    const raw = request.body.toString('latin1');
    expect(raw).toContain('\\u20b9');
    expect(/^[\x20-\x7e]*$/.test(raw)).toBe(true);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(request.body.toString('utf8'))));
    expect(
      verifySignature(reserialised, request.headers['x-hub-signature-256'], target.appSecret),
    ).toBe(false);
    expect(received(request)[0]).toMatchObject({ content: { body: 'Chai ₹20 ☕' } });
  });

  it('leaves from and wa_id out for a username user known only by BSUID', () => {
    const request = signedWebhookRequest({
      ...target,
      bsuid: 'US.13491208655302741918',
      username: '@bob',
      text: 'hi',
    });
    const raw = request.body.toString('utf8');
    expect(raw).not.toContain('"from"');
    expect(raw).not.toContain('"wa_id"');
    expect(received(request)[0]).toMatchObject({
      sender: { bsuid: 'US.13491208655302741918', username: '@bob' },
      waKey: 'US.13491208655302741918',
    });
  });

  it('carries both identities when given both', () => {
    const events = received(
      signedWebhookRequest({ ...target, from: '919812345678', bsuid: 'IN.77', text: 'x' }),
    );
    expect(events[0]).toMatchObject({
      sender: { bsuid: 'IN.77', phoneNumber: '+919812345678' },
      waKey: 'IN.77',
    });
  });

  it('builds button replies, list replies, template buttons, media and other types', () => {
    const base = { ...target, from: '919812345678', replyTo: 'wamid.OUT' };
    const contents = [
      signedWebhookRequest({ ...base, buttonReply: { id: 'save', title: 'Save' } }),
      signedWebhookRequest({ ...base, listReply: { id: 'fuel', title: 'Fuel', description: 'd' } }),
      signedWebhookRequest({ ...base, button: { payload: 'STOP', text: 'Stop' } }),
      signedWebhookRequest({
        ...base,
        media: {
          type: 'image',
          id: 'SIMMEDIA01',
          mimeType: 'image/png',
          sha256: 'c2hh',
          caption: 'bill',
        },
      }),
      signedWebhookRequest({
        ...base,
        media: { type: 'audio', id: 'SIMMEDIA02', mimeType: 'audio/ogg', sha256: 'c2hh' },
      }),
      signedWebhookRequest({ ...base, unsupported: 'sticker' }),
    ].map((request) => received(request)[0]);
    expect(contents.map((event) => (event?.kind === 'message' ? event.content : null))).toEqual([
      { kind: 'button_reply', id: 'save', title: 'Save' },
      { kind: 'list_reply', id: 'fuel', title: 'Fuel', description: 'd' },
      { kind: 'button', payload: 'STOP', text: 'Stop' },
      {
        kind: 'media',
        media: 'image',
        id: 'SIMMEDIA01',
        mimeType: 'image/png',
        sha256: 'c2hh',
        caption: 'bill',
      },
      { kind: 'media', media: 'audio', id: 'SIMMEDIA02', mimeType: 'audio/ogg', sha256: 'c2hh' },
      { kind: 'unsupported', type: 'sticker' },
    ]);
    expect(
      contents.every((event) => event?.kind === 'message' && event.replyTo === 'wamid.OUT'),
    ).toBe(true);
  });

  it('gives each message a fresh wamid unless told one', () => {
    const a = signedWebhookRequest({ ...target, from: '919812345678', text: 'a' });
    const b = signedWebhookRequest({ ...target, from: '919812345678', text: 'a' });
    expect(received(a)[0]).not.toEqual(received(b)[0]);
  });

  it('refuses requests without an identity, with a bad one, or without exactly one content', () => {
    expect(() => signedWebhookRequest({ ...target, text: 'x' })).toThrow(/from.*bsuid/);
    expect(() => signedWebhookRequest({ ...target, from: 'asha', text: 'x' })).toThrow(/phone/);
    expect(() => signedWebhookRequest({ ...target, bsuid: '12345', text: 'x' })).toThrow(/BSUID/);
    expect(() => signedWebhookRequest({ ...target, from: '919812345678' })).toThrow(/exactly one/);
    expect(() =>
      signedWebhookRequest({
        ...target,
        from: '919812345678',
        text: 'x',
        buttonReply: { id: 'a', title: 'A' },
      }),
    ).toThrow(/exactly one/);
  });
});

describe('statusWebhook', () => {
  it('builds a signed delivery status for an outbound wamid', () => {
    const events = received(
      statusWebhook({
        ...target,
        wamid: 'wamid.OUT1',
        status: 'delivered',
        recipientPhone: '+919812345678',
        recipientBsuid: 'IN.77',
        timestamp: new Date('2026-03-01T10:00:05Z'),
      }),
    );
    expect(events).toEqual([
      {
        kind: 'status',
        providerMessageId: 'wamid.OUT1',
        phoneNumberId: target.phoneNumberId,
        status: 'delivered',
        at: new Date('2026-03-01T10:00:05Z'),
        recipient: { bsuid: 'IN.77', phoneNumber: '+919812345678' },
        errors: [],
      },
    ]);
  });

  it('builds a failed status with its errors', () => {
    const events = received(
      statusWebhook({
        ...target,
        wamid: 'wamid.OUT2',
        status: 'failed',
        recipientPhone: '919812345678',
        errors: [{ code: 131047, title: 'Re-engagement message', details: '24 hours passed' }],
      }),
    );
    expect(events[0]).toMatchObject({
      status: 'failed',
      errors: [{ code: 131047, title: 'Re-engagement message', details: '24 hours passed' }],
    });
  });
});
