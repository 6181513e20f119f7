// The database's balances against the reference, over random sequences of splits, edits,
// deletes, restores, settlements and their undoing, each written through the real paths.
import type { Database, User } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { deleteEntries, restoreEntries, silent, updateEntry } from '@spendline/entries';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookBalances } from './balances.ts';
import { createBook } from './books.ts';
import { guardSharedEntries } from './gone.ts';
import { acceptInviteLink, createInviteLink } from './invites.ts';
import {
  apply,
  MEMBERS,
  operation,
  referenceBalances,
  type Model,
  type Operation,
} from './pure/book-model.ts';
import { recordBookEntry } from './record.ts';
import { deleteSettlement, settle } from './settlements.ts';

let db: Database;
const members: User[] = [];
let runs = 0;
const now = new Date('2026-12-01T06:00:00Z');
const options = { now, announce: silent, budgets: 'none' as const, source: 'WEB' as const };

beforeAll(async () => {
  db = await createTestDatabase();
  for (let i = 0; i < MEMBERS; i++) {
    members.push(
      await db.prisma.user.create({ data: { email: `m${i}@example.com`, displayName: `m${i}` } }),
    );
  }
});
afterAll(async () => {
  await db?.close();
});

async function newBook(): Promise<string> {
  runs += 1;
  const book = await db.sql.transaction((tx) => createBook(tx, members[0]!.id, `Run ${runs}`));
  for (const member of members.slice(1)) {
    const { token } = await db.sql.transaction((tx) =>
      createInviteLink(tx, members[0]!.id, book.id),
    );
    await db.sql.transaction((tx) => acceptInviteLink(tx, member.id, token));
  }
  return book.id;
}

/** Does in the database what `apply` did to the model. */
async function mirror(
  bookId: string,
  model: Model,
  op: Operation,
  index: number,
  entryIds: string[],
  settlementIds: string[],
): Promise<void> {
  await db.sql.transaction(async (tx) => {
    switch (op.kind) {
      case 'add': {
        const weights = op.weights.flatMap((weight, i) =>
          weight > 0n ? [{ userId: members[i]!.id, weight }] : [],
        );
        const { id } = await recordBookEntry(
          tx,
          members[op.payer]!,
          bookId,
          {
            kind: 'EXPENSE',
            amountMinor: op.amount,
            currency: op.currency,
            occurredAt: now,
            note: null,
            categoryId: null,
          },
          { kind: 'weighted', weights },
          options,
        );
        entryIds.push(id!);
        return;
      }
      case 'edit':
      case 'delete':
      case 'restore': {
        const payer = members[model.entries[index]!.payer]!;
        const id = entryIds[index]!;
        if (op.kind === 'edit') {
          await updateEntry(
            tx,
            payer,
            id,
            { amountMinor: op.amount },
            { now, announce: silent, guard: guardSharedEntries },
          );
        } else if (op.kind === 'delete') {
          await deleteEntries(tx, payer, [id], {
            now,
            announce: silent,
            guard: guardSharedEntries,
          });
        } else {
          await restoreEntries(tx, payer, [id], {
            now,
            announce: silent,
            budgets: 'none',
            guard: guardSharedEntries,
          });
        }
        return;
      }
      case 'settle': {
        const recorded = await settle(tx, members[op.from]!.id, bookId, {
          fromUserId: members[op.from]!.id,
          toUserId: members[op.to]!.id,
          amountMinor: op.amount,
          currency: op.currency,
          occurredAt: now,
        });
        settlementIds.push(recorded.id);
        return;
      }
      case 'unsettle': {
        const s = model.settlements[index]!;
        expect(await deleteSettlement(tx, members[s.to]!.id, settlementIds[index]!, now)).toBe(
          true,
        );
        return;
      }
    }
  });
}

const flat = (balances: Awaited<ReturnType<typeof bookBalances>>) =>
  Object.fromEntries(
    [...balances].flatMap(([currency, byUser]) =>
      [...byUser].map(([userId, amount]) => [
        `${currency} ${members.findIndex((m) => m.id === userId)}`,
        amount,
      ]),
    ),
  );

describe('bookBalances', () => {
  it('always equals the reference computation, which sums to zero', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (operations) => {
        const bookId = await newBook();
        const model: Model = { entries: [], settlements: [] };
        const entryIds: string[] = [];
        const settlementIds: string[] = [];
        for (const op of operations) {
          const acted = apply(model, op);
          if (acted) await mirror(bookId, model, op, acted.index, entryIds, settlementIds);
        }
        const expected = referenceBalances(model);
        expect(flat(await bookBalances(db.sql, bookId))).toEqual(expected);
        for (const currency of ['INR', 'USD']) {
          const sum = Object.entries(expected)
            .filter(([key]) => key.startsWith(currency))
            .reduce((total, [, amount]) => total + amount, 0n);
          expect(sum).toBe(0n);
        }
      }),
      { numRuns: 15 },
    );
  });
});
