import type { Database, User } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterCommit } from './announce.ts';
import {
  AttachmentTooLargeError,
  MAX_ATTACHMENT_BYTES,
  postgresAttachments,
} from './attachments.ts';
import { recordEntries } from './record.ts';

let db: Database;
let owner: User;
let other: User;

beforeAll(async () => {
  db = await createTestDatabase();
  const create = (name: string) =>
    db.prisma.user.create({ data: { email: `${name}@example.com`, displayName: name } });
  owner = await create('owner');
  other = await create('other');
});
afterAll(async () => {
  await db?.close();
});

const expenseOf = (user: User) =>
  db.prisma.expense.create({
    data: {
      userId: user.id,
      amountMinor: 66932n,
      currency: 'INR',
      occurredAt: new Date(),
      source: 'WHATSAPP',
    },
  });

describe('attachments in PostgreSQL', () => {
  it('keeps every byte, with its hash and size, and gives it back to its owner only', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254, 0, 128, 10, 13]);
    const stored = await postgresAttachments.put(db.sql, owner.id, {
      bytes,
      mimeType: 'image/png',
    });
    expect(stored).toMatchObject({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      duplicateOf: null,
    });
    expect(await postgresAttachments.read(db.sql, owner.id, stored.id)).toEqual({
      bytes,
      mimeType: 'image/png',
      sha256: stored.sha256,
    });
    expect(await postgresAttachments.read(db.sql, other.id, stored.id)).toBeNull();
  });

  it('attaches to the owner’s entry only, and finds the same photo sent again', async () => {
    const photo = Buffer.from('the same receipt photo');
    const first = await postgresAttachments.put(db.sql, owner.id, {
      bytes: photo,
      mimeType: 'image/jpeg',
    });
    const othersEntry = await expenseOf(other);
    expect(await postgresAttachments.attach(db.sql, owner.id, first.id, othersEntry.id)).toBe(
      false,
    );
    // Not yet shown with an entry: sending it again is no duplicate.
    const unsaved = await postgresAttachments.put(db.sql, owner.id, {
      bytes: photo,
      mimeType: 'image/jpeg',
    });
    expect(unsaved.duplicateOf).toBeNull();

    const entry = await expenseOf(owner);
    expect(await postgresAttachments.attach(db.sql, owner.id, first.id, entry.id)).toBe(true);
    const again = await postgresAttachments.put(db.sql, owner.id, {
      bytes: photo,
      mimeType: 'image/jpeg',
    });
    expect(again.duplicateOf).toBe(entry.id);
    // Another user's identical photo is theirs alone.
    const theirs = await postgresAttachments.put(db.sql, other.id, {
      bytes: photo,
      mimeType: 'image/jpeg',
    });
    expect(theirs.duplicateOf).toBeNull();
    expect(
      (await postgresAttachments.listFor(db.sql, owner.id, [entry.id])).map((a) => a.id),
    ).toEqual([first.id]);
    expect(await postgresAttachments.listFor(db.sql, other.id, [entry.id])).toEqual([]);
  });

  it('ties a recorded entry to its photo, never to another user’s or a photo already shown', async () => {
    const put = (user: User, text: string) =>
      postgresAttachments.put(db.sql, user.id, {
        bytes: Buffer.from(text),
        mimeType: 'image/jpeg',
      });
    const mine = await put(owner, 'dmart bill');
    const theirs = await put(other, 'their bill');
    const announce = afterCommit(undefined);
    const entry = (attachmentId: string) => ({
      kind: 'EXPENSE' as const,
      amountMinor: '66932',
      currency: 'INR',
      occurredAt: new Date(),
      note: 'DMart',
      categoryId: null,
      attachmentId,
    });
    const { ids } = await db.sql.transaction((tx) =>
      recordEntries(tx, owner, [entry(mine.id), entry(theirs.id)], 'WHATSAPP', {
        now: new Date(),
        announce,
      }),
    );
    expect(ids).toHaveLength(2);
    const shown = await db.prisma.attachment.findMany({
      where: { id: { in: [mine.id, theirs.id] } },
      select: { id: true, expenseId: true },
    });
    expect(Object.fromEntries(shown.map((a) => [a.id, a.expenseId]))).toEqual({
      [mine.id]: ids[0],
      [theirs.id]: null,
    });
    // A second entry cannot take over a photo that already shows one.
    const { ids: later } = await db.sql.transaction((tx) =>
      recordEntries(tx, owner, [entry(mine.id)], 'WHATSAPP', { now: new Date(), announce }),
    );
    expect(later).toHaveLength(1);
    const still = await db.prisma.attachment.findUniqueOrThrow({ where: { id: mine.id } });
    expect(still.expenseId).toBe(ids[0]);
  });

  it('refuses a file over the limit before storing anything', async () => {
    const huge = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
    await expect(
      postgresAttachments.put(db.sql, owner.id, { bytes: huge, mimeType: 'audio/ogg' }),
    ).rejects.toBeInstanceOf(AttachmentTooLargeError);
  });
});
