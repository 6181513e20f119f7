// Vitest global setup for the `app` project: the tests run the built server
// (build/index.js), so build it first when it is missing or older than the sources. It
// also says, once and loudly, when there is no Chromium for the browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { webDir } from './app.ts';
import { findChromium, noChromiumMessage } from './chromium.ts';

// The dashboard's words are built in from the i18n package's catalogs.
const SOURCES = [
  'src',
  'static',
  'vite.config.ts',
  'package.json',
  'tsconfig.json',
  '../../packages/i18n/messages',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function whyBuild(): string | undefined {
  const entry = join(webDir, 'build/index.js');
  if (!existsSync(entry)) return 'build/ is missing';
  const built = statSync(entry).mtimeMs;
  const changed = SOURCES.find((source) => newestMtime(join(webDir, source)) > built);
  return changed && `${changed} changed since the last build`;
}

/** Says it before the tests and again after them, where the summary is read. */
function warnWithoutChromium(): (() => void) | undefined {
  const lookup = findChromium();
  if (lookup.path) return undefined;
  const rule = '!'.repeat(78);
  const warn = () => console.warn(`\n${rule}\n${noChromiumMessage(lookup)}\n${rule}\n`);
  warn();
  return warn;
}

export default function setup(): (() => void) | undefined {
  const teardown = warnWithoutChromium();
  const reason = whyBuild();
  if (!reason) return teardown;

  console.log(`Building the web app for the tests: ${reason}.`);
  const vite = join(
    dirname(createRequire(import.meta.url).resolve('vite/package.json')),
    'bin/vite.js',
  );
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: webDir,
    // Vitest sets NODE_ENV=test, which would give a development build.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    throw new Error(`vite build failed (exit code ${result.status}); the app tests need build/.`);
  }
  return teardown;
}
