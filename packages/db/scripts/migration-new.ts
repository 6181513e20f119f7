// npm run db:migration:new NAME — diff the committed migrations against
// prisma/schema.prisma on a throwaway in-memory PGlite and write the SQL.
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { diffMigrationsToSchema, writeMigration } from '../src/migrations.ts';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error(
    'Usage: npm run db:migration:new NAME   (NAME: lower-case letters, digits and _ only)',
  );
  process.exit(2);
}
const scratch = await PGlite.create('memory://');
try {
  const sql = await diffMigrationsToSchema(new PrismaPGlite(scratch));
  if (sql === null) {
    console.log('prisma/schema.prisma matches the migrations: nothing to write.');
  } else {
    console.log(`Wrote ${await writeMigration(name, sql)}/migration.sql`);
  }
} finally {
  await scratch.close();
}
// The schema engine leaves a timer behind; do not wait for it.
process.exit(0);
