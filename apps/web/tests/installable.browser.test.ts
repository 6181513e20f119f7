// The dashboard as an installable app, in Chromium: the manifest and its icons, Chrome's own
// install check, the service worker that keeps the app's shell (and nothing of anybody's
// data), and the offline page when the network is gone (in the reader's language), then the
// real pages once it is back.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import portuguese from '@spendline/i18n/messages/pt-BR/web.json' with { type: 'json' };
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStack } from './app.ts';
import { hasChromium, launchChromiumProfile, signUp } from './browser.ts';

interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  scope: string;
  display: string;
  background_color: string;
  theme_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

/** `#f7f5f0` as browsers write computed colours: `rgb(247, 245, 240)`. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** Every cache of the origin, with the paths (and query strings) it holds. */
function cached(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const all: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const requests = await (await caches.open(name)).keys();
      all[name] = requests.map(({ url }) => new URL(url).pathname + new URL(url).search);
    }
    return all;
  });
}

/** The service worker in control of the page (it claims pages as it activates). */
async function controller(page: Page): Promise<string> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '');
}

// What the shell may hold: built files, static files and the prerendered offline pages
// (English, and one for each other language).
const SHELL_PATH =
  /^\/(_app\/immutable\/.+|icons\/[\w-]+\.png|favicon\.svg|manifest\.webmanifest|offline\/((pt-BR|es|id|hi)\/)?(__data\.json)?)$/;

