// The dashboard in each language it speaks: signing up in Portuguese (picked on the
// register page) and in Hindi (the browser's language) keeps that language on the
// overview, expenses and chat pages (refusals included), and at 360 px none of those pages, in any language,
// is wider than the screen. Screenshots of each go to the system's temporary folder.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogLocale, LOCALES, type Locale } from '@spendline/i18n';
import en from '@spendline/i18n/messages/en/web.json' with { type: 'json' };
import es from '@spendline/i18n/messages/es/web.json' with { type: 'json' };
import hi from '@spendline/i18n/messages/hi/web.json' with { type: 'json' };
import id from '@spendline/i18n/messages/id/web.json' with { type: 'json' };
import ptBR from '@spendline/i18n/messages/pt-BR/web.json' with { type: 'json' };
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useChromiumStack } from './browser.ts';

const CATALOGS: Record<Locale, typeof en> = { en, 'pt-BR': ptBR, es, id, hi };
const TAGS: Record<Locale, string> = {
  en: 'en-IN',
  'pt-BR': 'pt-BR',
  es: 'es-MX',
  id: 'id-ID',
  hi: 'hi-IN',
};
const SHOTS = join(tmpdir(), 'spendline-languages');
const PAGES = {
  overview: '/dashboard/',
  expenses: '/dashboard/expenses/',
  chat: '/dashboard/chat/',
};

/**
 * Signs up through the register page in a browser whose language is `browserTag`, picking
 * `pick` (a language's own name) first when given; returns on the dashboard.
 */
async function signUp(
  browser: Browser,
  url: string,
  email: string,
  browserTag: string,
  pick?: string,
): Promise<Page> {
  const context = await browser.newContext({
    locale: browserTag,
    viewport: { width: 360, height: 740 },
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  // Loaded, scripts included: picking a language re-renders the page in it.
  await page.goto(`${url}/register/`, { waitUntil: 'networkidle' });
  if (pick) {
    const chosen = CATALOGS[catalogLocale(TAGS[LOCALES.find((l) => LANGUAGE[l] === pick) ?? 'en'])];
    await page.locator('select[name="locale"]').selectOption({ label: pick });
    // The page itself switches to the language picked.
    await page.getByRole('heading', { name: chosen['register.title'] }).waitFor();
  }
  await page.locator('input[name="displayName"]').fill('Asha');
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill('correct horse battery');
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL(`${url}/dashboard/`);
  return page;
}

const LANGUAGE: Record<Locale, string> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  es: 'Español',
  id: 'Bahasa Indonesia',
  hi: 'हिन्दी',
};

/**
 * What each sign-up spends and how its expenses table writes it: in the currency its
 * language starts with (reais, pesos, rupiah without cents, rupees), the way its locale
 * writes money.
 */
const SPENT: Record<Locale, { amount: string; shown: string }> = {
  en: { amount: '1234.5', shown: '₹1,234.50' },
  'pt-BR': { amount: '1234.5', shown: 'R$ 1.234,50' },
  es: { amount: '1234.5', shown: '$1,234.50' },
  id: { amount: '25000', shown: 'Rp 25.000' },
  hi: { amount: '120000', shown: '₹1,20,000.00' },
};

/** The same text with every kind of space as a plain one. */
const spaced = (text: string) => text.replace(/\s/g, ' ');

/** Adds one expense through the add form, so the pages have a table and charts to fit. */
async function addExpense(page: Page, url: string, words: typeof en, amount = '1234.5') {
  await page.goto(`${url}${PAGES.expenses}`);
  await page.locator('input[name="amount"]').first().fill(amount);
  await page.locator('input[name="note"]').first().fill('Almoço com a equipe de vendas');
  await page.getByRole('button', { name: words['expenses.add'], exact: true }).click();
  await page.getByText(words['common.saved']).waitFor();
}

describe.skipIf(!hasChromium)('the dashboard in five languages, in Chromium', () => {
  const app = useChromiumStack();

  it(
    'keeps Portuguese, picked on the register page, on the overview, expenses and chat',
    { timeout: 90_000 },
    async () => {
      const page = await signUp(app.browser, app.url, 'pt@example.com', 'en-US', LANGUAGE['pt-BR']);
      const words = CATALOGS['pt-BR'];
      await addExpense(page, app.url, words);
      await expect.poll(() => page.locator('h1').innerText()).toBe(words['expenses.title']);
      // A Brazilian sign-up starts in reais, written the Brazilian way.
      await expect.poll(() => page.locator('table').innerText()).toMatch(/R\$\s1\.234,50/);
      // An amount past the largest the api keeps: the api's refusal beside the field, and
      // the form's own message, both in Portuguese.
      await page.locator('input[name="amount"]').first().fill('100000000000000');
      await page.getByRole('button', { name: words['expenses.add'], exact: true }).click();
      await page.getByText(words['problem.tooLarge']).waitFor();
      await page.getByText(words['form.checkFields']).waitFor();

      await page.goto(`${app.url}${PAGES.overview}`);
      expect(await page.locator('h1').innerText()).toBe('Olá, Asha');
      await page.getByRole('heading', { name: words['overview.latest'] }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt-BR');

      await page.goto(`${app.url}${PAGES.chat}`);
      expect(await page.locator('h1').innerText()).toBe(words['chat.title']);
      await page.getByRole('button', { name: words['chat.send'], exact: true }).waitFor();
    },
  );

  it(
    'speaks Hindi to a browser that asks for it, from sign-up on',
    { timeout: 90_000 },
    async () => {
      const page = await signUp(app.browser, app.url, 'hi@example.com', 'hi-IN');
      const words = CATALOGS.hi;
      await page
        .getByRole('heading', { name: words['overview.totals'] })
        .or(page.getByText(words['firstSteps.title']))
        .first()
        .waitFor();
      expect(await page.getByRole('link', { name: words['layout.dashboard'] }).count()).toBe(1);
      await page.goto(`${app.url}${PAGES.expenses}`);
      expect(await page.locator('h1').innerText()).toBe(words['expenses.title']);
      await page.goto(`${app.url}${PAGES.chat}`);
      expect(await page.locator('h1').innerText()).toBe(words['chat.title']);
    },
  );

  it.each(LOCALES)(
    'writes money the %s way and fits the overview, expenses and chat into 360 px',
    { timeout: 90_000 },
    async (locale) => {
      const page = await signUp(app.browser, app.url, `fit-${locale}@example.com`, TAGS[locale]);
      const words = CATALOGS[locale];
      await addExpense(page, app.url, words, SPENT[locale].amount);
      expect(spaced(await page.locator('table').innerText())).toContain(SPENT[locale].shown);
      mkdirSync(SHOTS, { recursive: true });
      const tooWide: string[] = [];
      for (const [name, path] of Object.entries(PAGES)) {
        await page.goto(`${app.url}${path}`);
        await page.screenshot({ path: join(SHOTS, `${name}-${locale}-360.png`), fullPage: true });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 360) tooWide.push(`${name} in ${locale}: ${width} px`);
      }
      expect(tooWide).toEqual([]);
    },
  );
});
