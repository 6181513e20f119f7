import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { applyMigrations } from './migrations.ts';
import { defaultDataDir } from './paths.ts';

export interface DatabaseOptions {
  /** postgres://... ; unset means the embedded PGlite database. */
  databaseUrl?: string | undefined;
  /** PGlite's directory, or "memory://" for a throwaway database. */
  dataDir?: string | undefined;
}

export interface Database {
  prisma: PrismaClient;
  engine: 'postgresql' | 'pglite';
  /** The adapter factory, for the schema engine (migrations) and raw access. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * `postgres://…?schema=name` selects a schema, as Prisma's own URLs do. node-postgres
 * ignores that parameter, so it becomes the connection's search_path instead.
 */
export function pgConfigFromUrl(databaseUrl: string): {
  connectionString: string;
  schema?: string;
} {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  return schema
    ? { connectionString: url.toString(), schema }
    : { connectionString: url.toString() };
}

/** Distinct statements prepared per process; later ones run unprepared. */
const PREPARED_STATEMENTS_MAX = 1_000;
const PREPARABLE = /^\s*(?:SELECT|INSERT|UPDATE|DELETE|WITH)\b/i;

/**
 * Put in a statement's SQL to keep it unprepared. A prepared statement may be given a
 * plan generic over its parameters, which suits point lookups and writes but can be far
 * slower for a report whose best plan depends on the range or the user it reads.
 */
export const PLAN_PER_CALL = '/* plan per call */';

/**
 * Names each distinct data statement so every pooled connection parses and plans it
 * once (node-postgres then sends only Bind/Execute). The application issues a bounded
 * set of statements; the cap keeps an odd generator (e.g. varying IN lists) from
 * growing the per-connection caches without limit.
 */
export function preparedStatementNames(
  max = PREPARED_STATEMENTS_MAX,
): (query: { sql: string }) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known !== undefined || names.size >= max) return known;
    if (!PREPARABLE.test(sql) || sql.includes(PLAN_PER_CALL)) return undefined;
    const name = `s${names.size}`;
    names.set(sql, name);
    return name;
  };
}

/**
 * Connections per process. The inbox processor holds up to 12 for its transactions
 * (see createInboxProcessor); acknowledgements, the outbox dispatcher and GraphQL
 * share the rest. Four replicas stay well within PostgreSQL's default 100.
 */
const POOL_SIZE = 20;

export function postgresAdapterFactory(databaseUrl: string): PrismaPg {
  const { connectionString, schema } = pgConfigFromUrl(databaseUrl);
  // Typed as PrismaPg wants it; undefined leaves a statement unnamed (unprepared).
  const statementNameGenerator = preparedStatementNames() as (query: { sql: string }) => string;
  return new PrismaPg(
    schema
      ? {
          connectionString,
          max: POOL_SIZE,
          options: `-c search_path="${schema.replaceAll('"', '""')}"`,
        }
      : { connectionString, max: POOL_SIZE },
    { ...(schema ? { schema } : {}), statementNameGenerator },
  );
}

/**
 * Opens PGlite at dataDir ("memory://" for a throwaway one). A directory is
 * locked to this process until the returned instance is closed.
 */
export async function openPglite(dataDir: string): Promise<PGlite> {
  if (dataDir.startsWith('memory://')) return PGlite.create(dataDir);
  await mkdir(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(dataDir);
    const close = pglite.close.bind(pglite);
    pglite.close = async () => {
      await close();
      release();
    };
    return pglite;
  } catch (error) {
    release();
    throw error;
  }
}

/** Wraps an open PGlite instance (e.g. a clone made for one test); close() closes it. */
export function databaseFromPglite(pglite: PGlite): Database {
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    engine: 'pglite',
    adapterFactory,
    migrate: () => applyMigrations(adapterFactory),
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

/**
 * The one way to get a database: PostgreSQL when a URL is given, otherwise the
 * embedded PGlite (single-process: only one server may open a data directory).
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (!options.databaseUrl) {
    return databaseFromPglite(await openPglite(options.dataDir ?? defaultDataDir));
  }
  const adapterFactory = postgresAdapterFactory(options.databaseUrl);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    engine: 'postgresql',
    adapterFactory,
    migrate: () => applyMigrations(adapterFactory),
    close: () => prisma.$disconnect(),
  };
}
