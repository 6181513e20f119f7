import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { databaseFromPglite, openDatabase, openPglite, type Database } from './client.ts';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { applyMigrations } from './migrations.ts';

let template: Promise<PGlite> | undefined;

// Migrating a fresh PGlite takes seconds; cloning a migrated one takes a fraction.
function migratedTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const pglite = await openPglite('memory://');
    await applyMigrations(new PrismaPGlite(pglite));
    return pglite;
  })();
  return template;
}

/**
 * A migrated, empty database of its own for one test: a schema of its own on the
 * PostgreSQL at DATABASE_URL (dropped on close), otherwise an in-memory PGlite.
 */
export async function createTestDatabase(
  databaseUrl = process.env.DATABASE_URL,
): Promise<Database> {
  if (!databaseUrl) {
    // clone() is typed as the interface but returns a PGlite, which the adapter needs.
    return databaseFromPglite((await (await migratedTemplate()).clone()) as PGlite);
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const url = new URL(databaseUrl);
  url.searchParams.set('schema', schema);
  const db = await openDatabase({ databaseUrl: url.toString() });
  await db.prisma.$executeRawUnsafe(`CREATE SCHEMA "${schema}"`);
  await db.migrate();
  return {
    ...db,
    async close() {
      await db.prisma.$executeRawUnsafe(`DROP SCHEMA "${schema}" CASCADE`);
      await db.close();
    },
  };
}
