// The overview's Ask box end to end: an expense added on the web, then questions about it
// answered by the real api in Chromium, with and without JavaScript.
import { describe, expect, it } from 'vitest';
import { hasChromium, useChromiumStack } from './browser.ts';

const TIME_ZONE = 'Asia/Kolkata';

describe.skipIf(!hasChromium)('the Ask box in Chromium', () => {
  const app = useChromiumStack();

  it('answers questions about the person’s own spending', { timeout: 90_000 }, async () => {
    const page = await app.register({ email: 'ask@example.com', timeZone: TIME_ZONE });
    await page.goto(`${app.url}/dashboard/expenses/`);
    await page.getByLabel('Amount (INR)').fill('1234.50');
    const food = await page.locator('#add-category option', { hasText: 'Food' }).innerText();
    await page.locator('#add-category').selectOption({ label: food.trim() });
    await page.getByLabel('Note').first().fill('swiggy biryani');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('row').filter({ hasText: 'swiggy biryani' }).waitFor();

    await page.goto(`${app.url}/dashboard/`);
    const box = page.getByRole('searchbox', { name: 'Ask about your spending' });
    const answer = page.getByRole('status', { name: 'Answer' });

    await box.fill('how much did I spend on food this month');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await answer.getByText('Food · this month: ₹1,234.50').waitFor();
    expect(await box.inputValue()).toBe('how much did I spend on food this month');

    await box.fill('list swiggy this month');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await answer.getByText(/₹1,234\.50 · Food · swiggy biryani/).waitFor();

    await box.fill('how much did i waste on silly little things last month');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await answer.getByText('Try a question like “how much on food last month”.').waitFor();
    await page.context().close();
  });

  // A GET form: the answer is in the page the server sends, before any script runs.
  it('answers without JavaScript', { timeout: 90_000 }, async () => {
    const page = await app.register({
      email: 'ask-nojs@example.com',
      timeZone: TIME_ZONE,
      javaScriptEnabled: false,
    });
    await page.goto(
      `${app.url}/dashboard/?ask=${encodeURIComponent('top 3 categories this month')}`,
    );
    const answer = page.getByRole('status', { name: 'Answer' });
    await answer.getByText('Nothing spent this month').waitFor();
    await page.context().close();
  });
});
