// Every page under its Content-Security-Policy, in Chromium, with no internet: charts, the
// chat simulator, the import page's CSV reader (loaded on demand), live updates and
// GraphiQL must all work without a single violation or request leaving the machine.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useChromiumStack } from './browser.ts';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** Cuts the page off from everything but this machine; returns what it tried to reach. */
async function offline(page: Page): Promise<{ violations: string[]; outside: string[] }> {
  const seen = { violations: [] as string[], outside: [] as string[] };
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.violations.push(message.text());
  });
  await page.context().route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol.startsWith('http') && !LOCAL_HOSTS.has(url.hostname)) {
      seen.outside.push(url.href);
      await route.abort('internetdisconnected');
    } else {
      await route.continue();
    }
  });
  return seen;
}

/** The page after its scripts had time to start (live updates keep the network busy). */
async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState('load');
  await page.waitForTimeout(300);
}

describe.skipIf(!hasChromium)('the Content-Security-Policy in Chromium', () => {
  const app = useChromiumStack();

  it('lets every page of the dashboard work without a violation', { timeout: 90_000 }, async () => {
    const page = await app.register({ email: 'csp@example.com' });
    const seen = await offline(page);

    // An expense for the charts, added through the expenses page's form.
    await visit(page, `${app.url}/dashboard/expenses/`);
    await page.getByLabel('Amount (INR)').fill('250');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('row').filter({ hasText: '250.00' }).first().waitFor();

    // The chat simulator sends a message and shows the bot's answer.
    await visit(page, `${app.url}/dashboard/chat/`);
    await page.getByLabel('Message').fill('hello');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.locator('.bot').first().waitFor({ timeout: 10_000 });

    // The dashboard draws its charts and opens its live-update stream.
    await visit(page, `${app.url}/dashboard/`);
    await page.locator('svg').first().waitFor();
    for (const path of [
      '/dashboard/categories/',
      '/dashboard/budgets/',
      '/dashboard/recurring/',
      '/dashboard/settings/',
      '/link-whatsapp/',
    ]) {
      await visit(page, `${app.url}${path}`);
    }

    // The import page loads csv-parse's browser build only now, to read the chosen file.
    await visit(page, `${app.url}/dashboard/import/`);
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({
      name: 'small.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Date,Amount,Note\n2026-11-01,450,Lunch\n'),
    });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByText('1 row: 1 readable').waitFor();

    expect(seen.violations).toEqual([]);
    expect(seen.outside).toEqual([]);

    // And the policy holds: a script slipped into the page does not run.
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "yes"';
      document.body.append(script);
      return document.body.dataset.injected === 'yes';
    });
    expect(ran).toBe(false);
  });

  it('serves GraphiQL from this machine, and it runs a query', async () => {
    const page = await app.register({ email: 'graphiql@example.com' });
    const seen = await offline(page);
    await page.goto(`${app.url}/graphql`);
    await page.locator('.graphiql-container .monaco-editor').first().waitFor();
    // The default query asks for the signed-in person's email.
    await page.locator('.graphiql-execute-button').click();
    await page.getByText('graphiql@example.com').waitFor();
    expect(seen.violations).toEqual([]);
    expect(seen.outside).toEqual([]);
  });
});
