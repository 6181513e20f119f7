import { describe, expect, it } from 'vitest';
import { describeSchema } from './catalog.ts';
import { openDatabase } from './client.ts';
import { diffMigrationsToSchema, readMigrationList } from './migrations.ts';
import { createTestDatabase } from './testing.ts';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';

const postgresUrl = process.env.DATABASE_URL;

describe('migrations', () => {
  it('apply to an empty embedded database once, then find nothing left to apply', async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      const names = (await readMigrationList()).migrationDirectories.map((m) => m.path);
      expect(names.length).toBeGreaterThan(0);
      expect(await db.migrate()).toEqual(names);
      expect(await db.migrate()).toEqual([]);
      expect(await db.prisma.user.count()).toBe(0);
    } finally {
      await db.close();
    }
  });

  it.runIf(postgresUrl)(
    'apply to an empty PostgreSQL schema once, then find nothing left',
    async () => {
      const db = await createTestDatabase(postgresUrl);
      try {
        expect(db.engine).toBe('postgresql');
        expect(await db.migrate()).toEqual([]);
        const applied = await db.prisma.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
        expect(Number(applied[0]?.n)).toBe((await readMigrationList()).migrationDirectories.length);
      } finally {
        await db.close();
      }
    },
  );

  it.runIf(postgresUrl)('leave the same schema on PGlite and PostgreSQL', async () => {
    const embedded = await createTestDatabase('');
    const server = await createTestDatabase(postgresUrl);
    try {
      const [a, b] = [await describeSchema(embedded.prisma), await describeSchema(server.prisma)];
      expect(a.length).toBeGreaterThan(50);
      expect(b).toEqual(a);
    } finally {
      await embedded.close();
      await server.close();
    }
  });

  it('cover everything prisma/schema.prisma describes (no migration is missing)', async () => {
    const shadow = await PGlite.create('memory://');
    try {
      expect(await diffMigrationsToSchema(new PrismaPGlite(shadow))).toBeNull();
    } finally {
      await shadow.close();
    }
  });
});
