// Budgets end to end: the built web app in front of the real api, in Chromium, set and
// changed through the page's forms, counted against an expense added on the web.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, horizontalOverflow, screenshots, useChromiumStack } from './browser.ts';

const TIME_ZONE = 'Asia/Kolkata';
const rupees = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' });

/** The api's month-end projection of `spentMinor`, worked out here from today's date. */
function projection(spentMinor: number, now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
  const [year = 0, month = 1, day = 1] = today.split('-').map(Number);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return rupees.format(Math.ceil((spentMinor * days) / day) / 100);
}

describe.skipIf(!hasChromium)('budgets in Chromium', () => {
  const app = useChromiumStack();

  const newUser = (email: string, javaScriptEnabled = true) =>
    app.register({
      email,
      name: 'Nila',
      timeZone: TIME_ZONE,
      javaScriptEnabled,
    });

  const budget = (page: Page, name: string): Locator =>
    page.locator('ul.budgets > li').filter({ hasText: name });
  const text = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ');

  async function setBudget(page: Page, scope: string, amount: string) {
    await page.getByLabel('Budget for').selectOption({ label: scope });
    await page.getByLabel(/^Monthly limit/).fill(amount);
    await page.getByRole('button', { name: 'Set budget' }).click();
  }

  it(
    'sets an overall and a category budget, shows their use and pace, edits and removes one',
    { timeout: 90_000 },
    async () => {
      const page = await newUser('nila@example.com');
      await page.getByRole('link', { name: 'Budgets', exact: true }).click();
      await page.waitForURL(/\/dashboard\/budgets\/$/);
      await page.getByText('No budgets yet.').waitFor();

      await setBudget(page, 'All spending', '40000');
      await page.getByText('Overall budget: ₹40,000.00 a month.').waitFor();
      const food = await page.locator('#budget-scope option', { hasText: 'Food' }).innerText();
      await setBudget(page, food.trim(), '5000');
      await page.getByText('Food budget: ₹5,000.00 a month.').waitFor();

      // Refused input is explained next to its field.
      await setBudget(page, 'All spending', '0');
      await page.getByText('Enter a monthly limit above zero').waitFor();

      await page.getByRole('link', { name: 'Expenses', exact: true }).click();
      await page.waitForURL(/\/dashboard\/expenses\/$/);
      await page.getByLabel('Amount (INR)').fill('3000');
      await page.locator('#add-category').selectOption({ label: food.trim() });
      await page.getByLabel('Note').first().fill('groceries');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByRole('row').filter({ hasText: 'groceries' }).waitFor();

      await page.getByRole('link', { name: 'Budgets', exact: true }).click();
      await page.waitForURL(/\/dashboard\/budgets\/$/);
      const items = page.locator('ul.budgets > li');
      expect(await items.count()).toBe(2);
      expect(await text(items.first())).toContain('All spending');
      const overall = await text(budget(page, 'All spending'));
      expect(overall).toContain('₹3,000.00 of ₹40,000.00 (8%)');
      expect(overall).toContain('₹37,000.00 left');
      expect(overall).toContain(`At this pace: ${projection(300_000)} of ₹40,000.00`);
      const foodUse = await text(budget(page, 'Food'));
      expect(foodUse).toContain('₹3,000.00 of ₹5,000.00 (60%)');
      expect(foodUse).toContain(`At this pace: ${projection(300_000)} of ₹5,000.00`);
      expect(
        await budget(page, 'Food')
          .getByRole('meter', { name: 'Food: 60% of the budget used' })
          .count(),
      ).toBe(1);
      await screenshots(page, 'budgets');

      // Edit (set again) below what is spent: the bar is full and the numbers turn red.
      await budget(page, 'Food').getByRole('link', { name: 'Edit the Food budget' }).click();
      const edit = page.getByRole('form', { name: 'Edit the Food budget' });
      await edit.getByLabel(/^New monthly limit/).fill('2500');
      await edit.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Food budget: ₹2,500.00 a month.').waitFor();
      expect(await edit.count()).toBe(0);
      // The address still says ?edit=: asking again opens the form again.
      await budget(page, 'Food').getByRole('link', { name: 'Edit the Food budget' }).click();
      await edit.waitFor();
      await edit.getByRole('link', { name: 'Cancel' }).click();
      await edit.waitFor({ state: 'detached' });
      const over = budget(page, 'Food');
      expect(await text(over)).toContain('₹3,000.00 of ₹2,500.00 (120%)');
      expect(await text(over)).toContain('Over by ₹500.00');
      expect(await over.getAttribute('class')).toMatch(/\bover\b/);
      const red = await over
        .locator('.numbers')
        .evaluate((element) => getComputedStyle(element).color);
      expect(red).toBe('rgb(179, 38, 30)');
      await screenshots(page, 'budgets-over');
      await page.setViewportSize({ width: 360, height: 740 });
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 800 });

      // The overview's card shows the same budgets and leads here.
      await page.getByRole('link', { name: 'Overview' }).click();
      await page.waitForURL(`${app.url}/dashboard/`);
      const card = page.getByRole('region', { name: 'Budgets this month' });
      expect(await text(card)).toContain(`At this pace: ${projection(300_000)} of ₹40,000.00`);
      await screenshots(page, 'dashboard-budgets');
      await card.getByRole('link', { name: 'Manage budgets' }).click();
      await page.waitForURL(/\/dashboard\/budgets\/$/);

      await budget(page, 'Food').getByRole('button', { name: 'Remove the Food budget' }).click();
      await page.getByText('Removed the Food budget from this month on.').waitFor();
      expect(await items.count()).toBe(1);
      expect(await text(items.first())).toContain('₹3,000.00 of ₹40,000.00');
      await page.context().close();
    },
  );

  it('works without JavaScript: set, edit and remove by plain form posts', async () => {
    const page = await newUser('nojs@example.com', false);
    await page.goto(`${app.url}/dashboard/budgets/`);
    await setBudget(page, 'All spending', '12000.50');
    await page.getByText('Overall budget: ₹12,000.50 a month.').waitFor();
    expect(await text(budget(page, 'All spending'))).toContain('₹0.00 of ₹12,000.50 (0%)');

    await page.getByRole('link', { name: 'Edit the overall budget' }).click();
    const edit = page.getByRole('form', { name: 'Edit the overall budget' });
    expect(await edit.getByLabel(/^New monthly limit/).inputValue()).toBe('12000.50');
    await edit.getByLabel(/^New monthly limit/).fill('15000');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Overall budget: ₹15,000.00 a month.').waitFor();
    expect(await edit.count()).toBe(0);

    await page.getByRole('button', { name: 'Remove the overall budget' }).click();
    await page.getByText('Removed the overall budget from this month on.').waitFor();
    await page.getByText('No budgets yet.').waitFor();
    await page.context().close();
  });
});
