// An edit form saved with some fields left as they were must show them as saved, not
// empty: a form's reset after a successful save would blank every field whose value the
// server did not change, and the next save would then send the blanks.
import { describe, expect, it } from 'vitest';
import { hasChromium, useChromiumStack } from './browser.ts';

describe.skipIf(!hasChromium)('edit forms after a save, in Chromium', () => {
  const app = useChromiumStack();

  it('keeps the name when only the currency changed in Settings', { timeout: 90_000 }, async () => {
    const page = await app.register({ email: 'edit-settings@example.com', name: 'Asha Rao' });
    await page.goto(`${app.url}/dashboard/settings/`);
    const profile = page.locator('form[action="?/settings"]');
    await profile.getByLabel('Currency').selectOption('USD');
    await profile.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved.').waitFor();
    expect(await profile.getByLabel('Your name').inputValue()).toBe('Asha Rao');
    expect(await profile.getByLabel('Currency').inputValue()).toBe('USD');

    // Saved again with nothing touched: the name stays.
    await profile.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.reload();
    expect(await profile.getByLabel('Your name').inputValue()).toBe('Asha Rao');
    await page.context().close();
  });
});
