import type { Database, User } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { silent } from '@spendline/entries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookBalances } from './balances.ts';
import { createBook, findMemberBook, listBooks, setDefaultBook } from './books.ts';
import { BookRefusal, type BookRefusalReason } from './errors.ts';
import {
  acceptInvite,
  acceptInviteLink,
  createInviteLink,
  inviteByPhone,
  INVITES_PER_DAY,
  pendingInvitations,
} from './invites.ts';
import { leaveBook } from './leave.ts';
import { recordBookEntry } from './record.ts';
import { deleteSettlement, settle } from './settlements.ts';

let db: Database;
let asha: User;
let rahul: User;
let priya: User;
let stranger: User;
const now = new Date('2026-12-01T06:00:00Z');
let phoneCount = 0;

async function person(name: string): Promise<User> {
  const user = await db.prisma.user.create({
    data: { email: `${name}@example.com`, displayName: name, timeZone: 'Asia/Kolkata' },
  });
  phoneCount += 1;
  await db.prisma.whatsAppLink.create({
    data: {
      userId: user.id,
      phoneNumber: `+9198123000${String(phoneCount).padStart(2, '0')}`,
      verifiedAt: now,
    },
  });
  return user;
}

const phoneOf = async (user: User) =>
  (await db.prisma.whatsAppLink.findFirstOrThrow({ where: { userId: user.id } })).phoneNumber!;

/** A book of `owner` with `members` invited by number and joined. */
async function bookWith(owner: User, name: string, members: User[]): Promise<string> {
  const book = await db.sql.transaction((tx) => createBook(tx, owner.id, name));
  for (const member of members) {
    const phone = await phoneOf(member);
    await db.sql.transaction((tx) => inviteByPhone(tx, owner.id, book.id, phone));
    await db.sql.transaction((tx) => acceptInvite(tx, member.id, book.id));
  }
  return book.id;
}

async function refusal(work: Promise<unknown>): Promise<BookRefusal> {
  const error: unknown = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof BookRefusal)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}
const refusedWith = async (work: Promise<unknown>, reason: BookRefusalReason) =>
  expect((await refusal(work)).reason).toBe(reason);

const draft = (amountMinor: bigint, currency = 'INR') => ({
  kind: 'EXPENSE' as const,
  amountMinor,
  currency,
  occurredAt: now,
  note: 'dinner',
  categoryId: null,
});
const options = { now, announce: silent, budgets: 'none' as const, source: 'WEB' as const };

const balanceList = async (bookId: string) =>
  Object.fromEntries(
    [...(await bookBalances(db.sql, bookId))].map(([currency, members]) => [
      currency,
      Object.fromEntries(members),
    ]),
  );

beforeAll(async () => {
  db = await createTestDatabase();
  asha = await person('asha');
  rahul = await person('rahul');
  priya = await person('priya');
  stranger = await person('stranger');
});
afterAll(async () => {
  await db?.close();
});

describe('books and names', () => {
  it('makes the creator the owner and refuses a second book of the same name, in any case', async () => {
    const book = await db.sql.transaction((tx) => createBook(tx, asha.id, '  Goa   trip '));
    expect(book.name).toBe('Goa trip');
    expect((await listBooks(db.sql, asha.id)).map((b) => [b.name, b.role])).toContainEqual([
      'Goa trip',
      'OWNER',
    ]);
    await refusedWith(
      db.sql.transaction((tx) => createBook(tx, asha.id, 'GOA TRIP')),
      'NAME_TAKEN',
    );
    // Names that "use ..." reads as the personal book, in any language, could never be chosen.
    for (const personal of ['Personal', 'pessoal', 'Pribadi', 'निजी', 'my  own']) {
      await refusedWith(
        db.sql.transaction((tx) => createBook(tx, asha.id, personal)),
        'INVALID_NAME',
      );
    }
    // Another person's book may have the name.
    await expect(
      db.sql.transaction((tx) => createBook(tx, rahul.id, 'goa trip')),
    ).resolves.toBeTruthy();
  });

  it("finds a book by the start of its name, ignoring case, among the member's own only", async () => {
    await db.sql.transaction((tx) => createBook(tx, asha.id, 'Goa office'));
    await db.sql.transaction((tx) => createBook(tx, asha.id, 'Home'));
    expect((await findMemberBook(db.sql, asha.id, 'home'))?.name).toBe('Home');
    expect((await findMemberBook(db.sql, asha.id, 'goa t'))?.name).toBe('Goa trip');
    expect(await findMemberBook(db.sql, asha.id, 'goa')).toBeNull();
    expect(await findMemberBook(db.sql, stranger.id, 'home')).toBeNull();
  });

  it("sets a default book only among the user's books", async () => {
    const home = (await findMemberBook(db.sql, asha.id, 'home'))!;
    await db.sql.transaction((tx) => setDefaultBook(tx, asha.id, home.id));
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: asha.id } })).defaultBookId).toBe(
      home.id,
    );
    await refusedWith(
      db.sql.transaction((tx) => setDefaultBook(tx, stranger.id, home.id)),
      'NOT_A_MEMBER',
    );
    await db.sql.transaction((tx) => setDefaultBook(tx, asha.id, null));
    expect(
      (await db.prisma.user.findUniqueOrThrow({ where: { id: asha.id } })).defaultBookId,
    ).toBeNull();
  });
});

