import { existsSync, readdirSync } from 'node:fs';
import type { Config } from '@spendline/config';
import {
  DataDirInUseError,
  defaultDataDir,
  openDatabase,
  readMigrationList,
  sql,
  type Database,
} from '@spendline/db';
import { CHECKS, fail, firstLine, pass, warn, type CheckResult } from './check.ts';
import { probe } from './probe.ts';

/** Rejects when `work` has not finished within `ms`: a database that hangs is a finding too. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'TIMEOUT' })),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Where a PostgreSQL URL points, without its password. */
function server(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
}

/** A PostgreSQL connection failure, and its fix, in words. */
function postgresProblem(error: unknown, databaseUrl: string): { detail: string; fix: string } {
  const { code } = error as { code?: string };
  const url = new URL(databaseUrl);
  const where = server(databaseUrl);
  const user = decodeURIComponent(url.username) || 'the default user';
  switch (code) {
    case 'ECONNREFUSED':
      return {
        detail: `PostgreSQL at ${where} refused the connection`,
        fix: 'Start PostgreSQL, or correct the host and port in DATABASE_URL.',
      };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return {
        detail: `the host ${url.hostname} of DATABASE_URL does not resolve`,
        fix: 'Correct the host in DATABASE_URL (under docker compose it is the service name, e.g. postgres).',
      };
    case 'TIMEOUT':
    case 'ETIMEDOUT':
      return {
        detail: `PostgreSQL at ${where} did not answer (${firstLine(error)})`,
        fix: 'Check that the database server runs and that a firewall lets this machine reach its port.',
      };
    case '28P01':
    case '28000':
      return {
        detail: `PostgreSQL at ${where} refused ${user}: ${firstLine(error)}`,
        fix: "Correct the user and password in DATABASE_URL (or the server's pg_hba.conf).",
      };
    case '3D000':
      return {
        detail: `PostgreSQL at ${where}: ${firstLine(error)}`,
        fix: `Create it (createdb ${url.pathname.slice(1)}), or correct the database name in DATABASE_URL.`,
      };
    default:
      return {
        detail: `PostgreSQL at ${where}: ${firstLine(error)}`,
        fix: "Check DATABASE_URL and the database server's log.",
      };
  }
}

export type OpenedDatabase =
  { db: Database; result: CheckResult } | { db?: undefined; result: CheckResult; why: string };

/**
 * Opens the configured database without migrating it (a doctor changes nothing) and asks
 * it the time. The embedded one may be open in the api: PGlite allows one process, so
 * then the api's /healthz answers for it and the checks that read it are skipped.
 */
export async function openAndCheckDatabase(
  config: Config,
  timeoutMs: number,
): Promise<OpenedDatabase> {
  const dataDir = config.DATA_DIR ?? defaultDataDir;
  if (!config.DATABASE_URL && (!existsSync(dataDir) || readdirSync(dataDir).length === 0)) {
    const why = `there is no embedded database at ${dataDir} yet`;
    return {
      why,
      result: warn(
        CHECKS.database,
        why,
        'npm start (or npm run db:migrate) creates it; set DATABASE_URL to use PostgreSQL.',
      ),
    };
  }
  let db: Database | undefined;
  try {
    db = await within(timeoutMs, openDatabase({ databaseUrl: config.DATABASE_URL, dataDir }));
    const started = performance.now();
    const [row] = await within(
      timeoutMs,
      db.sql.rows<{ version: string }>(sql`SELECT current_setting('server_version') AS version`),
    );
    const ms = Math.round(performance.now() - started);
    const what = config.DATABASE_URL
      ? `PostgreSQL ${row?.version ?? ''} at ${server(config.DATABASE_URL)}`
      : `the embedded database (PGlite, PostgreSQL ${row?.version ?? ''}) at ${dataDir}`;
    return { db, result: pass(CHECKS.database, `${what} answered in ${ms} ms`) };
  } catch (error) {
    // A server that never answered may hold the pool open: leave it to the process's end.
    void db?.close().catch(() => {});
    if (error instanceof DataDirInUseError) return inUse(config, error, timeoutMs);
    if (config.DATABASE_URL) {
      const { detail, fix } = postgresProblem(error, config.DATABASE_URL);
      return { why: 'the database cannot be reached', result: fail(CHECKS.database, detail, fix) };
    }
    return {
      why: 'the embedded database cannot be opened',
      result: fail(
        CHECKS.database,
        `the embedded database at ${dataDir} cannot be opened: ${firstLine(error)}`,
        "Check the directory's permissions and free disk space; restore it from a backup if it is damaged.",
      ),
    };
  }
}

async function inUse(
  config: Config,
  error: DataDirInUseError,
  timeoutMs: number,
): Promise<OpenedDatabase> {
  const why = 'the embedded database is open in another process (PGlite allows one)';
  const fix =
    'Stop npm start to check everything, or use PostgreSQL (DATABASE_URL), which any number of processes share.';
  const health = await probe(new URL('/healthz', config.API_URL), { timeoutMs });
  if (health.ok && health.status === 200) {
    return {
      why,
      result: warn(
        CHECKS.database,
        `${firstLine(error)} The api there reports it up (${config.API_URL}/healthz).`,
        fix,
      ),
    };
  }
  return { why, result: warn(CHECKS.database, firstLine(error), fix) };
}

interface MigrationRow {
  name: string;
  finished: boolean;
  rolledBack: boolean;
}

/** The committed migrations against those the database records as applied. */
export async function checkMigrations(db: Database, timeoutMs: number): Promise<CheckResult> {
  const committed = (await readMigrationList()).migrationDirectories.map((d) => d.path);
  let rows: MigrationRow[];
  try {
    rows = await within(
      timeoutMs,
      db.sql.rows<MigrationRow>(sql`
        SELECT migration_name AS name, finished_at IS NOT NULL AS finished,
               rolled_back_at IS NOT NULL AS "rolledBack"
          FROM _prisma_migrations ORDER BY started_at`),
    );
  } catch (error) {
    // 42P01: no such table, so nothing was ever applied here.
    if ((error as { code?: string }).code !== '42P01') throw error;
    rows = [];
  }
  const applied = new Set(rows.filter((r) => r.finished && !r.rolledBack).map((r) => r.name));
  const broken = rows.filter((r) => !r.finished && !r.rolledBack).map((r) => r.name);
  const pending = committed.filter((name) => !applied.has(name));
  const unknown = [...applied].filter((name) => !committed.includes(name));
  if (broken.length > 0) {
    return fail(
      CHECKS.migrations,
      `migration ${broken.join(', ')} started and did not finish`,
      `Read the api's log for its error and repair the database, then mark it: npx prisma migrate resolve --rolled-back ${broken[0]} and run npm run db:migrate.`,
    );
  }
  if (pending.length > 0) {
    const names = pending.length > 3 ? `${pending.slice(0, 3).join(', ')}...` : pending.join(', ');
    return fail(
      CHECKS.migrations,
      `${pending.length} of ${committed.length} migrations not applied (${names})`,
      'Run npm run db:migrate (the api also applies them when it starts).',
    );
  }
  if (unknown.length > 0) {
    return warn(
      CHECKS.migrations,
      `the database has migrations this code does not know (${unknown.join(', ')}): a newer version migrated it`,
      'Run the version that migrated it, or restore a backup taken before the upgrade.',
    );
  }
  return pass(CHECKS.migrations, `all ${committed.length} migrations applied`);
}
