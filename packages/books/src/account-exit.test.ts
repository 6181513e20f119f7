import {
  checkCredentials,
  createAccount,
  createSession,
  deleteAccount,
  setPasswordByAdmin,
} from '@spendline/auth';
import { sql, type Database, type User } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { silent } from '@spendline/entries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaveBooksForDeletion } from './account-exit.ts';
import { bookBalances } from './balances.ts';
import { createBook } from './books.ts';
import { BookRefusal } from './errors.ts';
import { createInviteLink, acceptInviteLink } from './invites.ts';
import { leaveBook } from './leave.ts';
import { settleUpPlan } from './pure/settle.ts';
import { recordBookEntry } from './record.ts';
import { settle } from './settlements.ts';

let db: Database;
const now = new Date('2026-12-01T06:00:00Z');
const PASSWORD = 'long enough passphrase';
const options = { now, announce: silent, budgets: 'none' as const, source: 'WEB' as const };

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

async function person(name: string): Promise<User> {
  return createAccount(db.prisma, {
    email: `${name}@example.com`,
    password: PASSWORD,
    displayName: name,
  });
}

async function bookWith(owner: User, name: string, members: User[]): Promise<string> {
  const book = await db.sql.transaction((tx) => createBook(tx, owner.id, name));
  for (const member of members) {
    const link = await db.sql.transaction((tx) => createInviteLink(tx, owner.id, book.id));
    await db.sql.transaction((tx) => acceptInviteLink(tx, member.id, link.token));
  }
  return book.id;
}

const spend = (payer: User, bookId: string, amountMinor: bigint, with_: User[]) =>
  db.sql.transaction((tx) =>
    recordBookEntry(
      tx,
      payer,
      bookId,
      {
        kind: 'EXPENSE',
        amountMinor,
        currency: 'INR',
        occurredAt: now,
        note: 'rent',
        categoryId: null,
      },
      { kind: 'equal', userIds: [payer.id, ...with_.map((u) => u.id)] },
      options,
    ),
  );

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

const remove = (user: User) =>
  deleteAccount(db.prisma, { userId: user.id, password: PASSWORD }, now, leaveBooksForDeletion);

/** What the other members see of a book: balances, plan, entries with their shares, settlements. */
async function bookState(bookId: string) {
  const balances = await bookBalances(db.sql, bookId);
  return {
    balances: [...balances].map(([currency, members]) => [currency, Object.fromEntries(members)]),
    plan: settleUpPlan(balances),
    entries: await db.sql.rows(sql`
      SELECT e.id, e.user_id AS payer, e.amount_minor, e.note,
             array_agg(s.user_id::text || ':' || s.share_minor ORDER BY s.position) AS shares
        FROM expenses e JOIN splits s ON s.expense_id = e.id
       WHERE e.book_id = ${bookId}::uuid
       GROUP BY e.id ORDER BY e.id`),
    settlements: await db.sql.rows(sql`
      SELECT id, from_user_id, to_user_id, amount_minor FROM settlements
       WHERE book_id = ${bookId}::uuid ORDER BY id`),
  };
}

async function refusalOf(work: Promise<unknown>): Promise<BookRefusal> {
  const error: unknown = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof BookRefusal)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

const membership = (bookId: string, user: User) =>
  db.prisma.membership.findFirst({ where: { bookId, userId: user.id } });

