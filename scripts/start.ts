// `npm start`: the api (which migrates the database, embedded by default) and the
// built web app as two processes; prints where to go once both answer.
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '@spendline/config';

const root = fileURLToPath(new URL('../', import.meta.url));

let config;
try {
  config = loadConfig({ envFile: `${root}.env` });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const children: ChildProcess[] = [];
let stopping = false;
// Each child gets this long to stop; start.ts itself stops within the same deadline.
const deadlineMs = config.SHUTDOWN_TIMEOUT * 1000;
// The children's own deadline, a little earlier so they finish before this one expires.
const childTimeout = String(Math.max(1, config.SHUTDOWN_TIMEOUT - 1));

function start(name: string, script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SHUTDOWN_TIMEOUT: childTimeout, ...env },
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping Spendline.`);
    void stop('SIGTERM', 1);
  });
  children.push(child);
  return child;
}

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/**
 * Passes the signal on to both processes and waits for them up to the deadline; one
 * still running then is killed. A second signal is passed on as well, which makes the
 * children stop at once.
 */
async function stop(signal: NodeJS.Signals, code: number): Promise<void> {
  const running = children.filter(isRunning);
  for (const child of running) child.kill(signal);
  if (stopping) return;
  stopping = true;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>(
    (resolve) => (timer = setTimeout(resolve, deadlineMs, 'deadline')),
  );
  const exited = Promise.all(
    running.map((child) => new Promise((resolve) => child.once('exit', resolve))),
  );
  if ((await Promise.race([exited, deadline])) === 'deadline') {
    for (const child of children.filter(isRunning)) {
      console.error(`pid ${child.pid} did not stop within ${deadlineMs / 1000} s; killing it.`);
      child.kill('SIGKILL');
    }
  }
  clearTimeout(timer);
  process.exit(code);
}
process.on('SIGINT', () => void stop('SIGINT', 0));
process.on('SIGTERM', () => void stop('SIGTERM', 0));

async function waitFor(url: string, what: string, seconds = 120): Promise<void> {
  for (let waited = 0; waited < seconds * 4; waited++) {
    if (stopping) return;
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  console.error(`${what} did not answer at ${url} within ${seconds} s.`);
  await stop('SIGTERM', 1);
}

const apiUrl = `http://127.0.0.1:${config.API_PORT}`;
start('api', 'apps/api/src/main.ts', {});
await waitFor(`${apiUrl}/healthz`, 'The api');
start('web', 'apps/web/build/index.js', {
  PORT: String(config.WEB_PORT),
  API_URL: apiUrl,
  // Settings from .env, which the web app does not read itself.
  PUBLIC_URL: config.PUBLIC_URL,
  ALLOWED_HOSTS: config.ALLOWED_HOSTS.join(','),
  // The wa.me link and QR code on /link-whatsapp/ open a chat with this number.
  WHATSAPP_DISPLAY_NUMBER: config.WHATSAPP_DISPLAY_NUMBER ?? '',
});
await waitFor(`http://127.0.0.1:${config.WEB_PORT}/`, 'The web app');

const database = config.DATABASE_URL
  ? 'PostgreSQL (DATABASE_URL)'
  : `the embedded database in ${config.DATA_DIR ?? '.data/'}`;
const whatsapp = config.WHATSAPP_ACCESS_TOKEN
  ? 'live WhatsApp'
  : 'sandbox WhatsApp (nothing leaves this machine)';
console.log(`
  Spendline is running on ${database}, with ${whatsapp}.

    Open        ${config.PUBLIC_URL}
    API health  http://localhost:${config.API_PORT}/healthz

  Press Ctrl+C to stop.
`);
