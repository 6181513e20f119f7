// A payment the bank names by a reference (UPI ref, UTR) is recorded once per person,
// whichever source sees it first and however often it is seen again.
import type { Database, User } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from './announce.ts';
import { deleteEntries, restoreEntries } from './change.ts';
import { EntryValidationError, type EntryDraft } from './drafts.ts';
import { recordEntries } from './record.ts';

let db: Database;
let asha: User;
let ravi: User;
const now = new Date('2026-12-03T06:00:00Z');
const options = {
  now,
  announce: inTransaction(undefined),
  budgets: 'none' as const,
  guard: () => Promise.resolve(),
};

const payment = (reference: string | null, amountMinor = '50000'): EntryDraft => ({
  kind: 'EXPENSE',
  amountMinor,
  currency: 'INR',
  occurredAt: now,
  note: 'swiggy@icici',
  categoryId: null,
  reference,
});

const record = (user: User, drafts: EntryDraft[]) =>
  db.sql.transaction((tx) => recordEntries(tx, user, drafts, 'WHATSAPP', options));

beforeAll(async () => {
  db = await createTestDatabase();
  asha = await db.prisma.user.create({ data: { email: 'asha@example.com', displayName: 'Asha' } });
  ravi = await db.prisma.user.create({ data: { email: 'ravi@example.com', displayName: 'Ravi' } });
});
afterAll(async () => {
  await db?.close();
});

const live = (user: User, reference: string) =>
  db.prisma.expense.count({ where: { userId: user.id, reference, deletedAt: null } });

describe('payment references', () => {
  it('store the payment once: a second draft with its reference is skipped, in a batch too', async () => {
    const first = await record(asha, [payment('334455667788')]);
    expect(first.ids).toHaveLength(1);
    const again = await record(asha, [payment('334455667788', '51000'), payment('334455667799')]);
    expect(again.ids).toHaveLength(1);
    const twice = await record(asha, [payment('634500000001'), payment('634500000001')]);
    expect(twice.ids).toHaveLength(1);
    expect(await live(asha, '334455667788')).toBe(1);
    expect(await live(asha, '634500000001')).toBe(1);
  });

  it('belong to one person: another may hold the same reference', async () => {
    expect((await record(ravi, [payment('334455667788')])).ids).toHaveLength(1);
  });

  it('never make entries without one collide', async () => {
    expect((await record(asha, [payment(null), payment(null)])).ids).toHaveLength(2);
  });

  it('free an undone payment to be recorded again, and then keep its restore from doubling it', async () => {
    const [removed] = (await record(asha, [payment('634500000002')])).ids;
    await db.sql.transaction((tx) => deleteEntries(tx, asha, [removed!], options));
    const [again] = (await record(asha, [payment('634500000002')])).ids;
    expect(again).toBeDefined();
    const restored = await db.sql.transaction((tx) =>
      restoreEntries(tx, asha, [removed!], options),
    );
    expect(restored).toEqual([]);
    expect(await live(asha, '634500000002')).toBe(1);
  });

  it('refuse a reference that is no bank reference', async () => {
    await expect(record(asha, [payment('ref with spaces')])).rejects.toThrow(EntryValidationError);
    await expect(record(asha, [payment('X'.repeat(65))])).rejects.toThrow(EntryValidationError);
  });
});