describe('invitations', () => {
  it("lets one person invite a day's worth of numbers, then says when more may go", async () => {
    const inviter = await person('inviter');
    const book = await db.sql.transaction((tx) => createBook(tx, inviter.id, 'Club'));
    const invite = (n: number) =>
      db.sql.transaction((tx) =>
        inviteByPhone(tx, inviter.id, book.id, `+9197000${String(n).padStart(5, '0')}`),
      );
    for (let n = 0; n < INVITES_PER_DAY; n++) await invite(n);
    // A refused invitation (the same number again) uses none of the day's allowance.
    await refusedWith(invite(0), 'ALREADY_INVITED');
    const refused = await refusal(invite(INVITES_PER_DAY));
    expect(refused.reason).toBe('TOO_MANY_INVITES');
    expect(refused.retryAfterMs).toBeGreaterThan(23 * 60 * 60 * 1000);
    const other = await db.sql.transaction((tx) => createBook(tx, inviter.id, 'Trip'));
    await refusedWith(
      db.sql.transaction((tx) => inviteByPhone(tx, inviter.id, other.id, '+919600000001')),
      'TOO_MANY_INVITES',
    );
  });

  it('invites a number once, and its owner joins', async () => {
    const book = await db.sql.transaction((tx) => createBook(tx, asha.id, 'Flat'));
    const phone = await phoneOf(rahul);
    const invited = await db.sql.transaction((tx) => inviteByPhone(tx, asha.id, book.id, phone));
    expect([invited.status, invited.userId, invited.phoneNumber]).toEqual(['INVITED', null, phone]);
    await refusedWith(
      db.sql.transaction((tx) => inviteByPhone(tx, asha.id, book.id, phone)),
      'ALREADY_INVITED',
    );
    await refusedWith(
      db.sql.transaction((tx) => inviteByPhone(tx, stranger.id, book.id, '+919800000000')),
      'NOT_A_MEMBER',
    );
    await refusedWith(
      db.sql.transaction((tx) => inviteByPhone(tx, asha.id, book.id, '98123')),
      'INVALID_PHONE',
    );
    expect(await pendingInvitations(db.sql, rahul.id)).toEqual([
      { bookId: book.id, bookName: 'Flat', membershipId: invited.id },
    ]);
    await refusedWith(
      db.sql.transaction((tx) => acceptInvite(tx, stranger.id, book.id)),
      'NO_INVITATION',
    );
    const joined = await db.sql.transaction((tx) => acceptInvite(tx, rahul.id, book.id));
    expect([joined.status, joined.userId, joined.role]).toEqual(['ACTIVE', rahul.id, 'MEMBER']);
    expect(await pendingInvitations(db.sql, rahul.id)).toEqual([]);
    await refusedWith(
      db.sql.transaction((tx) => inviteByPhone(tx, asha.id, book.id, phone)),
      'ALREADY_A_MEMBER',
    );
  });

  it("keeps only the hash of a link's token, and the link serves one person", async () => {
    const book = await db.sql.transaction((tx) => createBook(tx, asha.id, 'Link book'));
    const { token, membership } = await db.sql.transaction((tx) =>
      createInviteLink(tx, asha.id, book.id),
    );
    const stored = await db.prisma.membership.findUniqueOrThrow({ where: { id: membership.id } });
    expect(stored.inviteTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);
    const joined = await db.sql.transaction((tx) => acceptInviteLink(tx, priya.id, token));
    expect([joined.userId, joined.status]).toEqual([priya.id, 'ACTIVE']);
    await refusedWith(
      db.sql.transaction((tx) => acceptInviteLink(tx, stranger.id, token)),
      'NO_INVITATION',
    );
    await refusedWith(
      db.sql.transaction((tx) => acceptInviteLink(tx, stranger.id, 'guess')),
      'NO_INVITATION',
    );
  });

  it('refuses joining a book whose name the user already has', async () => {
    const book = await db.sql.transaction((tx) => createBook(tx, rahul.id, 'Home'));
    await db.sql.transaction((tx) => inviteByPhone(tx, rahul.id, book.id, '+919812300099'));
    await db.prisma.whatsAppLink.updateMany({
      where: { userId: asha.id },
      data: { active: false },
    });
    await db.prisma.whatsAppLink.create({
      data: { userId: asha.id, phoneNumber: '+919812300099' },
    });
    await refusedWith(
      db.sql.transaction((tx) => acceptInvite(tx, asha.id, book.id)),
      'NAME_TAKEN',
    );
    await db.prisma.whatsAppLink.deleteMany({ where: { phoneNumber: '+919812300099' } });
    await db.prisma.whatsAppLink.updateMany({ where: { userId: asha.id }, data: { active: true } });
  });
});

