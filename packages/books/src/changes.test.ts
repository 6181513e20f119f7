// Shared entries changed through the entries module's one write path, and members writing
// at the same moment.
import type { Database, User } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { deleteEntries, restoreEntries, silent, updateEntry } from '@spendline/entries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookBalances } from './balances.ts';
import { createBook } from './books.ts';
import { guardSharedEntries } from './gone.ts';
import { acceptInviteLink, createInviteLink } from './invites.ts';
import { leaveBook } from './leave.ts';
import { splitAmount } from './pure/split.ts';
import { recordBookEntry } from './record.ts';

let db: Database;
let asha: User;
let rahul: User;
let priya: User;
let bookId: string;
const now = new Date('2026-12-01T06:00:00Z');
const options = { now, announce: silent, budgets: 'none' as const, source: 'WHATSAPP' as const };
const draft = (amountMinor: bigint) => ({
  kind: 'EXPENSE' as const,
  amountMinor,
  currency: 'INR',
  occurredAt: now,
  note: null,
  categoryId: null,
});

const sharesOf = async (expenseId: string) =>
  (await db.prisma.split.findMany({ where: { expenseId }, orderBy: { position: 'asc' } })).map(
    (s) => s.shareMinor,
  );

beforeAll(async () => {
  db = await createTestDatabase();
  const person = (name: string) =>
    db.prisma.user.create({ data: { email: `${name}@example.com`, displayName: name } });
  asha = await person('asha');
  rahul = await person('rahul');
  priya = await person('priya');
  bookId = (await db.sql.transaction((tx) => createBook(tx, asha.id, 'Home'))).id;
  for (const member of [rahul, priya]) {
    const { token } = await db.sql.transaction((tx) => createInviteLink(tx, asha.id, bookId));
    await db.sql.transaction((tx) => acceptInviteLink(tx, member.id, token));
  }
});
afterAll(async () => {
  await db?.close();
});

describe('editing and deleting a split entry', () => {
  it('re-splits an edited amount with the same weights, and the bin and undo move the balances', async () => {
    const weights = [
      { userId: asha.id, weight: 3n },
      { userId: rahul.id, weight: 2n },
      { userId: priya.id, weight: 2n },
    ];
    const { id } = await db.sql.transaction((tx) =>
      recordBookEntry(tx, asha, bookId, draft(70000n), { kind: 'weighted', weights }, options),
    );
    expect(await sharesOf(id!)).toEqual([30000n, 20000n, 20000n]);
    for (const amount of [100n, 101n, 1n, 99999n]) {
      await db.sql.transaction((tx) =>
        updateEntry(
          tx,
          asha,
          id!,
          { amountMinor: amount },
          { now, announce: silent, guard: guardSharedEntries },
        ),
      );
      expect(await sharesOf(id!)).toEqual(splitAmount(amount, [3n, 2n, 2n]));
    }
    const owedBefore = await bookBalances(db.sql, bookId);
    expect(owedBefore.get('INR')?.get(rahul.id)).toBe(-28571n);

    await db.sql.transaction((tx) =>
      deleteEntries(tx, asha, [id!], { now, announce: silent, guard: guardSharedEntries }),
    );
    expect(await bookBalances(db.sql, bookId)).toEqual(new Map());
    await db.sql.transaction((tx) =>
      restoreEntries(tx, asha, [id!], { now, announce: silent, guard: guardSharedEntries }),
    );
    expect(await bookBalances(db.sql, bookId)).toEqual(owedBefore);
    // Another member cannot edit the payer's entry.
    expect(
      await db.sql.transaction((tx) =>
        updateEntry(
          tx,
          rahul,
          id!,
          { amountMinor: 5n },
          { now, announce: silent, guard: guardSharedEntries },
        ),
      ),
    ).toBe(false);
    await db.sql.transaction((tx) =>
      deleteEntries(tx, asha, [id!], { now, announce: silent, guard: guardSharedEntries }),
    );
  });
});

describe('members writing at once', () => {
  it('loses none of two entries recorded at the same moment', async () => {
    const add = (payer: User) =>
      db.sql.transaction((tx) =>
        recordBookEntry(tx, payer, bookId, draft(90000n), { kind: 'equal' }, options),
      );
    const [first, second] = await Promise.all([add(asha), add(rahul)]);
    expect(first.id && second.id).toBeTruthy();
    expect(await bookBalances(db.sql, bookId)).toEqual(
      new Map([
        [
          'INR',
          new Map([
            [asha.id, 30000n],
            [rahul.id, 30000n],
            [priya.id, -60000n],
          ]),
        ],
      ]),
    );
    await db.sql.transaction((tx) =>
      deleteEntries(tx, asha, [first.id!], { now, announce: silent, guard: guardSharedEntries }),
    );
    await db.sql.transaction((tx) =>
      deleteEntries(tx, rahul, [second.id!], { now, announce: silent, guard: guardSharedEntries }),
    );
  });

  it('never lets a member leave while an entry split with them is being recorded', async () => {
    // Whichever comes first, the book never ends with a debt of someone who left.
    const results = await Promise.allSettled([
      db.sql.transaction((tx) =>
        recordBookEntry(tx, asha, bookId, draft(1000n), { kind: 'for', userId: priya.id }, options),
      ),
      db.sql.transaction((tx) => leaveBook(tx, priya.id, bookId)),
    ]);
    const left = await db.prisma.membership.findFirstOrThrow({
      where: { bookId, userId: priya.id },
    });
    const owes = (await bookBalances(db.sql, bookId)).get('INR')?.get(priya.id) ?? 0n;
    expect(left.status === 'LEFT' && owes !== 0n).toBe(false);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
  });
});
