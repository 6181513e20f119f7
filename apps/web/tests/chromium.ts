// Where the browser tests find Chromium, and what they say when there is none. Kept free
// of Vitest and Playwright so the global setup and scripts can ask too.
import { accessSync, constants } from 'node:fs';

/** The usual places of Chromium or Chrome on Debian, Ubuntu (apt and snap) and macOS. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export interface ChromiumLookup {
  /** The browser to launch; undefined when none was found. */
  path: string | undefined;
  /** Every place looked at, in order. */
  looked: string[];
  /** REQUIRE_BROWSER=1: no Chromium fails the browser tests instead of skipping them. */
  required: boolean;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * CHROMIUM_PATH when set (and then only there: a path asked for is not swapped for
 * another browser), else the first usual place that holds an executable.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  executable: (path: string) => boolean = isExecutable,
): ChromiumLookup {
  const required = env.REQUIRE_BROWSER === '1';
  const looked = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : CHROMIUM_CANDIDATES;
  return { path: looked.find(executable), looked, required };
}

/** What to tell a person who has no Chromium: where we looked and how to get one. */
export function noChromiumMessage({ looked, required }: ChromiumLookup): string {
  return [
    required
      ? 'No Chromium found, and REQUIRE_BROWSER=1: the browser tests FAIL.'
      : 'No Chromium found: the browser tests are SKIPPED (CI sets REQUIRE_BROWSER=1 and fails).',
    `Looked at: ${looked.join(', ')}.`,
    'Install it (Debian, Ubuntu: `apt-get update && apt-get install -y chromium`) or point',
    'CHROMIUM_PATH at a Chromium or Chrome executable.',
  ].join('\n');
}
