// How much JavaScript a first visit to /dashboard/ downloads, gzipped: starts the built app
// and the api (as the browser tests do), signs a new user up, loads /dashboard/ in Chromium
// and gzips every script it fetched. Budget: 120 KB. Run `npm run build` first.
import { gzipSync } from 'node:zlib';
import { startStack } from '../tests/app.ts';
import { launchChromium } from '../tests/browser.ts';

const BUDGET = 120 * 1024;

const stack = await startStack();
const browser = await launchChromium();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack.web.url}/register/`);
  await page.getByLabel('Email').fill(`size-${Date.now()}@example.com`);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(`${stack.web.url}/dashboard/`);

  // A fresh tab with an empty cache: what a first load of the dashboard costs.
  const fresh = await context.newPage();
  const scripts = new Map<string, number>();
  fresh.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!type.includes('javascript')) return;
    void response.body().then((body) => scripts.set(response.url(), gzipSync(body).length));
  });
  // Not 'networkidle': the live-update stream keeps a request open for good.
  await fresh.goto(`${stack.web.url}/dashboard/`, { waitUntil: 'load' });
  await fresh.waitForTimeout(2000);

  const total = [...scripts.values()].reduce((sum, size) => sum + size, 0);
  for (const [url, size] of [...scripts].sort((a, b) => b[1] - a[1])) {
    console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${new URL(url).pathname}`);
  }
  console.log(
    `/dashboard/ first load: ${scripts.size} scripts, ${(total / 1024).toFixed(1)} KB gzipped ` +
      `(budget ${BUDGET / 1024} KB)`,
  );
  process.exitCode = total <= BUDGET ? 0 : 1;
} finally {
  await browser.close();
  await stack.stop();
}
