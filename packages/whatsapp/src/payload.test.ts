import { describe, expect, it } from 'vitest';
import { parseWebhook, type InboundMessageEvent, type WebhookEvent } from './payload.ts';

const PHONE_NUMBER_ID = '106540352242922';

function body(value: Record<string, unknown>, field = 'messages') {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field,
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

function textMessage(extra: Record<string, unknown> = {}) {
  return {
    from: '919812345678',
    id: 'wamid.IN1',
    timestamp: '1767225600',
    type: 'text',
    text: { body: '120 petrol' },
    ...extra,
  };
}

function without(message: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...message };
  delete copy[key];
  return copy;
}

function eventsOf(json: unknown): WebhookEvent[] {
  const result = parseWebhook(json);
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result.events;
}

function onlyMessage(json: unknown): InboundMessageEvent {
  const events = eventsOf(json);
  expect(events).toHaveLength(1);
  const [event] = events;
  if (event?.kind !== 'message') throw new Error('expected a message event');
  return event;
}

function reasonOf(json: unknown): string {
  const result = parseWebhook(json);
  if (result.ok) throw new Error('expected the body to be rejected');
  return result.reason;
}

describe('parseWebhook: messages', () => {
  it('normalises a text message from a phone-number user', () => {
    const event = onlyMessage(
      body({
        contacts: [{ profile: { name: 'Asha' }, wa_id: '919812345678' }],
        messages: [textMessage()],
      }),
    );
    expect(event).toEqual({
      kind: 'message',
      waMessageId: 'wamid.IN1',
      phoneNumberId: PHONE_NUMBER_ID,
      sender: { phoneNumber: '+919812345678', name: 'Asha' },
      waKey: '+919812345678',
      sentAt: new Date('2026-01-01T00:00:00Z'),
      type: 'text',
      content: { kind: 'text', body: '120 petrol' },
    });
  });

  it('keys on the BSUID when the payload carries both identities', () => {
    const event = onlyMessage(
      body({
        contacts: [
          { profile: { name: 'Asha' }, wa_id: '919812345678', user_id: 'IN.1648738043044942' },
        ],
        messages: [textMessage({ from_user_id: 'IN.1648738043044942' })],
      }),
    );
    expect(event.sender).toEqual({
      bsuid: 'IN.1648738043044942',
      phoneNumber: '+919812345678',
      name: 'Asha',
    });
    expect(event.waKey).toBe('IN.1648738043044942');
  });

  it('accepts a message without from from a username user', () => {
    const withoutFrom = without(
      textMessage({
        from_user_id: 'US.13491208655302741918',
      }),
      'from',
    );
    const event = onlyMessage(
      body({
        contacts: [
          { profile: { name: 'Bob', username: '@bob' }, user_id: 'US.13491208655302741918' },
        ],
        messages: [withoutFrom],
      }),
    );
    expect(event.sender).toEqual({
      bsuid: 'US.13491208655302741918',
      name: 'Bob',
      username: '@bob',
    });
    expect(event.sender.phoneNumber).toBeUndefined();
    expect(event.waKey).toBe('US.13491208655302741918');
  });

  it('takes the BSUID from the contact when the message itself has none', () => {
    const withoutFrom = without(textMessage(), 'from');
    const event = onlyMessage(
      body({
        contacts: [{ profile: { name: 'C' }, user_id: 'BR.15025' }],
        messages: [withoutFrom],
      }),
    );
    expect(event.waKey).toBe('BR.15025');
  });

  it('does not treat a from that is not a phone number as one', () => {
    const event = onlyMessage(body({ messages: [textMessage({ from: 'US.987654321' })] }));
    expect(event.sender).toEqual({ bsuid: 'US.987654321' });
    expect(event.waKey).toBe('US.987654321');
  });

  it('matches each message to its own contact', () => {
    const events = eventsOf(
      body({
        contacts: [
          { profile: { name: 'Asha' }, wa_id: '919812345678' },
          { profile: { name: 'Ravi' }, wa_id: '919800000000' },
        ],
        messages: [textMessage({ from: '919800000000', id: 'wamid.R' }), textMessage()],
      }),
    );
    expect(events.map((e) => (e.kind === 'message' ? e.sender.name : undefined))).toEqual([
      'Ravi',
      'Asha',
    ]);
  });

  it('ignores a lone contact whose ids contradict the message', () => {
    const event = onlyMessage(
      body({
        contacts: [{ profile: { name: 'Someone else' }, wa_id: '441234567890' }],
        messages: [textMessage()],
      }),
    );
    expect(event.sender).toEqual({ phoneNumber: '+919812345678' });
  });

  it('rejects a message with no identity at all, naming where', () => {
    const anonymous = without(textMessage(), 'from');
    expect(reasonOf(body({ messages: [anonymous] }))).toMatch(
      /entry\[0\]\.changes\[0\]\.value\.messages\[0\]: no sender identity/,
    );
  });

  it('reads reply buttons, list replies, template buttons and the replied-to wamid', () => {
    const base = { from: '919812345678', timestamp: '1767225600', context: { id: 'wamid.OUT' } };
    const events = eventsOf(
      body({
        messages: [
          {
            ...base,
            id: 'a',
            type: 'interactive',
            interactive: { type: 'button_reply', button_reply: { id: 'confirm', title: 'Yes' } },
          },
          {
            ...base,
            id: 'b',
            type: 'interactive',
            interactive: {
              type: 'list_reply',
              list_reply: { id: 'cat:fuel', title: 'Fuel', description: 'Petrol, diesel' },
            },
          },
          {
            ...base,
            id: 'c',
            type: 'interactive',
            interactive: { type: 'list_reply', list_reply: { id: 'cat:food', title: 'Food' } },
          },
          { ...base, id: 'd', type: 'button', button: { payload: 'STOP', text: 'Stop' } },
        ],
      }),
    );
    const messages = events.filter((e) => e.kind === 'message');
    expect(messages.map((e) => e.content)).toEqual([
      { kind: 'button_reply', id: 'confirm', title: 'Yes' },
      { kind: 'list_reply', id: 'cat:fuel', title: 'Fuel', description: 'Petrol, diesel' },
      { kind: 'list_reply', id: 'cat:food', title: 'Food' },
      { kind: 'button', payload: 'STOP', text: 'Stop' },
    ]);
    expect(messages.every((e) => e.replyTo === 'wamid.OUT')).toBe(true);
  });

  it('reads photos, images sent as files and voice notes as media to fetch by id', () => {
    const base = { from: '919812345678', timestamp: '1767225600' };
    const sha256 = 'pnw7nZKhy3SnrNZ25pYQ2hBENgqFjKMqY39xKSYjRYU=';
    const events = eventsOf(
      body({
        messages: [
          {
            ...base,
            id: '1',
            type: 'image',
            image: { id: 'm1', mime_type: 'image/jpeg', sha256, caption: '  lunch with team ' },
          },
          {
            ...base,
            id: '2',
            type: 'audio',
            audio: { id: 'm2', mime_type: 'audio/ogg; codecs=opus', voice: true },
          },
          {
            ...base,
            id: '3',
            type: 'document',
            document: { id: 'm3', mime_type: 'image/png', filename: 'bill.png' },
          },
          {
            ...base,
            id: '4',
            type: 'document',
            document: { id: 'm4', mime_type: 'application/pdf' },
          },
        ],
      }),
    );
    expect(events.map((e) => (e.kind === 'message' ? e.content : e.kind))).toEqual([
      {
        kind: 'media',
        media: 'image',
        id: 'm1',
        mimeType: 'image/jpeg',
        sha256,
        caption: 'lunch with team',
      },
      { kind: 'media', media: 'audio', id: 'm2', mimeType: 'audio/ogg; codecs=opus' },
      { kind: 'media', media: 'image', id: 'm3', mimeType: 'image/png' },
      { kind: 'unsupported', type: 'document' },
    ]);
  });

  it('rejects a media message without its media object', () => {
    const result = parseWebhook(
      body({
        messages: [{ from: '919812345678', timestamp: '1767225600', id: '1', type: 'image' }],
      }),
    );
    expect(result.ok).toBe(false);
  });

  it('reports videos, stickers, locations, reactions and unknown types as unsupported', () => {
    const base = { from: '919812345678', timestamp: '1767225600' };
    const events = eventsOf(
      body({
        messages: [
          { ...base, id: '1', type: 'video', video: { id: 'm1', mime_type: 'video/mp4' } },
          { ...base, id: '2', type: 'sticker', sticker: { id: 'm2', animated: false } },
          { ...base, id: '3', type: 'location', location: { latitude: 1, longitude: 2 } },
          { ...base, id: '4', type: 'reaction', reaction: { emoji: '👍', message_id: 'x' } },
          { ...base, id: '5', type: 'unknown', errors: [{ code: 131051, title: 'Unsupported' }] },
          { ...base, id: '6', type: 'interactive', interactive: { type: 'nfm_reply' } },
        ],
      }),
    );
    expect(events.map((e) => (e.kind === 'message' ? e.content : e.kind))).toEqual([
      { kind: 'unsupported', type: 'video' },
      { kind: 'unsupported', type: 'sticker' },
      { kind: 'unsupported', type: 'location' },
      { kind: 'unsupported', type: 'reaction' },
      { kind: 'unsupported', type: 'unknown' },
      { kind: 'unsupported', type: 'interactive' },
    ]);
  });

  it('tolerates fields it does not know about', () => {
    const event = onlyMessage({
      ...body({
        contacts: [{ profile: { name: 'A', future: 1 }, wa_id: '919812345678', extra: true }],
        messages: [textMessage({ referral: { source_url: 'x' }, new_field: [1, 2] })],
        pricing_v9: {},
      }),
      brand_new_top_level: 'ok',
    });
    expect(event.content).toEqual({ kind: 'text', body: '120 petrol' });
  });
});

