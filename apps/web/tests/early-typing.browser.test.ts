// On a slow phone people type into the server-rendered page before its script has run.
// With the scripts held back, words typed and options picked must survive hydration, and
// the form must then submit as usual; after a save, a form starts again from the server's
// values, not from empty fields.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, signUp, useChromiumStack } from './browser.ts';

const TIME_ZONE = 'Asia/Kolkata';
const PASSWORD = 'correct horse battery';

/** Opens `url` with the app's scripts held back; the returned function lets them load. */
async function openWithoutScripts(page: Page, url: string): Promise<() => Promise<void>> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  // Only scripts: held style sheets would keep the page from showing at all.
  await page.route('**/_app/immutable/**/*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(url, { waitUntil: 'commit' });
  return async () => {
    release();
    // Scripts loaded, then a moment for hydration: the old code's failure shows it is enough.
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
  };
}

describe.skipIf(!hasChromium)('forms typed into early, then saved, in Chromium', () => {
  const app = useChromiumStack();

  // No service worker: it would fetch the scripts itself, past the page's hold.
  const newPage = async () =>
    (await app.browser.newContext({ timezoneId: TIME_ZONE, serviceWorkers: 'block' })).newPage();
  const register = async (email: string) =>
    signUp(await newPage(), app.url, { email, timeZone: TIME_ZONE });

  it('keeps the email and password on the sign-in page', { timeout: 90_000 }, async () => {
    const email = 'early-login@example.com';
    await (await register(email)).context().close();

    const page = await newPage();
    const release = await openWithoutScripts(page, `${app.url}/login/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await release();

    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    expect(await page.getByLabel('Password').inputValue()).toBe(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${app.url}/dashboard/`);
    await page.context().close();
  });

  it('keeps what was typed and picked on the register page', { timeout: 90_000 }, async () => {
    const page = await newPage();
    const release = await openWithoutScripts(page, `${app.url}/register/`);
    await page.getByLabel('Your name').fill('Early Asha');
    await page.getByLabel('Email').fill('early-register@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Currency').selectOption('USD');
    await release();

    expect(await page.getByLabel('Your name').inputValue()).toBe('Early Asha');
    expect(await page.getByLabel('Email').inputValue()).toBe('early-register@example.com');
    expect(await page.getByLabel('Password').inputValue()).toBe(PASSWORD);
    expect(await page.getByLabel('Currency').inputValue()).toBe('USD');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${app.url}/dashboard/`);
    await page.goto(`${app.url}/dashboard/settings/`);
    expect(await page.getByLabel('Your name').inputValue()).toBe('Early Asha');
    expect(await page.getByLabel('Currency').inputValue()).toBe('USD');
    await page.context().close();
  });

  it(
    'keeps the expense add form and the filter, which then work',
    { timeout: 90_000 },
    async () => {
      const page = await register('early-expense@example.com');
      const release = await openWithoutScripts(page, `${app.url}/dashboard/expenses/`);
      const kind = page.locator('#add-kind');
      const amount = page.getByLabel('Amount (INR)');
      const date = page.locator('#add-date');
      const category = page.locator('#add-category');
      const note = page.getByLabel('Note').first();
      await note.waitFor();
      const today = await date.inputValue();
      const food = (await category.locator('option', { hasText: 'Food' }).innerText()).trim();
      await kind.selectOption('INCOME');
      await amount.fill('1234.50');
      await date.fill('2026-01-15');
      await category.selectOption({ label: food });
      await note.fill('early bird refund');
      const filter = page.getByLabel('Note contains');
      await filter.fill('early bird');
      await release();

      expect(await kind.inputValue()).toBe('INCOME');
      expect(await amount.inputValue()).toBe('1234.50');
      expect(await date.inputValue()).toBe('2026-01-15');
      expect(await category.locator('option:checked').innerText()).toBe(food);
      expect(await note.inputValue()).toBe('early bird refund');
      expect(await filter.inputValue()).toBe('early bird');

      // Posted by the page's script (no reload): the form empties itself for the next entry.
      const posted = page.waitForRequest((request) => request.method() === 'POST');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      expect((await posted).headers()['x-sveltekit-action']).toBe('true');
      const row = page.getByRole('row').filter({ hasText: 'early bird refund' });
      await row.waitFor();
      expect(await row.innerText()).toContain('+₹1,234.50');
      expect(await row.innerText()).toContain('Food');
      expect(await amount.inputValue()).toBe('');
      expect(await note.inputValue()).toBe('');
      expect(await date.inputValue()).toBe(today);
      expect(await kind.inputValue()).toBe('EXPENSE');
      // A filter being typed is not the page's to clear when an entry is added.
      expect(await filter.inputValue()).toBe('early bird');

      await filter.press('Enter');
      await page.waitForURL(/\/dashboard\/expenses\/\?.*\bq=early\+bird\b/);
      await page.getByRole('heading', { name: '1 entry match' }).waitFor();
      expect(await filter.inputValue()).toBe('early bird');
      // Back to the unfiltered list, the box must not keep the old words.
      await page.goBack();
      await page.getByRole('heading', { name: '1 entry', exact: true }).waitFor();
      expect(await filter.inputValue()).toBe('');
      await page.context().close();
    },
  );

  it('keeps a digest ticked early, and after saving it', { timeout: 90_000 }, async () => {
    const page = await register('early-settings@example.com');
    const release = await openWithoutScripts(page, `${app.url}/dashboard/settings/`);
    const weekly = page.getByLabel('Weekly digest, on the morning your week starts');
    await weekly.check();
    await release();

    expect(await weekly.isChecked()).toBe(true);
    await page
      .getByRole('region', { name: 'WhatsApp digests' })
      .getByRole('button', { name: 'Save' })
      .click();
    await page.getByText('WhatsApp digests saved.').waitFor();
    // The form is reset after a save: to the saved choice, not to the first paint's.
    expect(await weekly.isChecked()).toBe(true);
    await page.reload();
    expect(await weekly.isChecked()).toBe(true);
    await page.context().close();
  });

  it('keeps a question typed into the Ask box early', { timeout: 90_000 }, async () => {
    const page = await register('early-ask@example.com');
    const release = await openWithoutScripts(page, `${app.url}/dashboard/`);
    const box = page.getByRole('searchbox', { name: 'Ask about your spending' });
    await box.fill('top 3 categories this month');
    await release();
    expect(await box.inputValue()).toBe('top 3 categories this month');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await page
      .getByRole('status', { name: 'Answer' })
      .getByText('Nothing spent this month')
      .waitFor();
    await page.context().close();
  });

  it('keeps the statement month picked early', { timeout: 90_000 }, async () => {
    const page = await register('early-statement@example.com');
    // The statement form is on the overview once there is something to show.
    await page.goto(`${app.url}/dashboard/expenses/`);
    await page.getByLabel('Amount (INR)').fill('250');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('heading', { name: '1 entry', exact: true }).waitFor();
    const release = await openWithoutScripts(page, `${app.url}/dashboard/`);
    const month = page.getByLabel('Month', { exact: true });
    const latest = await month.inputValue();
    await month.fill('2026-01');
    await release();

    expect(await month.inputValue()).toBe('2026-01');
    expect(latest).not.toBe('2026-01');
    await page.context().close();
  });
  // After a save the page resets the form (SvelteKit's enhance): back to the starting values
  // the server gave, not to empty fields.
  it('starts the next recurring expense and category afresh', { timeout: 90_000 }, async () => {
    const page = await register('early-reset@example.com');
    await page.goto(`${app.url}/dashboard/recurring/`);
    const rule = page.locator('form[action="?/create"]');
    const every = rule.getByLabel('Every');
    const day = rule.getByLabel('Day of the month');
    const startingDay = await day.inputValue();
    expect(await every.inputValue()).toBe('1');
    await rule.getByLabel(/^Amount/).fill('15000');
    await every.fill('2');
    await day.fill(startingDay === '3' ? '4' : '3');
    await rule.getByRole('button', { name: 'Add recurring expense' }).click();
    await page.locator('ul.rules > li').first().waitFor();
    expect(await rule.getByLabel(/^Amount/).inputValue()).toBe('');
    expect(await every.inputValue()).toBe('1');
    expect(await day.inputValue()).toBe(startingDay);

    await page.goto(`${app.url}/dashboard/categories/`);
    const category = page.locator('form[action="?/create"]');
    const colour = category.getByLabel('Colour');
    const startingColour = await colour.inputValue();
    await category.getByLabel('Name').fill('Garden');
    await colour.fill('#ff0000');
    await category.getByRole('button', { name: 'Add category' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Garden' }).first().waitFor();
    expect(await category.getByLabel('Name').inputValue()).toBe('');
    expect(await colour.inputValue()).toBe(startingColour);
    await page.context().close();
  });
});
