import type { Database, User } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterCommit } from './announce.ts';
import { deleteEntries, moveEntriesToCategory, restoreEntries, updateEntry } from './change.ts';
import { EntryValidationError, keptNote, type EntryDraft } from './drafts.ts';
import type { ExpenseAddedEvent, ExpenseEvents } from './events.ts';
import { recordEntries } from './record.ts';

let db: Database;
let user: User;
const now = new Date('2026-11-10T06:00:00Z');

/** Events as the subscriptions would see them, in order. */
function recorder(): { events: ExpenseEvents; seen: ExpenseAddedEvent[] } {
  const seen: ExpenseAddedEvent[] = [];
  const events: ExpenseEvents = {
    publish: (event) => void seen.push(event),
    publishInTransaction: (_tx, announced) => {
      seen.push(...[announced].flat());
      return Promise.resolve();
    },
    subscribe: () => {
      throw new Error('not here');
    },
  };
  return { events, seen };
}

const draft = (amountMinor: string, extra: Partial<EntryDraft> = {}): EntryDraft => ({
  kind: 'EXPENSE',
  amountMinor,
  currency: 'INR',
  occurredAt: now,
  note: null,
  categoryId: null,
  ...extra,
});

beforeAll(async () => {
  db = await createTestDatabase();
  user = await db.prisma.user.create({
    data: { email: 'entries@example.com', displayName: 'Entries', timeZone: 'Asia/Kolkata' },
  });
});
afterAll(async () => {
  await db?.close();
});

describe('recordEntries', () => {
  it('stores a batch in order and announces each entry only once the caller publishes', async () => {
    const { events, seen } = recorder();
    const announce = afterCommit(events);
    const { ids } = await db.sql.transaction((tx) =>
      recordEntries(tx, user, [draft('100', { note: 'tea' }), draft('250')], 'WEB', {
        now,
        announce,
      }),
    );
    expect(seen).toEqual([]);
    announce.publish();
    expect(seen).toEqual(ids.map((expenseId) => ({ userId: user.id, expenseId, kind: 'added' })));
    const stored = await db.prisma.expense.findMany({ where: { id: { in: ids } } });
    expect(stored.map((e) => [e.amountMinor, e.note, e.source]).sort()).toEqual([
      [100n, 'tea', 'WEB'],
      [250n, null, 'WEB'],
    ]);
  });

  it.each([
    ['a zero amount', draft('0'), 'The amount must be more than zero.'],
    ['an amount beyond the largest', draft('1000000000000001'), 'The amount is too large.'],
    ['a currency that is no code', draft('100', { currency: 'rupees' }), 'The currency must'],
    ['a note with a NUL', draft('100', { note: 'te\u0000a' }), 'The note contains control'],
    ['a note too long', draft('100', { note: 'x'.repeat(501) }), 'longer than 500'],
  ])('refuses %s and stores nothing of the batch', async (_name, bad, problem) => {
    const { events, seen } = recorder();
    const before = await db.prisma.expense.count();
    const write = recordEntries(db.sql, user, [draft('100'), bad], 'API', {
      now,
      announce: afterCommit(events),
    });
    await expect(write).rejects.toThrow(EntryValidationError);
    await expect(write).rejects.toThrow(problem);
    expect(await db.prisma.expense.count()).toBe(before);
    expect(seen).toEqual([]);
  });

  it('skips an entry recorded before the given instant, for an import run again', async () => {
    const day = { start: '2026-11-09T18:30:00Z', end: '2026-11-10T18:30:00Z' };
    const options = { now, announce: afterCommit(undefined) };
    await recordEntries(db.sql, user, [draft('777', { day })], 'IMPORT', options);
    const later = new Date(Date.now() + 1000);
    const again = await recordEntries(
      db.sql,
      user,
      [draft('777', { day }), draft('778', { day })],
      'IMPORT',
      { ...options, skipRecordedBefore: later },
    );
    expect(again.ids).toHaveLength(1);
  });

  it('sums the span with the new entries in the same statement', async () => {
    const other = await db.prisma.user.create({
      data: { email: 'totals@example.com', displayName: 'Totals', timeZone: 'UTC' },
    });
    const span = { start: new Date('2026-11-10T00:00:00Z'), end: new Date('2026-11-11T00:00:00Z') };
    const options = { now, announce: afterCommit(undefined), totalsIn: span };
    await recordEntries(db.sql, other, [draft('100')], 'WHATSAPP', options);
    const { totals } = await recordEntries(
      db.sql,
      other,
      [draft('50'), draft('7', { currency: 'USD' }), draft('900', { kind: 'INCOME' })],
      'WHATSAPP',
      options,
    );
    expect(totals).toEqual([
      { currency: 'INR', totalMinor: 150n, count: 2 },
      { currency: 'USD', totalMinor: 7n, count: 1 },
    ]);
  });
});

