// Photos and voice notes through the chat: queued while the user hears it is being read,
// read by the media worker (its readers stand in for OCR and transcription, tested in
// their packages), and answered when the reading comes back as a message of its own.
import type { Database, InboundMessage } from '@spendline/db';
import {
  createMediaWorker,
  type MediaReaders,
  type MediaReading,
  type MediaSource,
} from '@spendline/media';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleInbound, openTestChat, TEST_PHONE, type TestChat } from './test-chat.ts';

let chat: TestChat;
let db: Database;
let sequence = 0;
const photo = Buffer.from('a photo of the DMart bill');
const source: MediaSource = {
  fetch: () => Promise.resolve({ ok: true, bytes: photo, mimeType: 'image/jpeg' }),
};
const dmart: MediaReading = {
  kind: 'receipt',
  amountMinor: '66932',
  currency: 'INR',
  merchant: 'DMart',
  date: '2026-12-03',
  reference: null,
  payment: false,
};
// Readings are stored at the time they are read: the chat runs on the clock too.
const at = new Date();
const later = (minutes: number) => new Date(at.getTime() + minutes * 60_000);

beforeAll(async () => {
  chat = await openTestChat();
  db = chat.db;
});
afterAll(() => db.close());
beforeEach(async () => {
  await db.prisma.mediaJob.deleteMany();
  await db.prisma.expense.deleteMany();
  await db.prisma.attachment.deleteMany();
  // A fresh chat state: no question left open by the test before.
  await db.prisma.conversation.updateMany({ data: { snapshot: {}, machineVersion: 0 } });
});

/** The text of the bot's last reply. */
async function lastReply(): Promise<string> {
  const reply = await db.prisma.outboundMessage.findFirstOrThrow({
    orderBy: { createdAt: 'desc' },
  });
  const payload = reply.payload as {
    text?: { body: string };
    interactive?: { body: { text: string } };
  };
  return payload.text?.body ?? payload.interactive?.body.text ?? '';
}

/** The user sends a photo or voice note (a webhook's media message). */
async function sendMedia(media: 'image' | 'audio', caption?: string): Promise<InboundMessage> {
  sequence += 1;
  const conversation = await db.prisma.conversation.findFirstOrThrow({
    where: { waKey: TEST_PHONE },
  });
  const message = await db.prisma.inboundMessage.create({
    data: {
      waMessageId: `wamid.media${sequence}`,
      conversationId: conversation.id,
      phoneNumberId: '1',
      type: media,
      payload: {
        sender: { phoneNumber: TEST_PHONE },
        content: {
          kind: 'media',
          media,
          id: `MEDIA${sequence}`,
          mimeType: media === 'image' ? 'image/jpeg' : 'audio/ogg',
          ...(caption ? { caption } : {}),
        },
      },
      sentAt: at,
    },
  });
  await handleInbound(db, message);
  return message;
}

/** Runs the worker once and lets the chat take the reading it stored. */
async function readQueued(readers: Partial<MediaReaders> = {}): Promise<string> {
  const worker = createMediaWorker({
    db: db.sql,
    source,
    readers: { image: () => Promise.resolve(dmart), audio: null, ...readers },
  });
  expect(await worker.drain()).toBe(1);
  const reading = await db.prisma.inboundMessage.findFirstOrThrow({
    where: { type: 'reading', status: 'RECEIVED' },
  });
  await handleInbound(db, reading);
  await db.prisma.inboundMessage.update({
    where: { id: reading.id },
    data: { status: 'PROCESSED' },
  });
  return lastReply();
}

describe('photos in the chat', () => {
  it('reads a receipt, asks before saving, and keeps the photo with the saved expense', async () => {
    await sendMedia('image');
    expect(await lastReply()).toBe('📷 Reading your photo…');
    expect(await db.prisma.mediaJob.count()).toBe(1);
    expect(await readQueued()).toMatch(/^Receipt from DMart, .*3 Dec.*: ₹669\.32/);
    expect(await db.prisma.expense.count()).toBe(0);

    // No word of the bill names a category: saving asks for one.
    expect(await chat.say('save', later(1))).toBe('Which category for "DMart"?');
    expect(await chat.say('groceries', later(2))).toMatch(/₹669\.32 · Groceries/);
    const [expense] = await db.prisma.expense.findMany({ include: { attachments: true } });
    expect(expense).toMatchObject({ amountMinor: 66932n, note: 'DMart' });
    expect(expense!.attachments.map((a) => Buffer.from(a.bytes))).toEqual([photo]);
  });

  it('lets the caption’s amount and category win over the photo’s', async () => {
    await sendMedia('image', '700 groceries');
    const question = await readQueued();
    expect(question).toMatch(/₹700\.00 · Groceries\?/);
  });

  it('says when the same photo comes again after its entry was saved', async () => {
    await sendMedia('image');
    await readQueued();
    await chat.say('save', later(1));
    await chat.say('groceries', later(2));
    expect(await db.prisma.expense.count()).toBe(1);
    await db.prisma.mediaJob.deleteMany();
    await sendMedia('image');
    expect(await readQueued()).toMatch(/same photo before/);
    expect(await db.prisma.expense.count()).toBe(1);
  });

  it('never saves a failed payment, and says so', async () => {
    await sendMedia('image');
    const reply = await readQueued({
      image: () =>
        Promise.resolve({ kind: 'payment-not-done', status: 'failed', merchant: 'Ravi Kumar' }),
    });
    expect(reply).toBe('That payment to Ravi Kumar failed, so no money moved: nothing saved.');
    expect(await db.prisma.expense.count()).toBe(0);
  });

  it('asks for the amount when the photo shows none', async () => {
    await sendMedia('image');
    const reply = await readQueued({
      image: () => Promise.resolve({ ...dmart, amountMinor: null }),
    });
    expect(reply).toMatch(/couldn't read the amount paid on that photo \(Receipt from DMart/);
  });
});

describe('voice notes in the chat', () => {
  it('reads what was heard as a typed message and shows it', async () => {
    await sendMedia('audio');
    expect(await lastReply()).toBe('🎙️ Listening to your voice note…');
    const reply = await readQueued({
      audio: () => Promise.resolve({ kind: 'transcript', text: '120 petrol' }),
    });
    expect(reply.split('\n')[0]).toBe('🎙️ Heard: “120 petrol”');
    expect(reply).toMatch(/₹120\.00 · Fuel/);
    expect(await db.prisma.expense.count()).toBe(1);
  });

  it('says voice notes are not set up when no transcriber is', async () => {
    await sendMedia('audio');
    expect(await readQueued()).toMatch(/^Voice notes are not set up/);
  });
});