describe('split entries and balances', () => {
  it('splits equally among everyone, by weight, and for one member', async () => {
    const bookId = await bookWith(asha, 'Trip one', [rahul, priya]);
    const equal = await db.sql.transaction((tx) =>
      recordBookEntry(tx, asha, bookId, draft(120000n), { kind: 'equal' }, options),
    );
    expect(equal.shares.map((s) => s.shareMinor)).toEqual([40000n, 40000n, 40000n]);
    await db.sql.transaction((tx) =>
      recordBookEntry(
        tx,
        rahul,
        bookId,
        draft(100n),
        {
          kind: 'weighted',
          weights: [
            { userId: rahul.id, weight: 2n },
            { userId: asha.id, weight: 1n },
          ],
        },
        options,
      ),
    );
    await db.sql.transaction((tx) =>
      recordBookEntry(tx, priya, bookId, draft(50000n), { kind: 'for', userId: asha.id }, options),
    );
    // Asha: +80000 - 33 - 50000; Rahul: +33 - 40000; Priya: +50000 - 40000.
    expect(await balanceList(bookId)).toEqual({
      INR: { [asha.id]: 29967n, [rahul.id]: -39967n, [priya.id]: 10000n },
    });
    const stored = await db.prisma.expense.findUniqueOrThrow({ where: { id: equal.id! } });
    expect(stored.bookId).toBe(bookId);
  });

  it('refuses a split with a non-member, a member twice, or an income', async () => {
    const bookId = await bookWith(asha, 'Trip two', [rahul]);
    const before = await db.prisma.expense.count();
    await refusedWith(
      db.sql.transaction((tx) =>
        recordBookEntry(
          tx,
          asha,
          bookId,
          draft(100n),
          { kind: 'equal', userIds: [asha.id, stranger.id] },
          options,
        ),
      ),
      'INVALID_SPLIT',
    );
    await refusedWith(
      db.sql.transaction((tx) =>
        recordBookEntry(
          tx,
          asha,
          bookId,
          draft(100n),
          { kind: 'equal', userIds: [rahul.id, rahul.id] },
          options,
        ),
      ),
      'INVALID_SPLIT',
    );
    await refusedWith(
      db.sql.transaction((tx) =>
        recordBookEntry(
          tx,
          asha,
          bookId,
          { ...draft(100n), kind: 'INCOME' },
          { kind: 'equal' },
          options,
        ),
      ),
      'INVALID_SPLIT',
    );
    await refusedWith(
      db.sql.transaction((tx) =>
        recordBookEntry(tx, stranger, bookId, draft(100n), { kind: 'equal' }, options),
      ),
      'NOT_A_MEMBER',
    );
    expect(await db.prisma.expense.count()).toBe(before);
  });

  it('keeps balances per currency', async () => {
    const bookId = await bookWith(asha, 'Abroad', [rahul]);
    await db.sql.transaction((tx) =>
      recordBookEntry(tx, asha, bookId, draft(1000n, 'USD'), { kind: 'equal' }, options),
    );
    await db.sql.transaction((tx) =>
      recordBookEntry(tx, rahul, bookId, draft(300n), { kind: 'equal' }, options),
    );
    expect(await balanceList(bookId)).toEqual({
      INR: { [asha.id]: -150n, [rahul.id]: 150n },
      USD: { [asha.id]: 500n, [rahul.id]: -500n },
    });
  });
});

