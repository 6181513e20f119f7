import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, PrismaClient } from './generated/prisma/client.ts';
import type { Database } from './client.ts';
import { createTestDatabase } from './testing.ts';

// The direct path exists on PostgreSQL only; PGlite keeps Prisma's own.
describe.runIf(Boolean(process.env.DATABASE_URL))('raw statements sent directly', () => {
  let db: Database;
  let viaPrisma: PrismaClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The same database through Prisma alone: the results to match.
    viaPrisma = new PrismaClient({ adapter: db.adapterFactory });
  });
  afterAll(async () => {
    await viaPrisma.$disconnect();
    await db.close();
  });

  const instant = new Date('2026-03-29T01:30:00.123Z');
  const queries: [string, () => Prisma.Sql][] = [
    [
      'scalars',
      () => Prisma.sql`SELECT ${7}::int AS int4, ${9007199254740993n}::int8 AS int8,
        ${new Prisma.Decimal('12.50')}::numeric AS numeric, ${'₹ text'}::text AS text,
        ${true}::bool AS bool, ${null}::text AS nothing,
        '0193f5c2-7c1e-7cc0-9a55-3d0c2f0b1a11'::uuid AS uuid,
        'SENT'::"OutboundStatus" AS enum`,
    ],
    [
      'times',
      () => Prisma.sql`SELECT ${instant}::timestamptz AS timestamptz,
        ${instant}::timestamp AS timestamp, ${instant}::date AS date,
        (${instant}::timestamptz AT TIME ZONE 'Asia/Kolkata')::date AS local_date`,
    ],
    [
      'json and arrays',
      () => Prisma.sql`SELECT ${JSON.stringify({ a: [1, 'x'], b: null })}::jsonb AS jsonb,
        ${['a', 'b,c', null]}::text[] AS texts, ${[1n, 2n]}::int8[] AS int8s,
        ARRAY[1.5, 2]::numeric[] AS numerics, ARRAY[${instant}::date] AS dates,
        SUM(x)::text AS sum_text, SUM(x) AS sum
        FROM unnest(${[3, 4]}::int8[]) AS x`,
    ],
  ];

  it.each(queries)('types %s as Prisma does', async (_name, query) => {
    // Twice each way: the second run uses the prepared statement.
    for (let round = 0; round < 2; round++) {
      const direct = await db.prisma.$queryRaw<Record<string, unknown>[]>(query());
      const reference = await viaPrisma.$queryRaw<Record<string, unknown>[]>(query());
      expect(direct).toEqual(reference);
      expect(direct.length).toBe(1);
    }
  });

  it('answers with the number of rows changed', async () => {
    const changed = await db.prisma.$executeRaw`
      UPDATE users SET display_name = display_name WHERE false`;
    expect(changed).toBe(0);
  });

  it('runs a transaction’s raw statements inside that transaction', async () => {
    const email = 'direct@example.com';
    const seen = await db.prisma
      .$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO users (id, email, display_name, updated_at)
          VALUES (gen_random_uuid(), ${email}, 'Direct', now())`;
        // A model query on the transaction sees the raw insert: one connection.
        const found = await tx.user.findUnique({ where: { email } });
        const [row] = await tx.$queryRaw<{ same: boolean }[]>`
          SELECT txid_current() = txid_current_if_assigned() AS same`;
        throw Object.assign(new Error('roll back'), { found, same: row?.same });
      })
      .catch((error: { found?: unknown; same?: boolean }) => error);
    expect(seen).toMatchObject({ found: { email }, same: true });
    // Rolled back with the transaction.
    expect(await db.prisma.user.findUnique({ where: { email } })).toBeNull();
  });

  it('runs statements a transaction starts at once one after another, in order', async () => {
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listen);
    try {
      const rows = await db.prisma.$transaction((tx) =>
        Promise.all(
          [3, 1, 2].map(
            (n) => tx.$queryRaw<{ n: number }[]>`
            SELECT ${n}::int AS n, pg_sleep(${n / 100}::float8)::text AS slept`,
          ),
        ),
      );
      expect(rows.map(([row]) => row?.n)).toEqual([3, 1, 2]);
      // Warnings arrive on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listen);
    }
    expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
  });

  it('refuses a raw statement on a transaction that has ended', async () => {
    let leaked: Prisma.TransactionClient | undefined;
    await db.prisma.$transaction(async (tx) => {
      leaked = tx;
      await tx.$queryRaw`SELECT 1`;
    });
    await expect(leaked!.$queryRaw`SELECT 1`).rejects.toThrow('Transaction already closed');
  });

  it('leaves the array form of $transaction to Prisma', async () => {
    const [users, links] = await db.prisma.$transaction([
      db.prisma.user.count(),
      db.prisma.whatsAppLink.count(),
    ]);
    expect([users, links]).toEqual([0, 0]);
  });
});
