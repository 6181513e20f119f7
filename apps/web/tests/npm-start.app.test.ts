// `npm start`'s process (scripts/start.ts) with the built web app and the real api on the
// embedded database: a stop passes the signal on and ends within SHUTDOWN_TIMEOUT, and
// one process dying takes the other down cleanly.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort, webDir } from './app.ts';

const DEADLINE_S = 4;
// Process teardown after the deadline start.ts keeps.
const SLACK_MS = 700;

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'spendline-npm-start-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  apiPort: number;
  webPort: number;
  output: () => string;
  exited: Promise<number | null>;
}

async function npmStart(): Promise<Started> {
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['scripts/start.ts'], {
    cwd: join(webDir, '../..'),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: undefined,
      DATA_DIR: dataDir,
      API_PORT: String(apiPort),
      WEB_PORT: String(webPort),
      PUBLIC_URL: `http://localhost:${webPort}`,
      SHUTDOWN_TIMEOUT: String(DEADLINE_S),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const until = Date.now() + 60_000;
  while (!output.includes('Spendline is running')) {
    if (child.exitCode !== null || Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`npm start did not come up:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, apiPort, webPort, output: () => output, exited };
}

const childrenOf = (pid: number) =>
  spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map(Number);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function halfRequest(port: number): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => {});
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(`GET / HTTP/1.1\r\nHost: localhost:${port}\r\n`);
  return socket;
}

/** PostgreSQL's cluster state in global/pg_control: 1 is "shut down". */
async function clusterState(): Promise<number> {
  return (await readFile(join(dataDir, 'global', 'pg_control'))).readUInt32LE(16);
}

describe('npm start', { timeout: 120_000 }, () => {
  it('passes SIGTERM on and ends within the deadline, with requests left half-sent to both', async () => {
    const started = await npmStart();
    const pids = childrenOf(started.child.pid!);
    expect(pids).toHaveLength(2);
    const sockets = [await halfRequest(started.webPort), await halfRequest(started.apiPort)];
    await new Promise((resolve) => setTimeout(resolve, 200));

    const from = performance.now();
    started.child.kill('SIGTERM');
    const code = await started.exited;
    const ms = performance.now() - from;

    expect({ fast: ms < DEADLINE_S * 1000 + SLACK_MS, code }, started.output()).toEqual({
      fast: true,
      code: 0,
    });
    expect(pids.filter(alive)).toEqual([]);
    expect(await clusterState()).toBe(1);
    for (const socket of sockets) socket.destroy();
  });

  it('stops the api cleanly when the web app dies', async () => {
    const started = await npmStart();
    const children = childrenOf(started.child.pid!);
    expect(children, started.output()).toHaveLength(2);
    const [api, web] = children;
    process.kill(web!, 'SIGKILL');
    const code = await started.exited;
    expect(code).toBe(1);
    expect(alive(api!)).toBe(false);
    expect(started.output()).toMatch(/web stopped \(SIGKILL\); stopping Spendline/);
    expect(await clusterState()).toBe(1);
  });
});