describe.skipIf(!hasChromium)('the installable app in Chromium', () => {
  let stack: Awaited<ReturnType<typeof startStack>>;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  let url: string;
  const violations: string[] = [];

  beforeAll(async () => {
    stack = await startStack();
    url = stack.web.url;
    // A profile of its own: Chrome installs no app from an incognito window.
    profile = await mkdtemp(join(tmpdir(), 'spendline-install-'));
    context = await launchChromiumProfile(profile);
    page = await signUp(await context.newPage(), url, { email: 'install@example.com' });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    await stack?.stop();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(violations).toEqual([]);
  });

  it('serves a manifest with the app name, its colours and icons of the sizes it names', async () => {
    const response = await fetch(`${url}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as Manifest;
    expect(manifest).toMatchObject({
      name: 'Spendline',
      short_name: 'Spendline',
      start_url: '/dashboard/',
      scope: '/',
      display: 'standalone',
    });

    // The splash screen and title bar take the app's own background (light theme).
    const background = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    );
    expect(rgb(manifest.background_color)).toBe(background);
    expect(rgb(manifest.theme_color)).toBe(background);

    for (const icon of manifest.icons) {
      const file = await fetch(`${url}${icon.src}`);
      expect(file.headers.get('content-type'), icon.src).toBe(icon.type);
      const size = await page.evaluate(async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return `${image.naturalWidth}x${image.naturalHeight}`;
      }, icon.src);
      expect(size, icon.src).toBe(icon.sizes);
    }
    const sizesFor = (purpose: string) =>
      manifest.icons
        .filter((icon) => (icon.purpose ?? 'any').split(' ').includes(purpose))
        .map((icon) => `${icon.sizes} ${icon.type}`);
    expect(sizesFor('any')).toEqual(
      expect.arrayContaining(['192x192 image/png', '512x512 image/png']),
    );
    expect(sizesFor('maskable')).toEqual(['512x512 image/png']);

    // Every page links it, and the home-screen icon iOS asks for.
    const linked = (rel: string) =>
      page.evaluate(
        (rel) => document.querySelector<HTMLLinkElement>(`link[rel="${rel}"]`)?.href,
        rel,
      );
    expect(await linked('manifest')).toBe(`${url}/manifest.webmanifest`);
    const touch = await fetch((await linked('apple-touch-icon')) ?? 'missing');
    expect(touch.headers.get('content-type')).toBe('image/png');
  });

  it('passes the install check of Chrome itself, with the service worker in control', async () => {
    expect(await controller(page)).toBe(`${url}/service-worker.js`);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);

    const cdp = await context.newCDPSession(page);
    const read = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
    expect(read.url).toBe(`${url}/manifest.webmanifest`);
    expect(read.errors).toEqual([]);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);
    await cdp.detach();
  });

  it('keeps the shell and nothing of the signed-in pages or the api', async () => {
    await controller(page);
    // A signed-in round: pages, their data, GraphQL and its live-update stream.
    await page.getByRole('link', { name: 'Expenses', exact: true }).click();
    await page.getByRole('heading', { name: 'Expenses' }).waitFor();
    const answer = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
        body: JSON.stringify({ query: '{ me { email } }' }),
      });
      return response.text();
    });
    expect(answer).toContain('install@example.com');
    await page.goto(`${url}/dashboard/`);

    const caches = await cached(page);
    const names = Object.keys(caches);
    expect(names).toHaveLength(1);
    const paths = caches[names[0]!]!;
    expect(paths).toEqual(
      expect.arrayContaining([
        '/offline/',
        '/offline/pt-BR/',
        '/offline/hi/',
        '/manifest.webmanifest',
      ]),
    );
    expect(paths.some((path) => path.startsWith('/_app/immutable/'))).toBe(true);
    expect(paths.filter((path) => !SHELL_PATH.test(path))).toEqual([]);
  });

  it('shows the offline page without a network, and the pages again once it is back', async () => {
    await page.goto(`${url}/dashboard/`);
    await controller(page);
    await context.setOffline(true);
    try {
      // A link in the page (SvelteKit, failing to load its data, asks for the whole page,
      // which the worker answers) and an address opened directly.
      await page.getByRole('link', { name: 'Categories', exact: true }).click();
      await page.getByRole('heading', { name: 'You are offline' }).waitFor({ timeout: 10_000 });
      expect(page.url()).toBe(`${url}/dashboard/categories/`);

      const offline = await page.goto(`${url}/dashboard/expenses/?category=none`);
      expect(offline?.fromServiceWorker()).toBe(true);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('You are offline');
      // Drawn with the app's stylesheet, from the cache, and without anybody's account links.
      expect(
        await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
      ).toBe('rgb(247, 245, 240)');
      expect(await page.getByRole('navigation', { name: 'Account' }).count()).toBe(0);
    } finally {
      await context.setOffline(false);
    }

    await page.getByRole('link', { name: 'Try again' }).click();
    await page.waitForURL(`${url}/dashboard/expenses/`);
    await page.getByRole('heading', { name: 'Expenses' }).waitFor();

    // Pages still come from the server, with its headers: signed-in pages are kept nowhere.
    const dashboard = await page.goto(`${url}/dashboard/`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Hello, Asha');
    expect(await dashboard?.headerValue('cache-control')).toBe('no-store');
  });

  it('drops the caches of earlier builds when a new worker takes over', async () => {
    const current = Object.keys(await cached(page));
    // As if an earlier build had left its shell: a cache by another name, and no worker.
    await page.evaluate(async () => {
      await caches.open('shell-1');
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.unregister();
    });
    await page.reload();
    await controller(page);
    expect(Object.keys(await cached(page))).toEqual(current);
  });

  it('shows the offline page in the language of the last page it saw', async () => {
    // Signed out, with Portuguese picked on a sign-in page: pages come in Portuguese.
    await context.clearCookies();
    await context.addCookies([{ name: 'locale', value: 'pt-BR', url }]);
    const login = await page.goto(`${url}/login/`);
    expect(await login?.headerValue('content-language')).toBe('pt-BR');
    await controller(page);
    await context.setOffline(true);
    try {
      const offline = await page.goto(`${url}/dashboard/`);
      expect(offline?.fromServiceWorker()).toBe(true);
      const heading = await page.getByRole('heading', { level: 1 }).innerText();
      expect(heading).toBe(portuguese['offline.title']);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt-BR');
    } finally {
      await context.setOffline(false);
    }
  });
});