describe('settling and leaving', () => {
  it('refuses leaving with a balance, naming whom to settle with, then lets the member go', async () => {
    const bookId = await bookWith(asha, 'Settle', [rahul]);
    await db.sql.transaction((tx) =>
      recordBookEntry(tx, asha, bookId, draft(80000n), { kind: 'equal' }, options),
    );
    const refused = await refusal(db.sql.transaction((tx) => leaveBook(tx, rahul.id, bookId)));
    expect([refused.reason, refused.unsettled]).toEqual([
      'UNSETTLED',
      [{ currency: 'INR', amountMinor: -40000n, withUserId: asha.id }],
    ]);
    await refusedWith(
      db.sql.transaction((tx) =>
        settle(tx, stranger.id, bookId, {
          fromUserId: rahul.id,
          toUserId: asha.id,
          amountMinor: 40000n,
          currency: 'INR',
          occurredAt: now,
        }),
      ),
      'NOT_A_MEMBER',
    );
    await refusedWith(
      db.sql.transaction((tx) =>
        settle(tx, asha.id, bookId, {
          fromUserId: asha.id,
          toUserId: asha.id,
          amountMinor: 40000n,
          currency: 'INR',
          occurredAt: now,
        }),
      ),
      'INVALID_SETTLEMENT',
    );
    const paid = await db.sql.transaction((tx) =>
      settle(tx, rahul.id, bookId, {
        fromUserId: rahul.id,
        toUserId: asha.id,
        amountMinor: 40000n,
        currency: 'INR',
        occurredAt: now,
      }),
    );
    expect(await balanceList(bookId)).toEqual({});
    // Undone, the debt is back; settled again, Rahul may leave.
    expect(await db.sql.transaction((tx) => deleteSettlement(tx, stranger.id, paid.id, now))).toBe(
      false,
    );
    expect(await db.sql.transaction((tx) => deleteSettlement(tx, asha.id, paid.id, now))).toBe(
      true,
    );
    expect(await balanceList(bookId)).toEqual({ INR: { [asha.id]: 40000n, [rahul.id]: -40000n } });
    await db.sql.transaction((tx) =>
      settle(tx, asha.id, bookId, {
        fromUserId: rahul.id,
        toUserId: asha.id,
        amountMinor: 40000n,
        currency: 'INR',
        occurredAt: now,
      }),
    );
    await db.sql.transaction((tx) => setDefaultBook(tx, rahul.id, bookId));
    await db.sql.transaction((tx) => leaveBook(tx, rahul.id, bookId));
    expect((await listBooks(db.sql, rahul.id)).map((b) => b.id)).not.toContain(bookId);
    expect(
      (await db.prisma.user.findUniqueOrThrow({ where: { id: rahul.id } })).defaultBookId,
    ).toBeNull();
    await refusedWith(
      db.sql.transaction((tx) =>
        recordBookEntry(
          tx,
          asha,
          bookId,
          draft(100n),
          { kind: 'equal', userIds: [rahul.id] },
          options,
        ),
      ),
      'INVALID_SPLIT',
    );
  });

  it('hands the book to the next member when its owner leaves, and lets a leaver be invited back', async () => {
    const bookId = await bookWith(priya, 'Handover', [rahul]);
    await db.sql.transaction((tx) => leaveBook(tx, priya.id, bookId));
    expect((await listBooks(db.sql, rahul.id)).find((b) => b.id === bookId)?.role).toBe('OWNER');
    await db.sql.transaction((tx) => inviteByPhone(tx, rahul.id, bookId, '+919812300003'));
    expect(await phoneOf(priya)).toBe('+919812300003');
    const back = await db.sql.transaction((tx) => acceptInvite(tx, priya.id, bookId));
    expect([back.status, back.role]).toEqual(['ACTIVE', 'MEMBER']);
  });
});