describe('deleting an account in a shared book', () => {
  it('is refused with the amount, then keeps the others’ book as it was', async () => {
    const [asha, ravi, priya] = [await person('asha'), await person('ravi'), await person('priya')];
    const home = await bookWith(asha, 'Home', [ravi, priya]);
    await spend(asha, home, 300000n, [ravi]);
    // Priya's share of Asha's debt and Ravi's of Asha's credit leave Asha at zero after
    // Ravi settles, while Ravi still owes Priya: removing Asha's rows would wipe that.
    await spend(priya, home, 200000n, [asha]);
    await spend(asha, home, 200000n, [ravi]);
    // Personal data, besides the book.
    await db.prisma.expense.create({
      data: { userId: asha.id, amountMinor: 999n, currency: 'INR', occurredAt: now, source: 'WEB' },
    });
    await db.prisma.whatsAppLink.create({
      data: { userId: asha.id, phoneNumber: '+919800000101' },
    });
    await createSession(db.prisma, asha.id, now);

    const refused = await refusalOf(remove(asha));
    expect(refused.reason).toBe('UNSETTLED_BOOKS');
    expect(refused.books).toEqual([
      { bookId: home, bookName: 'Home', currency: 'INR', amountMinor: 150000n },
    ]);
    // Refused means untouched: still a member, still signing in.
    expect((await membership(home, asha))?.status).toBe('ACTIVE');
    expect(await db.prisma.session.count({ where: { userId: asha.id } })).toBe(1);

    await pay(ravi, asha, home, 150000n);
    const before = await bookState(home);
    expect(before.plan).toEqual([
      { from: ravi.id, to: priya.id, amountMinor: 100000n, currency: 'INR' },
    ]);

    expect(await remove(asha)).toEqual({ ok: true });

    expect(await bookState(home)).toEqual(before);
    const owner = await db.prisma.membership.findFirst({ where: { bookId: home, role: 'OWNER' } });
    expect(owner?.userId).toBe(ravi.id);
    expect(await membership(home, asha)).toMatchObject({ status: 'LEFT', role: 'MEMBER' });

    const left = await db.prisma.user.findUniqueOrThrow({ where: { id: asha.id } });
    expect(left).toMatchObject({ displayName: '', passwordHash: null, deletedAt: now });
    expect(left.email).not.toContain('@');
    expect(
      await checkCredentials(db.prisma, { email: 'asha@example.com', password: PASSWORD }, now),
    ).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect(
      await checkCredentials(db.prisma, { email: left.email, password: PASSWORD }, now),
    ).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect(
      await setPasswordByAdmin(db.prisma, {
        email: left.email,
        newPassword: 'a new long passphrase',
      }),
    ).toBeNull();
    const where = { where: { userId: asha.id } };
    expect(await db.prisma.session.count(where)).toBe(0);
    expect(await db.prisma.whatsAppLink.count(where)).toBe(0);
    expect(await db.prisma.category.count(where)).toBe(0);
    expect(await db.prisma.expense.count({ where: { userId: asha.id, bookId: null } })).toBe(0);
    // Her email is free again: the same person may come back with a new account.
    await expect(person('asha')).resolves.toMatchObject({ email: 'asha@example.com' });
  });

  it('lets a member who is settled go, the creator and owner staying', async () => {
    const [meera, kiran] = [await person('meera'), await person('kiran')];
    const flat = await bookWith(meera, 'Flat', [kiran]);
    await spend(meera, flat, 1000n, [kiran]);
    await spend(kiran, flat, 1000n, [meera]);
    const before = await bookState(flat);

    expect(await remove(kiran)).toEqual({ ok: true });

    expect(await bookState(flat)).toEqual(before);
    expect(await membership(flat, meera)).toMatchObject({ status: 'ACTIVE', role: 'OWNER' });
    expect(await db.prisma.user.findUnique({ where: { id: kiran.id } })).toMatchObject({
      deletedAt: now,
    });
  });

  it('takes a book nobody else is in with it, and deletes the account outright', async () => {
    const [sam, tara] = [await person('sam'), await person('tara')];
    const trip = await bookWith(sam, 'Trip', [tara]);
    await spend(sam, trip, 1000n, [tara]);
    await pay(tara, sam, trip, 500n);
    await db.sql.transaction((tx) => leaveBook(tx, tara.id, trip));

    expect(await remove(sam)).toEqual({ ok: true });

    expect(await db.prisma.book.count({ where: { id: trip } })).toBe(0);
    expect(await db.prisma.expense.count({ where: { bookId: trip } })).toBe(0);
    expect(await db.prisma.user.count({ where: { id: sam.id } })).toBe(0);
    expect(await db.prisma.user.count({ where: { id: tara.id } })).toBe(1);
  });

  it('keeps the account’s row for a book it left that others still use', async () => {
    const [uma, vik] = [await person('uma'), await person('vik')];
    const club = await bookWith(vik, 'Club', [uma]);
    await spend(uma, club, 1000n, [vik]);
    await pay(vik, uma, club, 500n);
    await db.sql.transaction((tx) => leaveBook(tx, uma.id, club));
    const before = await bookState(club);

    expect(await remove(uma)).toEqual({ ok: true });

    expect(await bookState(club)).toEqual(before);
    expect(await db.prisma.user.findUnique({ where: { id: uma.id } })).toMatchObject({
      deletedAt: now,
    });
  });

  it('takes the former members’ rows along when the last member goes too', async () => {
    const [lena, omar] = [await person('lena'), await person('omar')];
    const pool = await bookWith(lena, 'Pool', [omar]);
    await spend(lena, pool, 1000n, [omar]);
    await pay(omar, lena, pool, 500n);
    expect(await remove(lena)).toEqual({ ok: true });
    expect(await db.prisma.user.count({ where: { id: lena.id } })).toBe(1);

    expect(await remove(omar)).toEqual({ ok: true });

    expect(await db.prisma.book.count({ where: { id: pool } })).toBe(0);
    expect(await db.prisma.user.count({ where: { id: { in: [lena.id, omar.id] } } })).toBe(0);
  });

  it('lets the second of two members leaving at once take the book away', async () => {
    const [nia, raj] = [await person('nia'), await person('raj')];
    const van = await bookWith(nia, 'Van', [raj]);
    await spend(nia, van, 1000n, [raj]);
    await pay(raj, nia, van, 500n);

    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered = () => {};
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const first = db.sql.transaction(async (tx) => {
      const kept = await leaveBooksForDeletion(tx, nia.id);
      entered();
      await held;
      return kept;
    });
    // Raj starts once Nia's exit holds its locks, still open: he must wait for it, then
    // find her gone.
    await inside;
    const second = db.sql.transaction((tx) => leaveBooksForDeletion(tx, raj.id));
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();

    expect(await Promise.all([first, second])).toEqual([true, false]);
    expect(await db.prisma.book.count({ where: { id: van } })).toBe(0);
  });
});
