import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase } from '../testing.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { Database } from '../client.ts';
import {
  join,
  prismaQueries,
  sql,
  TransactionClosedError,
  TransactionTimeoutError,
} from './index.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql.execute(sql`CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)`);
});
afterAll(() => db.close());

const count = async () =>
  (await db.sql.rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM notes`))[0]?.n;

describe(`the sql database (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('reads money, decimals, dates and arrays the same way on both engines', async () => {
    const [row] = await db.sql.rows<Record<string, unknown>>(sql`
      SELECT 9007199254740993::int8 AS big, 12.345::numeric AS exact,
             DATE '2026-12-06' AS day, TIMESTAMP '2026-12-06 10:30:00' AS at,
             TIMESTAMPTZ '2026-12-06 10:30:00+05:30' AS zoned,
             ARRAY[1, 2]::int8[] AS bigs, ARRAY['a', NULL]::text[] AS texts,
             '{"a": [1]}'::jsonb AS doc, 7::int4 AS small, true AS yes`);
    expect(row).toEqual({
      big: 9007199254740993n,
      exact: new Prisma.Decimal('12.345'),
      day: new Date('2026-12-06T00:00:00Z'),
      at: new Date('2026-12-06T10:30:00Z'),
      zoned: new Date('2026-12-06T05:00:00Z'),
      bigs: [1n, 2n],
      texts: ['a', null],
      doc: { a: [1] },
      small: 7,
      yes: true,
    });
  });

  it('binds instants, bigints, decimals, arrays and JSON text as the columns expect', async () => {
    const [row] = await db.sql.rows<Record<string, unknown>>(sql`
      SELECT ${new Date('2026-01-02T03:04:05.678Z')}::timestamptz AS at,
             ${12n}::int8 + 1 AS big, ${new Prisma.Decimal('0.1')}::numeric + 0.2 AS exact,
             ${['x', 'y']}::text[] AS texts, ${JSON.stringify({ k: 'v' })}::jsonb AS doc,
             ${null}::text AS nothing`);
    expect(row).toEqual({
      at: new Date('2026-01-02T03:04:05.678Z'),
      big: 13n,
      exact: new Prisma.Decimal('0.3'),
      texts: ['x', 'y'],
      doc: { k: 'v' },
      nothing: null,
    });
  });

  it('commits a transaction whose work resolves and counts the rows changed', async () => {
    const changed = await db.sql.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO notes VALUES (1, 'one'), (2, 'two')`);
      return tx.execute(sql`UPDATE notes SET body = upper(body) WHERE id IN (${join([1, 2])})`);
    });
    expect(changed).toBe(2);
    expect(await count()).toBe(2);
  });

  it('rolls back work that throws and passes the error on', async () => {
    const failure = new Error('handler failed');
    await expect(
      db.sql.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO notes VALUES (3, 'three')`);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await count()).toBe(2);
  });

  it('runs statements started at once in a transaction one after the other', async () => {
    const bodies = await db.sql.transaction((tx) =>
      Promise.all(
        [10, 11, 12].map((id) =>
          tx.rows<{ body: string }>(
            sql`INSERT INTO notes VALUES (${id}, ${`n${id}`}) RETURNING body`,
          ),
        ),
      ),
    );
    expect(bodies.flat().map((row) => row.body)).toEqual(['n10', 'n11', 'n12']);
    await db.sql.execute(sql`DELETE FROM notes WHERE id >= 10`);
  });

  it('fails a transaction with the first failing statement of those started at once', async () => {
    // On PostgreSQL they travel together: the ones behind the failure find the
    // transaction aborted, and none of them is committed.
    const started = db.sql.transaction((tx) =>
      Promise.all([
        tx.execute(sql`INSERT INTO notes VALUES (20, 'twenty')`),
        tx.execute(sql`INSERT INTO notes VALUES (1, 'taken')`),
        tx.execute(sql`INSERT INTO notes VALUES (21, 'twenty-one')`),
      ]),
    );
    await expect(started).rejects.toMatchObject({ code: '23505' });
    expect(await count()).toBe(2);
  });

  it('rolls back a transaction whose first statement fails and leaves its connection usable', async () => {
    await expect(
      db.sql.transaction((tx) => tx.execute(sql`INSERT INTO notes VALUES (1, 'again')`)),
    ).rejects.toMatchObject({ code: '23505' });
    // Every pooled connection still opens a transaction of its own, not inside an old one.
    const inTransaction = await Promise.all(
      Array.from({ length: 25 }, () =>
        db.sql
          .transaction(async (tx) => {
            await tx.execute(sql`INSERT INTO notes VALUES (30, 'thirty')`);
            throw new Error('undo');
          })
          .catch((error: unknown) => (error as Error).message),
      ),
    );
    expect(new Set(inTransaction)).toEqual(new Set(['undo']));
    expect(await count()).toBe(2);
  });

  it('rolls back work that outlives its timeout and refuses its later statements', async () => {
    let late: Promise<unknown> | undefined;
    await expect(
      db.sql.transaction(
        async (tx) => {
          await tx.execute(sql`INSERT INTO notes VALUES (4, 'four')`);
          await new Promise((resolve) => setTimeout(resolve, 300));
          late = tx.execute(sql`INSERT INTO notes VALUES (5, 'five')`);
          await late;
        },
        { timeoutMs: 100 },
      ),
    ).rejects.toBeInstanceOf(TransactionTimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expect(late).rejects.toBeInstanceOf(TransactionClosedError);
    expect(await count()).toBe(2);
    // The connection went back to the pool usable.
    expect(await db.sql.transaction((tx) => tx.rows(sql`SELECT 1 AS one`))).toEqual([{ one: 1 }]);
  });

  it('checks rows against a schema, refusing a shape the code does not expect', async () => {
    const schema = z.object({ id: z.number(), body: z.string() });
    expect(await db.sql.rowsOf(sql`SELECT id, body FROM notes ORDER BY id`, schema)).toEqual([
      { id: 1, body: 'ONE' },
      { id: 2, body: 'TWO' },
    ]);
    await expect(
      db.sql.rowsOf(sql`SELECT id, NULL::text AS body FROM notes`, schema),
    ).rejects.toBeInstanceOf(z.ZodError);
  });

  it('runs the same statements inside a Prisma transaction', async () => {
    const rows = await db.prisma.$transaction((tx) =>
      prismaQueries(tx).rows<{ big: bigint; day: Date }>(
        sql`SELECT 5::int8 AS big, DATE '2026-12-06' AS day`,
      ),
    );
    expect(rows).toEqual([{ big: 5n, day: new Date('2026-12-06T00:00:00Z') }]);
  });
});
