#!/usr/bin/env node
// Stands in for Prisma's native schema-engine binary where it cannot be
// downloaded, so plain `npx prisma migrate deploy|status|resolve` work: the CLI
// spawns this with `--datamodels FILE… --datasource '{"url":…}'` and speaks
// line-delimited JSON-RPC 2.0 on stdin/stdout; each call is forwarded to Prisma's
// WASM build of the same engine over @prisma/adapter-pg. The CLI's connection
// probes arrive as `… cli can-connect-to-database|create-database`.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import { pgConfigFromUrl, postgresAdapterFactory } from '../src/client.ts';
import { withSchemaEngine } from '../src/schema-engine.ts';

const { values, positionals } = parseArgs({
  options: {
    datamodels: { type: 'string', multiple: true },
    datasource: { type: 'string' },
    'enabled-preview-features': { type: 'string' },
    'extension-types': { type: 'string' },
  },
  allowPositionals: true,
  strict: false,
});

const datasource =
  typeof values.datasource === 'string' ? (JSON.parse(values.datasource) as { url?: string }) : {};
const url = datasource.url || process.env.DATABASE_URL || '';

/** What the native engine prints on stderr when it fails: one JSON log line. */
function logError(message: string, errorCode?: string): void {
  const fields = { message, ...(errorCode ? { error_code: errorCode } : {}) };
  process.stderr.write(
    `${JSON.stringify({ level: 'ERROR', target: 'schema_engine::logger', fields })}\n`,
  );
}

function requireUrl(): string {
  if (/^postgres(ql)?:\/\//.test(url)) return url;
  logError(
    'This stand-in for the schema engine supports PostgreSQL URLs only (set DATABASE_URL).',
    'P1012',
  );
  process.exit(1);
}

async function cli(command: string | undefined): Promise<number> {
  const { connectionString } = pgConfigFromUrl(requireUrl());
  const target = new URL(connectionString);
  const database = decodeURIComponent(target.pathname.slice(1));
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
    await client.end();
    return 0;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (command !== 'create-database' || code !== '3D000') {
      logError(`Can't reach database server: ${(error as Error).message}`, 'P1001');
      return 1;
    }
  }
  target.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  await admin.end();
  return 0;
}

// JSON-RPC method names equal the WASM engine's, except this one.
const renamed: Record<string, string> = { getDatabaseVersion: 'version' };

type Call = (params: unknown) => Promise<unknown>;

async function call(engine: SchemaEngine, method: string, params: unknown): Promise<unknown> {
  const name = renamed[method] ?? method;
  const fn = (engine as unknown as Record<string, Call | undefined>)[name];
  if (typeof fn !== 'function') throw new Error(`The WASM schema engine has no method ${method}`);
  try {
    return await fn.call(engine, params);
  } catch (error) {
    // On a database that never saw a migration, these answer P1014 (no
    // _prisma_migrations table); applying an empty list creates it.
    const retryable = method === 'diagnoseMigrationHistory' || method === 'devDiagnostic';
    if (!retryable || !String((error as Error).message).includes('P1014')) throw error;
    const { migrationsList, filters } = params as {
      migrationsList: Record<string, unknown>;
      filters: unknown;
    };
    await engine.applyMigrations({
      migrationsList: { ...migrationsList, migrationDirectories: [] } as never,
      filters: filters as never,
    });
    return fn.call(engine, params);
  }
}

async function serve(): Promise<void> {
  const schemaFiles = (values.datamodels as string[] | undefined) ?? [];
  await withSchemaEngine(
    postgresAdapterFactory(requireUrl()),
    async (engine) => {
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line.trim()) continue;
        const request = JSON.parse(line) as { id: number; method: string; params?: unknown };
        try {
          const result = await call(engine, request.method, request.params);
          process.stdout.write(
            `${JSON.stringify({ jsonrpc: '2.0', id: request.id, result: result ?? {} })}\n`,
          );
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const errorCode = /\b(P\d{4})\b/.exec(message)?.[1];
          const data = {
            is_panic: false,
            message,
            ...(errorCode ? { error_code: errorCode } : {}),
          };
          process.stdout.write(
            `${JSON.stringify({ jsonrpc: '2.0', id: request.id, error: { code: 4466, message, data } })}\n`,
          );
        }
      }
    },
    schemaFiles,
  );
}

if (positionals[0] === 'cli') {
  process.exit(await cli(positionals[1]));
}
await serve();
// The WASM engine leaves a timer behind; the CLI closed stdin, so we are done.
process.exit(0);
