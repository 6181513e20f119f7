// Entries and settlements with someone who left the book, or whose account is gone, keep
// their money where it is; with members still in the book they change as before.
import { createAccount, deleteAccount } from '@spendline/auth';
import type { Database, User } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import {
  deleteEntries,
  recordEntries,
  restoreEntries,
  silent,
  updateEntry,
} from '@spendline/entries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaveBooksForDeletion } from './account-exit.ts';
import { bookBalances } from './balances.ts';
import { createBook } from './books.ts';
import { BookRefusal } from './errors.ts';
import { guardSharedEntries } from './gone.ts';
import { acceptInviteLink, createInviteLink } from './invites.ts';
import { leaveBook } from './leave.ts';
import { recordBookEntry } from './record.ts';
import { deleteSettlement, settle } from './settlements.ts';

let db: Database;
const now = new Date('2026-12-01T06:00:00Z');
const PASSWORD = 'long enough passphrase';
const options = { now, announce: silent, budgets: 'none' as const, source: 'WEB' as const };
const changing = { now, announce: silent, budgets: 'none' as const, guard: guardSharedEntries };

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const person = (name: string) =>
  createAccount(db.prisma, { email: `${name}@example.com`, password: PASSWORD, displayName: name });

async function bookWith(owner: User, members: User[]): Promise<string> {
  const book = await db.sql.transaction((tx) => createBook(tx, owner.id, 'Flat'));
  for (const member of members) {
    const link = await db.sql.transaction((tx) => createInviteLink(tx, owner.id, book.id));
    await db.sql.transaction((tx) => acceptInviteLink(tx, member.id, link.token));
  }
  return book.id;
}

const draft = (amountMinor: bigint) => ({
  kind: 'EXPENSE' as const,
  amountMinor,
  currency: 'INR',
  occurredAt: now,
  note: 'rent',
  categoryId: null,
});

/** An entry `payer` paid, shared equally with `other`; its id. */
async function spend(payer: User, bookId: string, other: User, amountMinor = 1000n) {
  const { id } = await db.sql.transaction((tx) =>
    recordBookEntry(
      tx,
      payer,
      bookId,
      draft(amountMinor),
      { kind: 'equal', userIds: [payer.id, other.id] },
      options,
    ),
  );
  return id!;
}

const pay = (from: User, to: User, bookId: string, amountMinor: bigint) =>
  db.sql.transaction((tx) =>
    settle(tx, from.id, bookId, {
      fromUserId: from.id,
      toUserId: to.id,
      amountMinor,
      currency: 'INR',
      occurredAt: now,
    }),
  );

async function reasonOf(work: Promise<unknown>): Promise<string> {
  const error: unknown = await work.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof BookRefusal ? error.reason : `no refusal: ${String(error)}`;
}

/** Every change that moves money refused, the ones that do not allowed, balances kept. */
async function expectKept(user: User, bookId: string, entryId: string, binnedId: string) {
  const before = await bookBalances(db.sql, bookId);
  const write = <T>(work: (tx: Parameters<typeof guardSharedEntries>[0]) => Promise<T>) =>
    reasonOf(db.sql.transaction(work));
  for (const patch of [{ amountMinor: 1n }, { currency: 'USD' }, { kind: 'INCOME' as const }]) {
    expect(await write((tx) => updateEntry(tx, user, entryId, patch, changing))).toBe(
      'MEMBER_GONE',
    );
  }
  expect(await write((tx) => deleteEntries(tx, user, [entryId], changing))).toBe('MEMBER_GONE');
  expect(await write((tx) => restoreEntries(tx, user, [binnedId], changing))).toBe('MEMBER_GONE');
  const untouched = {
    note: 'rent, June',
    categoryId: null,
    occurredAt: new Date(now.getTime() - 1),
  };
  expect(
    await db.sql.transaction((tx) => updateEntry(tx, user, entryId, untouched, changing)),
  ).toBe(true);
  expect(await bookBalances(db.sql, bookId)).toEqual(before);
}

