// Shared Chromium set-up for the browser tests: the system's Chromium through playwright-core,
// and screenshots of a page at desktop and phone widths under test-output/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startStack, webDir } from './app.ts';
import { findChromium, noChromiumMessage } from './chromium.ts';

const lookup = findChromium();
// Where a browser is required (CI), a missing one fails every file that would be skipped.
if (!lookup.path && lookup.required) throw new Error(noChromiumMessage(lookup));

/** False skips the browser tests; the global setup has said why. */
export const hasChromium = lookup.path !== undefined;

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export function launchChromium(): Promise<Browser> {
  if (!lookup.path) throw new Error(noChromiumMessage(lookup));
  return chromium.launch({ executablePath: lookup.path, args: ARGS });
}

/**
 * Chromium with a profile of its own in `dir`, where launchChromium's contexts are
 * incognito windows (which Chrome will not install an app from).
 */
export function launchChromiumProfile(dir: string): Promise<BrowserContext> {
  if (!lookup.path) throw new Error(noChromiumMessage(lookup));
  return chromium.launchPersistentContext(dir, {
    executablePath: lookup.path,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
  });
}

const OUTPUT = join(webDir, 'test-output');

/** Saves `name`-desktop.png (1280x800) and `name`-phone.png (360x740) of the page as it is. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  const original = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 800 });
  await capture(page, join(OUTPUT, `${name}-desktop.png`));
  await page.setViewportSize({ width: 360, height: 740 });
  await capture(page, join(OUTPUT, `${name}-phone.png`));
  if (original) await page.setViewportSize(original);
}

/**
 * A full-page screenshot. Chromium now and then refuses one capture outright ("Unable to
 * capture screenshot") and takes the same picture when asked again: asked once more, only
 * for that refusal.
 */
async function capture(page: Page, path: string): Promise<void> {
  try {
    await page.screenshot({ path, fullPage: true });
  } catch (error) {
    if (!String(error).includes('Unable to capture screenshot')) throw error;
    await page.waitForTimeout(250);
    await page.screenshot({ path, fullPage: true });
  }
}

/** Fails when the page scrolls sideways (wider than the screen). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

export interface NewUser {
  email: string;
  name?: string;
  timeZone?: string;
  locale?: string;
  javaScriptEnabled?: boolean;
}

/** Registers through the page in a fresh browser context; returns on the dashboard. */
export async function registerUser(browser: Browser, webUrl: string, user: NewUser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    ...(user.timeZone ? { timezoneId: user.timeZone } : {}),
    ...(user.locale ? { locale: user.locale } : {}),
    javaScriptEnabled: user.javaScriptEnabled ?? true,
  });
  return signUp(await context.newPage(), webUrl, user);
}

/** Registers through the register page in `page`; returns on the dashboard. */
export async function signUp(page: Page, webUrl: string, user: NewUser): Promise<Page> {
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${webUrl}/register/`);
  await page.getByLabel('Your name').fill(user.name ?? 'Asha');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(`${webUrl}/dashboard/`);
  return page;
}

type Stack = Awaited<ReturnType<typeof startStack>>;

/** The built web app in front of the real api, and Chromium, for one describe block. */
export interface ChromiumStack {
  /** The web app's origin. */
  readonly url: string;
  readonly browser: Browser;
  /** Registers a new account in a fresh browser context; returns on the dashboard. */
  register(user: NewUser): Promise<Page>;
}

/** Starts the stack and Chromium before the enclosing block's tests, stops them after. */
export function useChromiumStack(): ChromiumStack {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the stack starts in beforeAll');
    return value;
  };
  return {
    get url() {
      return started(stack).web.url;
    },
    get browser() {
      return started(browser);
    },
    register: (user) => registerUser(started(browser), started(stack).web.url, user),
  };
}

/** The newest 6-digit code in the sandbox chat of a number, other than `after`. */
export async function codeInChat(
  chat: Page,
  url: string,
  phone: string,
  after: string | null,
): Promise<string> {
  const thread = chat.getByRole('region', { name: `Chat with Spendline from ${phone}` });
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        await chat.goto(`${url}/dashboard/chat/?phone=${encodeURIComponent(phone)}`);
        const texts = await thread.locator('.bot').allInnerTexts();
        const codes = texts.flatMap((text) => /\b(\d{6})\b/.exec(text)?.[1] ?? []);
        code = codes.at(-1);
        return code !== undefined && code !== after;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return code!;
}

/** Links `phone` to the signed-in account of `page` by the code the sandbox chat shows. */
export async function linkWhatsApp(page: Page, url: string, phone: string): Promise<void> {
  await page.goto(`${url}/link-whatsapp/`);
  await page.getByLabel('WhatsApp number').fill(phone);
  await page.getByRole('button', { name: 'Send the code' }).click();
  await page.waitForURL(/\/verify-whatsapp\/$/);
  const chat = await page.context().newPage();
  const code = await codeInChat(chat, url, phone, null);
  await chat.close();
  await page.getByLabel('Code').fill(code);
  await page.getByRole('button', { name: 'Link this number' }).click();
  await page.waitForURL(/\/link-whatsapp\/\?linked=1$/);
}
