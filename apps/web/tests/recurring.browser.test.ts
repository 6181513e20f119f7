// Recurring expenses end to end: the built web app in front of the real api, in Chromium,
// added, paused, resumed, edited and deleted through the page's forms.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, horizontalOverflow, screenshots, useChromiumStack } from './browser.ts';

const TIME_ZONE = 'Asia/Kolkata';
const LOCALE = 'en-IN';

const ordinal = (n: number) =>
  `${n}${n >= 11 && n <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

/**
 * A day of the month that is not today's (today's would be recorded at once once 09:00
 * has passed, moving the next run on), and the day a monthly rule on it runs next.
 */
function monthlyDay(now = new Date()): { day: number; next: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
  const [year = 0, month = 1, date = 1] = today.split('-').map(Number);
  const day = (date % 28) + 1;
  const next = new Date(Date.UTC(year, day > date ? month - 1 : month, day));
  const label = new Intl.DateTimeFormat(LOCALE, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(next);
  return { day, next: label };
}

describe.skipIf(!hasChromium)('recurring expenses in Chromium', () => {
  const app = useChromiumStack();

  const newUser = (email: string, javaScriptEnabled = true) =>
    app.register({
      email,
      name: 'Ravi',
      timeZone: TIME_ZONE,
      locale: LOCALE,
      javaScriptEnabled,
    });

  const rules = (page: Page): Locator => page.locator('ul.rules > li');
  const text = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ');
  const addForm = (page: Page) => page.locator('form[action="?/create"]');

  async function addMonthly(page: Page, amount: string, day: number) {
    const form = addForm(page);
    await form.getByLabel(/^Amount/).fill(amount);
    const rent = form.locator('select[name="category"] option', { hasText: 'Rent' });
    await form.getByLabel('Category').selectOption({ label: (await rent.innerText()).trim() });
    await form.getByLabel('Note').fill('flat');
    await form.getByLabel('Repeats').selectOption('MONTHLY');
    await form.getByLabel('Every').fill('1');
    await form.getByLabel('Day of the month').fill(String(day));
    await form.getByRole('button', { name: 'Add recurring expense' }).click();
  }

  it(
    'adds a monthly rule, pauses and resumes it, edits its amount and deletes it',
    { timeout: 90_000 },
    async () => {
      const { day, next } = monthlyDay();
      const page = await newUser('ravi@example.com');
      await page.getByRole('link', { name: 'Recurring', exact: true }).click();
      await page.waitForURL(/\/dashboard\/recurring\/$/);
      await page.getByText('Nothing recurring yet.').waitFor();

      // Only the day fields of the chosen frequency show, without a script's help.
      const form = addForm(page);
      expect(await form.getByLabel('Day of the month').isVisible()).toBe(true);
      expect(await form.getByLabel('Day of the week').isVisible()).toBe(false);
      await form.getByLabel('Repeats').selectOption('WEEKLY');
      expect(await form.getByLabel('Day of the week').isVisible()).toBe(true);
      expect(await form.getByLabel('Day of the month').isVisible()).toBe(false);

      await addMonthly(page, '0', day);
      await page.getByText('Enter an amount above zero').waitFor();
      await addMonthly(page, '15000', day);
      const description = `every month on the ${ordinal(day)}`;
      await page
        .getByText(`Added: ₹15,000.00 ${description} (Rent · flat), next on ${next}.`)
        .waitFor();
      expect(await rules(page).count()).toBe(1);
      const rule = rules(page).first();
      expect(await text(rule)).toContain('₹15,000.00 · 🏠 Rent · flat');
      expect(await text(rule)).toContain(`Every month on the ${ordinal(day)}`);
      expect(await text(rule)).toContain(`Next: ${next}`);
      await screenshots(page, 'recurring');
      await page.setViewportSize({ width: 360, height: 740 });
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 800 });

      await rule.getByRole('button', { name: 'Pause Rent · flat' }).click();
      await page
        .getByText('Paused Rent · flat: nothing is recorded until you resume it.')
        .waitFor();
      expect(await text(rule)).toContain('Paused');
      expect(await text(rule)).toContain('Nothing is recorded while it is paused.');
      await rule.getByRole('button', { name: 'Resume Rent · flat' }).click();
      await page.getByText(`Resumed Rent · flat: next on ${next}.`).waitFor();
      expect(await text(rule)).not.toContain('Paused');
      expect(await text(rule)).toContain(`Next: ${next}`);

      await rule.getByRole('link', { name: 'Edit Rent · flat' }).click();
      const edit = page.getByRole('form', { name: 'Edit Rent · flat' });
      expect(await edit.getByLabel(/^Amount/).inputValue()).toBe('15000.00');
      expect(await edit.getByLabel('Day of the month').inputValue()).toBe(String(day));
      await page.setViewportSize({ width: 360, height: 740 });
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshots(page, 'recurring-edit');
      await edit.getByLabel(/^Amount/).fill('16000');
      await edit.getByRole('button', { name: 'Save' }).click();
      await page
        .getByText(`Saved: ₹16,000.00 ${description} (Rent · flat), next on ${next}.`)
        .waitFor();
      expect(await edit.count()).toBe(0);
      expect(await text(rule)).toContain('₹16,000.00');

      await rule.getByRole('button', { name: 'Delete Rent · flat' }).click();
      await page.getByText('Deleted Rent · flat. The expenses it recorded stay.').waitFor();
      await page.getByText('Nothing recurring yet.').waitFor();
      await page.context().close();
    },
  );

  it('works without JavaScript: add, pause, resume, edit and delete by plain form posts', async () => {
    const { day, next } = monthlyDay();
    const page = await newUser('nojs-recurring@example.com', false);
    await page.goto(`${app.url}/dashboard/recurring/`);
    await addMonthly(page, '499.50', day);
    await page.getByText(`Added: ₹499.50 every month on the ${ordinal(day)}`).waitFor();
    const rule = rules(page).first();
    await rule.getByRole('button', { name: 'Pause Rent · flat' }).click();
    await page.getByText('Nothing is recorded while it is paused.').waitFor();
    await rule.getByRole('button', { name: 'Resume Rent · flat' }).click();
    await page.getByText(`Next: ${next}`).waitFor();

    await rule.getByRole('link', { name: 'Edit Rent · flat' }).click();
    const edit = page.getByRole('form', { name: 'Edit Rent · flat' });
    await edit.getByLabel('Repeats').selectOption('WEEKLY');
    await edit.getByLabel('Day of the week').selectOption({ label: 'Sunday' });
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved: ₹499.50 every week on Sunday (Rent · flat)').waitFor();
    expect(await text(rule)).toContain('Every week on Sunday');

    await rule.getByRole('button', { name: 'Delete Rent · flat' }).click();
    await page.getByText('Nothing recurring yet.').waitFor();
    await page.context().close();
  });
});
