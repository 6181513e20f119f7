import type { PrismaClient } from './generated/prisma/client.ts';

/**
 * A comparable description of the tables, columns, indexes, constraints and enums
 * in the current schema: what must come out the same on PGlite and PostgreSQL.
 */
export async function describeSchema(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ line: string }[]>`
    SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' ||
           coalesce(character_maximum_length::text, '') || ' ' || is_nullable || ' ' ||
           coalesce(column_default, '') AS line
      FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
    UNION ALL
    SELECT 'index ' || indexdef FROM pg_indexes
     WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'
    UNION ALL
    SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
      FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
    UNION ALL
    SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
     WHERE t.typnamespace = current_schema()::regnamespace GROUP BY t.typname`;
  // Index and constraint definitions name the schema; take it out so schemas compare.
  const schema =
    (await prisma.$queryRaw<{ s: string }[]>`SELECT current_schema() AS s`)[0]?.s ?? '';
  return rows.map((r) => r.line.replaceAll(`${schema}.`, '').replaceAll(`"${schema}".`, '')).sort();
}
