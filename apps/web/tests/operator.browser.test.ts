// The operator page end to end: the built web app in front of the real api, in Chromium.
// The first account registered is the operator and finds the page in the navigation; the
// second neither sees the link nor may open the page.
import { describe, expect, it } from 'vitest';
import { hasChromium, horizontalOverflow, screenshots, useChromiumStack } from './browser.ts';

const SECTIONS = [
  'Messages from WhatsApp',
  'Processing',
  'Replies to WhatsApp',
  'Message templates',
  'Scheduled work',
  'People active',
];

describe.skipIf(!hasChromium)('the operator page in Chromium', () => {
  const app = useChromiumStack();

  it(
    'is in the first account’s navigation with every section, readable at 360 px',
    { timeout: 90_000 },
    async () => {
      const page = await app.register({ email: 'ops@example.com', name: 'Ops' });
      // A POST without Meta's signature, through the web app as Meta's would come.
      const forged = await fetch(`${app.url}/whatsapp/webhook/`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ object: 'whatsapp_business_account', entry: [] }),
      });
      expect(forged.status).toBe(401);
      await page.getByRole('link', { name: 'Operator', exact: true }).click();
      await page.waitForURL(/\/dashboard\/operator\/$/);
      await page.getByRole('heading', { name: 'How this Spendline is doing' }).waitFor();
      for (const name of SECTIONS) {
        expect(await page.getByRole('region', { name }).count(), name).toBe(1);
      }
      const webhook = page.getByRole('region', { name: 'Messages from WhatsApp' });
      // The stack runs without a Meta account: no delivery is expected, and none is alarming.
      expect(await webhook.innerText()).toMatch(
        /Last delivery from Meta\s+Sandbox: messages come from the dashboard's chat, not from Meta\./,
      );
      expect(await webhook.locator('dd').first().locator('.bad').count()).toBe(0);
      // The api counts it just after answering: the page may be a moment ahead of it.
      const refused =
        /Refused for a wrong signature\s+1 request, the last (just now|\d+ seconds ago)\./;
      for (let tries = 0; !refused.test(await webhook.innerText()) && tries < 10; tries++) {
        await page.reload();
      }
      expect(await webhook.innerText()).toMatch(refused);
      expect(await page.getByRole('region', { name: 'Message templates' }).innerText()).toMatch(
        /Not checked: sandbox\./,
      );
      // The api's scheduler has run its first round by the time the page is open.
      const scheduled = await page.getByRole('region', { name: 'Scheduled work' }).innerText();
      expect(scheduled).toMatch(/Recurring expenses: ran/);
      // Every job by its name for people, none by the scheduler's own.
      expect(scheduled).toMatch(/Monthly statements: ran/);
      expect(scheduled).not.toMatch(/^[a-z]/m);
      // Every section in one row at 1280 px, Operator too.
      const tops = await page
        .getByRole('navigation', { name: 'Dashboard' })
        .getByRole('link')
        .evaluateAll(
          (links) => new Set(links.map((link) => link.getBoundingClientRect().top)).size,
        );
      expect(tops).toBe(1);

      await page.setViewportSize({ width: 360, height: 740 });
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshots(page, 'operator');
    },
  );

  it('is neither shown nor open to a second account', { timeout: 60_000 }, async () => {
    const page = await app.register({ email: 'member@example.com', name: 'Member' });
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link').first().waitFor();
    expect(await page.getByRole('link', { name: 'Operator', exact: true }).count()).toBe(0);
    const response = await page.goto(`${app.url}/dashboard/operator/`);
    expect(response?.status()).toBe(403);
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();
    expect(await page.locator('body').innerText()).toContain(
      'This page is for the people who run this Spendline.',
    );
    expect(await page.locator('body').innerText()).not.toMatch(/Replies to WhatsApp/);
  });
});