describe('parseWebhook: statuses and errors', () => {
  it('normalises delivery statuses with both recipient identities', () => {
    const events = eventsOf(
      body({
        statuses: [
          {
            id: 'wamid.OUT1',
            status: 'delivered',
            timestamp: '1767225660',
            recipient_id: '919812345678',
            recipient_user_id: 'IN.1648738043044942',
            conversation: { id: 'c' },
            pricing: { billable: false },
          },
        ],
      }),
    );
    expect(events).toEqual([
      {
        kind: 'status',
        providerMessageId: 'wamid.OUT1',
        phoneNumberId: PHONE_NUMBER_ID,
        status: 'delivered',
        at: new Date('2026-01-01T00:01:00Z'),
        recipient: { bsuid: 'IN.1648738043044942', phoneNumber: '+919812345678' },
        errors: [],
      },
    ]);
  });

  it('carries the errors of a failed status', () => {
    const events = eventsOf(
      body({
        statuses: [
          {
            id: 'wamid.OUT2',
            status: 'failed',
            timestamp: '1767225660',
            recipient_id: '919812345678',
            errors: [
              {
                code: 131047,
                title: 'Re-engagement message',
                message: 'Re-engagement message',
                error_data: { details: 'More than 24 hours have passed' },
              },
            ],
          },
        ],
      }),
    );
    expect(events[0]).toMatchObject({
      status: 'failed',
      errors: [
        {
          code: 131047,
          title: 'Re-engagement message',
          message: 'Re-engagement message',
          details: 'More than 24 hours have passed',
        },
      ],
    });
  });

  it('passes statuses it does not know through unchanged', () => {
    const events = eventsOf(
      body({ statuses: [{ id: 'w', status: 'played', timestamp: '1', recipient_id: '91987' }] }),
    );
    expect(events[0]).toMatchObject({ status: 'played', recipient: {} });
  });

  it('turns value.errors into error events', () => {
    const events = eventsOf(
      body({ errors: [{ code: 131000, title: 'Something went wrong', message: 'oops' }] }),
    );
    expect(events).toEqual([
      {
        kind: 'error',
        phoneNumberId: PHONE_NUMBER_ID,
        code: 131000,
        title: 'Something went wrong',
        message: 'oops',
      },
    ]);
  });

  it('flattens several entries and changes in payload order and skips other fields', () => {
    const first = body({ messages: [textMessage({ id: 'm1' })] });
    const second = body({ statuses: [{ id: 's1', status: 'read', timestamp: '2' }] });
    const template = body({ event: 'APPROVED' }, 'message_template_status_update');
    const combined = { ...first, entry: [...first.entry, ...template.entry, ...second.entry] };
    expect(eventsOf(combined).map((e) => e.kind)).toEqual(['message', 'status']);
  });

  it('returns no events for a body with nothing in it', () => {
    expect(eventsOf(body({}))).toEqual([]);
  });
});

