// How much JavaScript a first visit to /dashboard/ downloads, gzipped, in each language the
// dashboard speaks: starts the built app and the api (as the browser tests do), signs a new
// user up in that language, loads /dashboard/ in a fresh tab and gzips every script it
// fetched (modulepreloads and the language's catalog chunk included). Budget: 120 KB for
// each. Run `npm run build` first.
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { startStack } from '../tests/app.ts';
import { launchChromium } from '../tests/browser.ts';

const BUDGET = 120 * 1024;
// A browser tag per catalog: the register page starts in the browser's language.
const TAGS = ['en-IN', 'pt-BR', 'es-MX', 'id-ID', 'hi-IN'];

async function firstLoad(browser: Browser, webUrl: string, tag: string) {
  const context = await browser.newContext({ locale: tag });
  try {
    const page = await context.newPage();
    await page.goto(`${webUrl}/register/`);
    await page.locator('input[name="email"]').fill(`size-${tag}-${Date.now()}@example.com`);
    await page.locator('input[name="password"]').fill('correct horse battery');
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL(`${webUrl}/dashboard/`);

    // A fresh tab with an empty cache: what a first load of the dashboard costs.
    const fresh = await context.newPage();
    const scripts = new Map<string, number>();
    fresh.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (!type.includes('javascript')) return;
      void response.body().then((body) => scripts.set(response.url(), gzipSync(body).length));
    });
    // Not 'networkidle': the live-update stream keeps a request open for good.
    await fresh.goto(`${webUrl}/dashboard/`, { waitUntil: 'load' });
    await fresh.waitForTimeout(2000);
    const lang = await fresh.evaluate(() => document.documentElement.lang);
    return { scripts, lang };
  } finally {
    await context.close();
  }
}

const stack = await startStack();
const browser = await launchChromium();
try {
  let worst = 0;
  for (const tag of TAGS) {
    const { scripts, lang } = await firstLoad(browser, stack.web.url, tag);
    const total = [...scripts.values()].reduce((sum, size) => sum + size, 0);
    worst = Math.max(worst, total);
    if (tag === TAGS[0]) {
      for (const [url, size] of [...scripts].sort((a, b) => b[1] - a[1])) {
        console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${new URL(url).pathname}`);
      }
    }
    console.log(
      `/dashboard/ first load in ${tag} (page lang ${lang}): ${scripts.size} scripts, ` +
        `${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET / 1024} KB)`,
    );
  }
  process.exitCode = worst <= BUDGET ? 0 : 1;
} finally {
  await browser.close();
  await stack.stop();
}
