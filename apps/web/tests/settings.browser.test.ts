// WhatsApp digests and the first day of the week chosen on the settings page, with and
// without JavaScript.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, screenshots, useChromiumStack } from './browser.ts';

describe.skipIf(!hasChromium)('digest settings in Chromium', () => {
  const app = useChromiumStack();

  const chosen = (page: Page) =>
    Promise.all([
      page.getByLabel('Daily digest').inputValue(),
      page.getByLabel('Weekly digest, on the morning your week starts').isChecked(),
      page.getByLabel('Reminder when nothing was recorded').inputValue(),
    ]);

  /** Saves the digests card and shows the page afresh, as the api now has it. */
  async function saveAndReload(page: Page): Promise<void> {
    await page
      .getByRole('region', { name: 'WhatsApp digests' })
      .getByRole('button', { name: 'Save' })
      .click();
    await page.getByText('WhatsApp digests saved.').waitFor();
    await page.reload();
  }

  it.each([true, false])(
    'turns digests on at chosen hours and off again (JavaScript: %s)',
    { timeout: 60_000 },
    async (javaScriptEnabled) => {
      const page = await app.register({
        email: `digests-${javaScriptEnabled}@example.com`,
        javaScriptEnabled,
      });
      await page.goto(`${app.url}/dashboard/settings/`);
      expect(await chosen(page)).toEqual(['', false, '']);
      await page.getByLabel('Daily digest').selectOption('21');
      await page.getByLabel('Weekly digest, on the morning your week starts').check();
      await page.getByLabel('Reminder when nothing was recorded').selectOption('20');
      await saveAndReload(page);
      expect(await chosen(page)).toEqual(['21', true, '20']);

      await page.getByLabel('Daily digest').selectOption('');
      await page.getByLabel('Weekly digest, on the morning your week starts').uncheck();
      await saveAndReload(page);
      expect(await chosen(page)).toEqual(['', false, '20']);
    },
  );
});

describe.skipIf(!hasChromium)('first day of the week in Chromium', () => {
  const app = useChromiumStack();

  const weekStart = (page: Page) => page.getByLabel('Week starts on');

  /** Saves the money, time and language card and shows the page afresh. */
  async function saveAndReload(page: Page): Promise<void> {
    await page
      .getByRole('region', { name: 'Money, time and language' })
      .getByRole('button', { name: 'Save' })
      .click();
    await page.getByText('Settings saved.').waitFor();
    await page.reload();
  }

  it.each([true, false])(
    'starts on the language’s day until another is chosen, and back (JavaScript: %s)',
    { timeout: 60_000 },
    async (javaScriptEnabled) => {
      const page = await app.register({
        email: `week-${javaScriptEnabled}@example.com`,
        locale: 'en-US',
        javaScriptEnabled,
      });
      await page.goto(`${app.url}/dashboard/settings/`);
      expect(await weekStart(page).inputValue()).toBe('');
      // CLDR: weeks in the United States start on Sunday.
      expect(await weekStart(page).locator('option:checked').textContent()).toMatch(
        /^\s*Default for your language \(Sunday\)\s*$/,
      );
      await weekStart(page).selectOption({ label: 'Monday' });
      await saveAndReload(page);
      expect(await weekStart(page).inputValue()).toBe('1');
      // The select stays on a 360 px screen, whatever the rest of the card does.
      await page.setViewportSize({ width: 360, height: 740 });
      const box = await weekStart(page).boundingBox();
      expect(box && box.x + box.width).toBeLessThanOrEqual(360);
      if (javaScriptEnabled) await screenshots(page, 'settings-week-start');
      await page.setViewportSize({ width: 1280, height: 800 });

      await weekStart(page).selectOption('');
      await saveAndReload(page);
      expect(await weekStart(page).inputValue()).toBe('');
    },
  );
});