describe('parseWebhook: rejections', () => {
  it('never throws, whatever it is given', () => {
    for (const input of [undefined, null, 'text', 42, [], {}, { entry: 'x' }]) {
      expect(parseWebhook(input).ok).toBe(false);
    }
  });

  it('rejects bodies that are not WhatsApp Business Account notifications', () => {
    expect(reasonOf({ ...body({}), object: 'page' })).toMatch(/^object: /);
  });

  it('names the missing phone_number_id', () => {
    const json = body({ metadata: { display_phone_number: '1555' }, messages: [textMessage()] });
    expect(reasonOf(json)).toMatch(/entry\[0\]\.changes\[0\]\.value\.metadata\.phone_number_id/);
  });

  it('rejects a text message without its text', () => {
    const withoutText = without(textMessage(), 'text');
    expect(reasonOf(body({ messages: [withoutText] }))).toMatch(/messages\[0\]\.text: /);
  });

  it('rejects a button reply without its payload', () => {
    const message = textMessage({ type: 'interactive', interactive: { type: 'button_reply' } });
    expect(reasonOf(body({ messages: [message] }))).toMatch(/interactive\.button_reply/);
  });

  it('rejects a timestamp that is not Unix seconds', () => {
    const message = textMessage({ timestamp: '2026-01-01T00:00:00Z' });
    expect(reasonOf(body({ messages: [message] }))).toMatch(/messages\[0\]\.timestamp: /);
  });

  it('rejects a message without a wamid', () => {
    expect(reasonOf(body({ messages: [textMessage({ id: '' })] }))).toMatch(/messages\[0\]\.id/);
  });
});
