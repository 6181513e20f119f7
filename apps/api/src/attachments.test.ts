import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSession } from '@spendline/auth';
import type { Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { postgresAttachments } from '@spendline/entries';
import { createLogger } from '@spendline/log';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentDownload } from './attachments.ts';
import { createApiServer } from './server.ts';

let db: Database;
let server: Server;
let base: string;
let asha: string;
let ravi: string;
let photoId: string;
let voiceId: string;
const photo = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const voice = Buffer.from('OggS a voice note');

async function cookieFor(userId: string): Promise<string> {
  const { token } = await createSession(db.prisma, userId, new Date());
  return `spendline_session=${token}`;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const owner = await db.prisma.user.create({
    data: { email: 'asha@example.com', displayName: 'Asha' },
  });
  const stranger = await db.prisma.user.create({
    data: { email: 'ravi@example.com', displayName: 'Ravi' },
  });
  [photoId, voiceId] = await db.sql.transaction(async (tx) => [
    (await postgresAttachments.put(tx, owner.id, { bytes: photo, mimeType: 'image/jpeg' })).id,
    (await postgresAttachments.put(tx, owner.id, { bytes: voice, mimeType: 'audio/ogg' })).id,
  ]);
  asha = await cookieFor(owner.id);
  ravi = await cookieFor(stranger.id);
  server = createApiServer({
    db,
    logger: createLogger({ level: 'silent' }),
    attachments: attachmentDownload({ db, secureCookies: false }),
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.close();
});

const get = (id: string, cookie?: string) =>
  fetch(`${base}/attachments/${id}`, { headers: cookie ? { cookie } : {} });

describe('GET /attachments/<id>', () => {
  it('sends a photo to its owner, shown inline, never cached by others or sniffed', async () => {
    const res = await get(photoId, asha);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(photo)).toBe(true);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="receipt-.+\.jpg"$/);
    expect(res.headers.get('cache-control')).toMatch(/^private\b/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends anything but an image as a download', async () => {
    const res = await get(voiceId, asha);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/ogg');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.ogg"$/);
    expect(Buffer.from(await res.arrayBuffer()).equals(voice)).toBe(true);
  });

  it('answers another user as if the file did not exist, and a stranger 401', async () => {
    const theirs = await get(photoId, ravi);
    expect(theirs.status).toBe(404);
    const none = await get('0193a1b2-0000-7000-8000-000000000000', ravi);
    expect(none.status).toBe(404);
    expect(await theirs.text()).toBe(await none.text());
    expect((await get(photoId)).status).toBe(401);
    expect((await get(photoId, 'spendline_session=forged')).status).toBe(401);
  });

  it('finds nothing at an address that is not a file id', async () => {
    expect((await get('not-an-id', asha)).status).toBe(404);
    expect((await get(`${photoId}/more`, asha)).status).toBe(404);
  });
});
