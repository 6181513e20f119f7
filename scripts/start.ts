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

function start(name: string, script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} stopped (${signal ?? `exit code ${code}`}); stopping Spendline.`);
    void stop(1);
  });
  children.push(child);
  return child;
}

async function stop(code: number): Promise<never> {
  stopping = true;
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  await Promise.all(
    running.map(
      (c) =>
        new Promise((resolve) => {
          c.once('exit', resolve);
          c.kill('SIGTERM');
        }),
    ),
  );
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

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
  await stop(1);
}

const apiUrl = `http://127.0.0.1:${config.API_PORT}`;
start('api', 'apps/api/src/main.ts', {});
await waitFor(`${apiUrl}/healthz`, 'The api');
start('web', 'apps/web/build/index.js', {
  PORT: String(config.WEB_PORT),
  API_URL: apiUrl,
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
