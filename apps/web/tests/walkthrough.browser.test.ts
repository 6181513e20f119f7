// A new person's first visit, end to end: the built web app in front of the real api
// (sandbox WhatsApp) over a fresh database, driven in Chromium like a person would.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, horizontalOverflow, screenshots, useChromiumStack } from './browser.ts';

const PHONE = '+919812345678';

describe.skipIf(!hasChromium)('a new user in Chromium', () => {
  const app = useChromiumStack();

  const newUser = (email: string) => app.register({ email });

  const todayTotal = (page: Page) => page.getByTestId('total-today').locator('.amount').innerText();

  it(
    'registers, adds, edits, deletes and exports expenses, then logs out',
    { timeout: 90_000 },
    async () => {
      const page = await newUser('asha@example.com');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Hello, Asha');
      expect(await page.getByRole('heading', { name: 'Add your first expense' }).isVisible()).toBe(
        true,
      );
      expect(await todayTotal(page)).toBe('₹0.00');
      await screenshots(page, 'dashboard-empty');

      // Add on the web.
      await page.getByRole('link', { name: 'Expenses', exact: true }).click();
      await page.waitForURL(/\/dashboard\/expenses\/$/);
      await page.getByLabel('Amount (INR)').fill('250');
      await page.getByLabel('Note').first().fill('lunch with Ravi');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      const row = page.getByRole('row').filter({ hasText: 'lunch with Ravi' });
      await row.waitFor();
      expect(await row.innerText()).toContain('₹250.00');
      await page.getByLabel('Amount (INR)').fill('40.50');
      await page.getByLabel('Note').first().fill('chai');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByRole('row').filter({ hasText: 'chai' }).waitFor();
      await screenshots(page, 'expenses');

      // Refused input is explained next to its field.
      await page.getByLabel('Amount (INR)').fill('12.345');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByText('Enter an amount above zero').waitFor();

      // Edit inline.
      await row.getByRole('link', { name: /Edit/ }).click();
      const edit = page.getByRole('form', { name: 'Edit expense' });
      await edit.waitFor();
      await edit.getByLabel('Amount (INR)').fill('300');
      await edit.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('row').filter({ hasText: '₹300.00' }).waitFor();
      expect(
        await page.getByRole('row').filter({ hasText: 'lunch with Ravi' }).innerText(),
      ).toContain('₹300.00');

      // Delete, undo, delete again.
      const chai = page.getByRole('row').filter({ hasText: 'chai' });
      await chai.getByRole('button', { name: /Delete/ }).click();
      await page.getByRole('button', { name: 'Undo' }).waitFor();
      expect(await page.getByRole('row').filter({ hasText: 'chai' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Undo' }).click();
      await page.getByRole('row').filter({ hasText: 'chai' }).waitFor();
      await page
        .getByRole('row')
        .filter({ hasText: 'chai' })
        .getByRole('button', { name: /Delete/ })
        .click();
      await page.getByRole('button', { name: 'Undo' }).waitFor();

      // Export the current view as CSV.
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'CSV' }).click();
      const csv = await readFile(await (await download).path(), 'utf8');
      const lines = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('Date,Type,Amount,Currency,Category,Note,Source,Recorded at');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2},Expense,300\.00,INR,,lunch with Ravi,WEB,/);

      // The dashboard counts what is left.
      await page.getByRole('link', { name: 'Overview' }).click();
      await page.waitForURL(`${app.url}/dashboard/`);
      expect(await todayTotal(page)).toBe('₹300.00');
      expect(
        await page.getByRole('figure', { name: 'Spending each day this month' }).isVisible(),
      ).toBe(true);
      await screenshots(page, 'dashboard');
      await page.setViewportSize({ width: 360, height: 740 });
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 800 });

      for (const [path, name] of [
        ['/dashboard/categories/', 'categories'],
        ['/dashboard/settings/', 'settings'],
        ['/link-whatsapp/', 'link-whatsapp'],
      ] as const) {
        await page.goto(`${app.url}${path}`);
        await screenshots(page, name);
      }

      // Log out: the dashboard is closed again.
      await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL(/\/login\/\?loggedOut=1$/);
      await screenshots(page, 'login');
      await page.goto(`${app.url}/dashboard/`);
      await page.waitForURL(/\/login\/\?next=/);
      await page.context().close();
    },
  );

  it(
    'links WhatsApp by OTP through the simulator and sees a WhatsApp expense arrive live',
    { timeout: 60_000 },
    async () => {
      const page = await newUser('ravi@example.com');

      await page.goto(`${app.url}/link-whatsapp/`);
      await page.getByLabel('WhatsApp number').fill('98123 45678');
      await page.getByRole('button', { name: 'Send the code' }).click();
      await page.getByText('Check the number.').waitFor();
      await page.getByLabel('WhatsApp number').fill(PHONE);
      await page.getByRole('button', { name: 'Send the code' }).click();
      await page.waitForURL(/\/verify-whatsapp\/$/);
      await screenshots(page, 'verify-whatsapp');

      // The code arrives in the simulated chat of the pending number.
      const chat = await page.context().newPage();
      await chat.goto(`${app.url}/dashboard/chat/`);
      expect(
        await chat.getByRole('textbox', { name: 'Simulated phone', exact: true }).inputValue(),
      ).toBe(PHONE);
      const thread = chat.getByRole('region', { name: `Chat with Spendline from ${PHONE}` });
      const codeMessage = thread
        .locator('.bot')
        .filter({ hasText: /\b\d{6}\b/ })
        .first();
      await codeMessage.waitFor({ timeout: 10_000 });
      const code = /\b(\d{6})\b/.exec(await codeMessage.innerText())?.[1];
      expect(code).toBeDefined();

      await page.getByLabel('Code').fill(code!);
      await page.getByRole('button', { name: 'Link this number' }).click();
      await page.waitForURL(/\/link-whatsapp\/\?linked=1$/);
      expect(await page.getByText(PHONE).count()).toBeGreaterThan(0);

      // The dashboard is open while the expense is sent from "WhatsApp".
      await page.goto(`${app.url}/dashboard/`);
      expect(await todayTotal(page)).toBe('₹0.00');
      await chat.reload();
      await chat.getByLabel('Message').fill('120 petrol');
      await chat.getByRole('button', { name: 'Send' }).click();
      await thread.locator('.you').filter({ hasText: '120 petrol' }).waitFor();
      await thread.locator('.bot').filter({ hasText: '120' }).last().waitFor({ timeout: 10_000 });
      await screenshots(chat, 'chat');

      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="total-today"] .amount')?.textContent?.trim() ===
          '₹120.00',
        undefined,
        { timeout: 10_000 },
      );
      await screenshots(page, 'dashboard-live');

      // Undone on WhatsApp: the open dashboard goes back down, with no reload.
      await page.evaluate(() => document.body.setAttribute('data-loaded-once', ''));
      await chat.getByLabel('Message').fill('undo');
      await chat.getByRole('button', { name: 'Send' }).click();
      await thread.locator('.you').filter({ hasText: 'undo' }).waitFor();
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="total-today"] .amount')?.textContent?.trim() ===
          '₹0.00',
        undefined,
        { timeout: 10_000 },
      );
      expect(await page.locator('body[data-loaded-once]').count()).toBe(1);

      // Another number now needs the password.
      await page.goto(`${app.url}/link-whatsapp/`);
      const fromPhone = page.getByRole('region', { name: 'Or send us a code' });
      await fromPhone.getByLabel('Your password').fill('not my password');
      await fromPhone.getByRole('button', { name: 'Show me a code' }).click();
      await fromPhone.getByText('That password is not right.').waitFor();
      await fromPhone.getByLabel('Your password').fill('correct horse battery');
      await fromPhone.getByRole('button', { name: 'Show me a code' }).click();
      await fromPhone.getByText(/^LINK \d{8}$/).waitFor();
      await screenshots(page, 'link-whatsapp-linked');
      await page.context().close();
    },
  );

  it('signs another browser out from the settings page', { timeout: 60_000 }, async () => {
    const laptop = await newUser('meera@example.com');
    const phoneContext = await app.browser.newContext({ viewport: { width: 360, height: 740 } });
    const phone = await phoneContext.newPage();
    await phone.goto(`${app.url}/login/`);
    await phone.getByLabel('Email').fill('meera@example.com');
    await phone.getByLabel('Password').fill('correct horse battery');
    await phone.getByRole('button', { name: 'Log in' }).click();
    await phone.waitForURL(`${app.url}/dashboard/`);

    await laptop.goto(`${app.url}/dashboard/settings/`);
    const sessions = laptop.getByRole('region', { name: 'Where you are signed in' });
    expect(await sessions.getByRole('listitem').count()).toBe(2);
    expect(await sessions.getByText('This browser').count()).toBe(1);
    await sessions.getByRole('button', { name: 'Sign out' }).click();
    await laptop.getByText('That browser is signed out.').waitFor();
    await expect.poll(() => sessions.getByRole('listitem').count()).toBe(1);
    expect(await sessions.getByText('This browser').count()).toBe(1);

    // The phone still holds its cookie, which no longer opens anything.
    expect((await phoneContext.cookies()).map((cookie) => cookie.name)).toContain(
      'spendline_session',
    );
    await phone.goto(`${app.url}/dashboard/`);
    await phone.waitForURL(/\/login\/\?next=/);
    const me = await phone.evaluate(async () => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
        body: JSON.stringify({ query: '{ me { email } }' }),
      });
      return ((await res.json()) as { data: { me: unknown } }).data.me;
    });
    expect(me).toBeNull();

    await laptop.reload();
    expect(await sessions.getByRole('listitem').count()).toBe(1);
    await phoneContext.close();
    await laptop.context().close();
  });
  it('changes the password from the settings page', { timeout: 60_000 }, async () => {
    const page = await newUser('kiran@example.com');
    await page.goto(`${app.url}/dashboard/settings/`);
    const card = page.getByRole('region', { name: 'Change your password' });
    const submit = async (current: string, next: string, again: string) => {
      await card.getByLabel('Current password').fill(current);
      await card.getByLabel('New password', { exact: true }).fill(next);
      await card.getByLabel('New password again').fill(again);
      await card.getByRole('button', { name: 'Change password' }).click();
    };
    await submit('correct horse battery', 'a new secret 1', 'a new secret 2');
    await card.getByText('Type the same new password twice.').waitFor();
    await submit('not my password', 'a new secret 1', 'a new secret 1');
    await page.getByText('The email or password is not right.').waitFor();
    await submit('correct horse battery', 'a new secret 1', 'a new secret 1');
    await page.getByText('Password changed. Other browsers are signed out.').waitFor();

    // The new password opens the account in another browser; the old one no longer does.
    const other = await app.browser.newPage();
    const login = async (password: string) => {
      await other.goto(`${app.url}/login/`);
      await other.getByLabel('Email').fill('kiran@example.com');
      await other.getByLabel('Password').fill(password);
      await other.getByRole('button', { name: 'Log in' }).click();
    };
    await login('correct horse battery');
    await other.getByText('The email or password is not right.').waitFor();
    await login('a new secret 1');
    await other.waitForURL(`${app.url}/dashboard/`);
    await other.context().close();
    await page.context().close();
  });
});
