import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.ts';
import { pgliteDatabase, postgresDatabase, type SqlDatabase } from './sql/index.ts';
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
  /**
   * Statements and transactions straight over the engine's driver: the hot paths
   * (webhooks, processing, the outbox) and every raw statement outside a Prisma
   * transaction.
   */
  sql: SqlDatabase;
  engine: 'postgresql' | 'pglite';
  /** The adapter factory for the schema engine (migrations). */
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

function poolConfig(databaseUrl: string): { config: pg.PoolConfig; schema?: string } {
  const { connectionString, schema } = pgConfigFromUrl(databaseUrl);
  // Pipelined connections send a statement without waiting for the answer to the one
  // before: a transaction's BEGIN goes with its first statement (see postgresDatabase).
  const config: pg.PoolConfig = { connectionString, max: POOL_SIZE, pipeline: true };
  if (!schema) return { config };
  const searchPath = `-c search_path="${schema.replaceAll('"', '""')}"`;
  return { config: { ...config, options: searchPath }, schema };
}

function adapterOptions(
  schema: string | undefined,
  statementName: (query: { sql: string }) => string | undefined,
) {
  return {
    ...(schema ? { schema } : {}),
    // Typed as PrismaPg wants it; undefined leaves a statement unnamed (unprepared).
    statementNameGenerator: statementName as (query: { sql: string }) => string,
  };
}

/** An adapter with a pool of its own, ended when the adapter is disposed (the CLI's). */
export function postgresAdapterFactory(databaseUrl: string): PrismaPg {
  const { config, schema } = poolConfig(databaseUrl);
  return new PrismaPg(config, adapterOptions(schema, preparedStatementNames()));
}

/**
 * The application's PostgreSQL client: Prisma and the sql database over one pool,
 * with one prepared-statement naming for both, so a connection's statement keeps its
 * name whichever of them prepared it.
 */
function openPostgres(databaseUrl: string): Database {
  const { config, schema } = poolConfig(databaseUrl);
  const pool = new pg.Pool(config);
  const statementName = preparedStatementNames();
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, adapterOptions(schema, statementName)),
  });
  // The schema engine holds its advisory lock as long as its connection lives, so it
  // gets connections of its own, closed with each of its sessions, not pooled ones.
  const adapterFactory = postgresAdapterFactory(databaseUrl);
  return {
    prisma: client,
    sql: postgresDatabase(pool, statementName),
    engine: 'postgresql',
    adapterFactory,
    migrate: () => applyMigrations(adapterFactory),
    async close() {
      await client.$disconnect();
      await pool.end();
    },
  };
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
    sql: pgliteDatabase(pglite),
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
  return openPostgres(options.databaseUrl);
}
