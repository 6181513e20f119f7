// Shared Chromium set-up for the browser tests: Debian's Chromium through playwright-core,
// and screenshots of a page at desktop and phone widths under test-output/.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { webDir } from './app.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

const OUTPUT = join(webDir, 'test-output');

/** Saves `name`-desktop.png (1280x800) and `name`-phone.png (360x740) of the page as it is. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  const original = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: join(OUTPUT, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: join(OUTPUT, `${name}-phone.png`), fullPage: true });
  if (original) await page.setViewportSize(original);
}

/** Fails when the page scrolls sideways (wider than the screen). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}