describe('updateEntry, deleteEntries, restoreEntries', () => {
  it('change only the user’s own entries and announce what changed', async () => {
    const stranger = await db.prisma.user.create({
      data: { email: 'stranger@example.com', displayName: 'Stranger' },
    });
    const quiet = { now, announce: afterCommit(undefined) };
    const {
      ids: [id],
    } = await recordEntries(db.sql, user, [draft('300')], 'WEB', quiet);
    const { events, seen } = recorder();
    const announce = afterCommit(events);
    // Only what moves money asks the books module: a note edit does not.
    const guarded: string[][] = [];
    const guard = (_tx: unknown, _userId: string, ids: readonly string[]) => {
      guarded.push([...ids]);
      return Promise.resolve();
    };
    const options = { now, announce, guard };
    expect(await updateEntry(db.sql, stranger, id!, { amountMinor: '1' }, options)).toBe(false);
    expect(await deleteEntries(db.sql, stranger, [id!], options)).toEqual([]);
    expect(await updateEntry(db.sql, user, id!, { note: 'lunch' }, options)).toBe(true);
    expect(await deleteEntries(db.sql, user, [id!], options)).toEqual([id]);
    expect(await deleteEntries(db.sql, user, [id!], options)).toEqual([]);
    expect(await restoreEntries(db.sql, user, [id!], options)).toEqual([id]);
    await expect(updateEntry(db.sql, user, id!, { currency: 'inr' }, options)).rejects.toThrow(
      EntryValidationError,
    );
    announce.publish();
    expect(guarded).toEqual([[id], [id], [id], [id], [id]]);
    expect(seen.map((e) => e.kind)).toEqual(['updated', 'deleted', 'restored']);
    const stored = await db.prisma.expense.findUniqueOrThrow({ where: { id: id! } });
    expect([stored.note, stored.deletedAt, stored.amountMinor]).toEqual(['lunch', null, 300n]);
  });
});

describe('moveEntriesToCategory', () => {
  it('moves the user’s entries of the merged categories, binned ones too, announcing the live ones', async () => {
    const category = (name: string, userId = user.id) =>
      db.prisma.category.create({ data: { userId, name, nameKey: name.toLowerCase() } });
    const [snacks, chai, food] = await Promise.all([
      category('Snacks'),
      category('Chai'),
      category('Meals'),
    ]);
    const stranger = await db.prisma.user.create({
      data: { email: 'merge-stranger@example.com', displayName: 'S', timeZone: 'UTC' },
    });
    const theirs = await category('Snacks', stranger.id);
    const quiet = { now, announce: afterCommit(undefined) };
    const record = (who: User, categoryId: string) =>
      db.sql.transaction((tx) =>
        recordEntries(tx, who, [draft('100', { categoryId })], 'WEB', quiet),
      );
    const [kept] = (await record(user, snacks.id)).ids;
    const [binned] = (await record(user, chai.id)).ids;
    const [other] = (await record(stranger, theirs.id)).ids;
    await db.sql.transaction((tx) =>
      deleteEntries(tx, user, [binned!], { ...quiet, guard: () => Promise.resolve() }),
    );

    const { events, seen } = recorder();
    const announce = afterCommit(events);
    const moved = await db.sql.transaction((tx) =>
      moveEntriesToCategory(tx, user, [snacks.id, chai.id, theirs.id], food.id, {
        now,
        announce,
      }),
    );
    announce.publish();
    expect(moved.sort()).toEqual([kept, binned].sort());
    expect(seen).toEqual([{ userId: user.id, expenseId: kept, kind: 'updated' }]);
    const rows = await db.prisma.expense.findMany({
      where: { id: { in: [kept!, binned!, other!] } },
    });
    const categoryOf = new Map(rows.map((row) => [row.id, row.categoryId]));
    expect(categoryOf.get(kept!)).toBe(food.id);
    expect(categoryOf.get(binned!)).toBe(food.id);
    expect(categoryOf.get(other!)).toBe(theirs.id);
  });
});

describe('keptNote', () => {
  it('drops control characters and keeps at most 500 characters of a chat note', () => {
    expect(keptNote('chai\u0007 time')).toBe('chai time');
    expect(keptNote('y'.repeat(600))).toHaveLength(500);
  });
});
