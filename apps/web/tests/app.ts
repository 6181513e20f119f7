// Helpers for the tests of the built app: a stub api (node:http) that records what it
// receives, and the built web server (build/index.js) started on a free port.
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

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
