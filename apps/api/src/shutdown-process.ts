// Test support: the real api process (src/main.ts) over a database that outlives it, so
// a test can stop it with a signal, look at what it left behind, and start it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '@spendline/db';

const apiDir = fileURLToPath(new URL('..', import.meta.url));

/** Where the api keeps its data between runs: a PostgreSQL schema, or a PGlite directory. */
export interface Store {
  env: Record<string, string | undefined>;
  /** The PGlite directory; undefined on PostgreSQL. */
  dataDir: string | undefined;
  /** Opens the store from the test process (only while no api has it open, on PGlite). */
  open(): Promise<Database>;
  remove(): Promise<void>;
}

export async function createStore(): Promise<Store> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const schema = `stop_${randomBytes(6).toString('hex')}`;
    const url = new URL(databaseUrl);
    url.searchParams.set('schema', schema);
    const admin = await openDatabase({ databaseUrl });
    await admin.prisma.$executeRawUnsafe(`CREATE SCHEMA "${schema}"`);
    return {
      env: { DATABASE_URL: url.toString(), DATA_DIR: undefined },
      dataDir: undefined,
      open: () => openDatabase({ databaseUrl: url.toString() }),
      remove: async () => {
        await admin.prisma.$executeRawUnsafe(`DROP SCHEMA "${schema}" CASCADE`);
        await admin.close();
      },
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'spendline-stop-test-'));
  return {
    env: { DATABASE_URL: undefined, DATA_DIR: dataDir },
    dataDir,
    open: () => openDatabase({ dataDir }),
    remove: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/**
 * PostgreSQL's cluster state from global/pg_control (a 32-bit enum after the 8-byte
 * system id and two 32-bit versions): 1 is "shut down", 6 "in production", which the
 * next start must recover from as after a crash.
 */
export async function pgliteClusterState(dataDir: string): Promise<'shut down' | number> {
  const control = await readFile(join(dataDir, 'global', 'pg_control'));
  const state = control.readUInt32LE(16);
  return state === 1 ? 'shut down' : state;
}

/** Reads until `done` holds or `timeoutMs` has passed, and resolves with the last value read. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
  intervalMs = 100,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ApiProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  /** Resolves with how the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /**
   * Sends the signal and resolves with the milliseconds until the process had exited;
   * a process still running 15 s later is killed (and the time says so).
   */
  terminate(signal?: NodeJS.Signals): Promise<number>;
}

export interface StartOptions {
  store: Store;
  env?: Record<string, string | undefined>;
  /** 'read' (default) collects stdout; 'unread' leaves the pipe for the test to handle. */
  stdout?: 'read' | 'unread';
  port?: number;
  /** Resolve once the output shows this, instead of once /healthz answers. */
  until?: RegExp;
}

export async function startApi({
  store,
  env = {},
  stdout = 'read',
  port,
  until,
}: StartOptions): Promise<ApiProcess> {
  const apiPort = port ?? (await freePort());
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      API_HOST: '127.0.0.1',
      API_PORT: String(apiPort),
      WHATSAPP_ACCESS_TOKEN: undefined,
      SHUTDOWN_TIMEOUT: '3',
      ...store.env,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  if (stdout === 'read') child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${apiPort}`;
  const giveUpAt = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the api exited early:\n${output}`);
    if (Date.now() > giveUpAt) {
      child.kill('SIGKILL');
      throw new Error(`the api did not answer within 45 s:\n${output}`);
    }
    if (until) {
      if (until.test(output)) break;
    } else {
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        // Not listening yet.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, until ? 10 : 100));
  }
  return {
    url,
    port: apiPort,
    child,
    output: () => output,
    exited,
    async terminate(signal = 'SIGTERM') {
      const started = performance.now();
      child.kill(signal);
      const hung = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(hung);
      return performance.now() - started;
    },
  };
}
