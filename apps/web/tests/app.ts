// Helpers for the tests of the built app: a stub api (node:http) that records what it
// receives, the real api over a fresh database, and the built web server
// (build/index.js) started on a free port.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const webDir = fileURLToPath(new URL('..', import.meta.url));

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export type StubHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: Buffer,
) => void;

export interface StubApi {
  url: string;
  received: ReceivedRequest[];
  /** Replaces how the stub answers. */
  handle: (handler: StubHandler) => void;
  close: () => Promise<void>;
}

export async function startStubApi(handler: StubHandler): Promise<StubApi> {
  let current = handler;
  const received: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      current(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    handle: (next) => {
      current = next;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface WebServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** Everything the server printed so far. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `node build/index.js` as `npm start` does, on a free port (WEB_PORT=0: the
 * server picks one and prints it). BODY_SIZE_LIMIT is unset so the built-in default applies.
 */
export async function startWebServer(env: Record<string, string>): Promise<WebServer> {
  const child = spawn(process.execPath, ['build/index.js'], {
    cwd: webDir,
    env: {
      ...process.env,
      PORT: undefined,
      BODY_SIZE_LIMIT: undefined,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      WEB_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`build/index.js did not start within 15 s:\n${output}`));
    }, 15_000);
    const onData = () => {
      const match = /Listening on (http:\/\/\S+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve(match[1].replace(/\/$/, ''));
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`build/index.js exited with code ${code}:\n${output}`));
    });
  });

  return { url, output: () => output, stop };
}

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RealApi {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * The real api (apps/api/src/main.ts) in sandbox WhatsApp mode on `port`, over a fresh
 * database: a schema of its own on the PostgreSQL at DATABASE_URL (dropped at stop), else
 * an embedded database in a temporary directory. `publicUrl` is the web app's address,
 * the one origin the api accepts cookie-authenticated requests from.
 */
export async function startRealApi(port: number, publicUrl: string): Promise<RealApi> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
    PUBLIC_URL: publicUrl,
    WHATSAPP_ACCESS_TOKEN: undefined,
    DATA_DIR: undefined,
  };
  let cleanup = async () => {};
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const schema = `web_${randomBytes(6).toString('hex')}`;
    const url = new URL(databaseUrl);
    url.searchParams.set('schema', schema);
    env.DATABASE_URL = url.toString();
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    cleanup = async () => {
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.end();
    };
  } else {
    const dir = await mkdtemp(join(tmpdir(), 'spendline-web-test-'));
    env.DATABASE_URL = undefined;
    env.DATA_DIR = dir;
    cleanup = () => rm(dir, { recursive: true, force: true });
  }

  const child = spawn(process.execPath, ['apps/api/src/main.ts'], {
    cwd: join(webDir, '../..'),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    await cleanup();
  };

  for (let waited = 0; ; waited += 100) {
    if (child.exitCode !== null) {
      await cleanup();
      throw new Error(`the api exited with code ${child.exitCode}:\n${output}`);
    }
    if (waited > 45_000) {
      await stop();
      throw new Error(`the api did not answer within 45 s:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, output: () => output, stop };
}

/** The web app in front of the real api, as `npm start` runs them. */
export async function startStack(): Promise<{
  web: WebServer;
  api: RealApi;
  stop: () => Promise<void>;
}> {
  const apiPort = await freePort();
  const web = await startWebServer({ API_URL: `http://127.0.0.1:${apiPort}` });
  try {
    const api = await startRealApi(apiPort, web.url);
    return {
      web,
      api,
      stop: async () => {
        await web.stop();
        await api.stop();
      },
    };
  } catch (error) {
    await web.stop();
    throw error;
  }
}