describe('changes that move money in a book', () => {
  it('go on as before while everyone in the entry or settlement is still a member', async () => {
    const [asha, rahul] = [await person('asha'), await person('rahul')];
    const bookId = await bookWith(asha, [rahul]);
    const entryId = await spend(asha, bookId, rahul);
    await db.sql.transaction((tx) =>
      updateEntry(tx, asha, entryId, { amountMinor: 3000n }, changing),
    );
    await db.sql.transaction((tx) => deleteEntries(tx, asha, [entryId], changing));
    await db.sql.transaction((tx) => restoreEntries(tx, asha, [entryId], changing));
    const paid = await pay(rahul, asha, bookId, 1500n);
    expect(await db.sql.transaction((tx) => deleteSettlement(tx, asha.id, paid.id, now))).toBe(
      true,
    );
    expect((await bookBalances(db.sql, bookId)).get('INR')?.get(rahul.id)).toBe(-1500n);
  });

  it('are refused once a member in them has left, and nobody is left owing', async () => {
    const [asha, priya] = [await person('asha2'), await person('priya')];
    const bookId = await bookWith(asha, [priya]);
    const entryId = await spend(asha, bookId, priya);
    const binnedId = await spend(asha, bookId, priya, 400n);
    await db.sql.transaction((tx) => deleteEntries(tx, asha, [binnedId], changing));
    const paid = await pay(priya, asha, bookId, 500n);
    await db.sql.transaction((tx) => leaveBook(tx, priya.id, bookId));

    await expectKept(asha, bookId, entryId, binnedId);
    expect(
      await reasonOf(db.sql.transaction((tx) => deleteSettlement(tx, asha.id, paid.id, now))),
    ).toBe('MEMBER_GONE');
    expect(await bookBalances(db.sql, bookId)).toEqual(new Map());
  });

  it('are refused to a payer who left themselves, while their personal entries change freely', async () => {
    const [asha, ravi] = [await person('asha3'), await person('ravi')];
    const bookId = await bookWith(asha, [ravi]);
    const entryId = await spend(ravi, bookId, asha);
    const binnedId = await spend(ravi, bookId, asha, 400n);
    await db.sql.transaction((tx) => deleteEntries(tx, ravi, [binnedId], changing));
    await pay(asha, ravi, bookId, 500n);
    await db.sql.transaction((tx) => leaveBook(tx, ravi.id, bookId));

    await expectKept(ravi, bookId, entryId, binnedId);
    const {
      ids: [personal],
    } = await recordEntries(db.sql, ravi, [draft(700n)], 'WEB', options);
    await db.sql.transaction(async (tx) => {
      expect(await updateEntry(tx, ravi, personal!, { amountMinor: 900n }, changing)).toBe(true);
      expect(await deleteEntries(tx, ravi, [personal!], changing)).toEqual([personal]);
      expect(await restoreEntries(tx, ravi, [personal!], changing)).toEqual([personal]);
    });
  });

  it('are refused once a member in them deleted their account', async () => {
    const [asha, dev] = [await person('asha4'), await person('dev')];
    const bookId = await bookWith(asha, [dev]);
    const entryId = await spend(asha, bookId, dev);
    const binnedId = await spend(asha, bookId, dev, 400n);
    await db.sql.transaction((tx) => deleteEntries(tx, asha, [binnedId], changing));
    const paid = await pay(dev, asha, bookId, 500n);
    await deleteAccount(
      db.prisma,
      { userId: dev.id, password: PASSWORD },
      now,
      leaveBooksForDeletion,
    );

    await expectKept(asha, bookId, entryId, binnedId);
    expect(
      await reasonOf(db.sql.transaction((tx) => deleteSettlement(tx, asha.id, paid.id, now))),
    ).toBe('MEMBER_GONE');
  });

  it('never leave a member who left owing, when the change and the leaving come at once', async () => {
    const [asha, neha] = [await person('asha5'), await person('neha')];
    const bookId = await bookWith(asha, [neha]);
    const entryId = await spend(asha, bookId, neha);
    await pay(neha, asha, bookId, 500n);
    const results = await Promise.allSettled([
      db.sql.transaction((tx) => updateEntry(tx, asha, entryId, { amountMinor: 3000n }, changing)),
      db.sql.transaction((tx) => leaveBook(tx, neha.id, bookId)),
    ]);
    const left = await db.prisma.membership.findFirstOrThrow({
      where: { bookId, userId: neha.id },
    });
    const owes = (await bookBalances(db.sql, bookId)).get('INR')?.get(neha.id) ?? 0n;
    expect(left.status === 'LEFT' && owes !== 0n).toBe(false);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});
