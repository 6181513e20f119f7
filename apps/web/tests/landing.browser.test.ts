// The built app in the system's Chromium, driven by playwright-core. `npx playwright install`
// cannot work offline, so the system browser is used; CI installs it with apt.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStubApi, startWebServer, type StubApi, type WebServer } from './app.ts';
import { hasChromium, launchChromium } from './browser.ts';

const HEADING = 'Track spending by sending a WhatsApp message';

describe.skipIf(!hasChromium)('landing page in Chromium', () => {
  let api: StubApi;
  let web: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    api = await startStubApi((req, res, body) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-from': 'stub-api' });
      res.end(JSON.stringify({ data: { echo: body.toString('utf8'), method: req.method } }));
    });
    web = await startWebServer({ API_URL: api.url });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.close();
  });

  /** Errors the pages printed or threw; checked after each test. */
  let pageErrors: string[] = [];

  afterEach(() => {
    expect(pageErrors).toEqual([]);
    pageErrors = [];
  });

  async function open(path: string, width = 1280, colorScheme: 'light' | 'dark' = 'light') {
    const page = await browser.newPage({ viewport: { width, height: 800 }, colorScheme });
    page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
    page.on('console', (message) => {
      // The 404 document itself is reported as a failed resource load.
      if (message.type() === 'error' && !message.text().includes('404 (Not Found)')) {
        pageErrors.push(`${path}: ${message.text()}`);
      }
    });
    const response = await page.goto(`${web.url}${path}`);
    return { page, response };
  }

  it('shows the heading, the chat picture and the way in', async () => {
    const { page, response } = await open('/');
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('Spendline');

    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(HEADING);
    for (const landmark of ['banner', 'main', 'contentinfo'] as const) {
      expect(await page.getByRole(landmark).count(), landmark).toBe(1);
    }

    const chat = page.getByRole('figure', { name: /WhatsApp chat with Spendline/ });
    expect(await chat.isVisible()).toBe(true);
    const text = await chat.innerText();
    expect(text).toContain('120 petrol');
    expect(text).toContain("✅ ₹120.00 · Fuel · Today's total ₹450.00");
    expect(text).toContain('Undo');
    expect(text).toContain('spent 250 on lunch yesterday');

    const register = page.getByRole('link', { name: 'Create your account' });
    expect(await register.getAttribute('href')).toBe('/register/');
    expect(await page.locator('a[href="/login/"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('fits a 360 px wide screen without horizontal scrolling, in both themes', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await open('/', 360, scheme);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      expect(scrollWidth, scheme).toBeLessThanOrEqual(clientWidth);
      expect(await page.getByRole('figure').isVisible()).toBe(true);
      await page.close();
    }
  });

  it('follows prefers-color-scheme with readable contrast (WCAG AA) in both themes', async () => {
    const backgrounds: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      for (const path of ['/', '/no-such-page']) {
        const { page } = await open(path, 1280, scheme);
        if (path === '/') {
          backgrounds.push(
            await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
          );
        }
        expect(await page.evaluate(lowContrastText), `${path} ${scheme}`).toEqual([]);
        await page.close();
      }
    }
    expect(backgrounds[0]).not.toBe(backgrounds[1]);
  });

  it('shows a friendly 404 page that links home', async () => {
    const { page, response } = await open('/no-such-page');
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Page not found');
    expect(await page.getByText('/no-such-page').count()).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await page.waitForURL(`${web.url}/`);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(HEADING);
    await page.close();
  });

  it('proxies /graphql to the api on the same origin', async () => {
    const { page } = await open('/');
    const result = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ me { name } }', variables: { note: 'चाय ☕' } }),
      });
      return {
        status: response.status,
        from: response.headers.get('x-from'),
        body: await response.text(),
      };
    });
    const sent = JSON.stringify({ query: '{ me { name } }', variables: { note: 'चाय ☕' } });
    expect(result).toEqual({
      status: 200,
      from: 'stub-api',
      body: JSON.stringify({ data: { echo: sent, method: 'POST' } }),
    });
    expect(api.received.at(-1)?.url).toBe('/graphql');

    const direct = await page.goto(`${web.url}/graphql?query=%7Bme%7D`);
    expect(direct?.status()).toBe(200);
    expect(await direct?.text()).toBe(JSON.stringify({ data: { echo: '', method: 'GET' } }));
    expect(api.received.at(-1)?.url).toBe('/graphql?query=%7Bme%7D');
    await page.close();
  });
});

/**
 * Runs in the page: visible text whose contrast with the background behind it is below
 * WCAG AA (4.5:1, or 3:1 for large text). Returns descriptions of the failures.
 */
function lowContrastText(): string[] {
  type Rgba = [number, number, number, number];
  const parse = (color: string): Rgba => {
    const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
    return [r, g, b, color.startsWith('rgba') ? a : 1];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
  };
  const luminance = ([r, g, b]: Rgba) => {
    const channel = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element: Element | null): Rgba => {
    const layers: Rgba[] = [];
    for (let node = element; node; node = node.parentElement) {
      const color = parse(getComputedStyle(node).backgroundColor);
      if (color[3] > 0) layers.push(color);
      if (color[3] === 1) break;
    }
    let result: Rgba = [255, 255, 255, 1];
    for (const layer of layers.reverse()) result = over(layer, result);
    return result;
  };

  const failures: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || !node.textContent?.trim()) continue;
    if (element.closest('.visually-hidden, [aria-hidden="true"]')) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || element.getClientRects().length === 0) continue;
    if (element.closest('.skip-link')) continue; // off screen until focused

    const bg = background(element);
    const fg = over(parse(style.color), bg);
    const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
    const ratio = (light + 0.05) / (dark + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      failures.push(`${ratio.toFixed(2)}:1 "${node.textContent.trim().slice(0, 40)}"`);
    }
  }
  return failures;
}
