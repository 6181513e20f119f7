// Import end to end: the built web app in front of the real api, in Chromium. A bank
// statement saved as CSV is previewed with the columns the page guessed, imported with a
// progress bar (with JavaScript) or by one form post (without), and a second import of
// the same file finds every row recorded already.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, horizontalOverflow, screenshots, useChromiumStack } from './browser.ts';

const STATEMENT = [
  'Txn Date,Narration,Chq/Ref No,Debit,Credit,Balance',
  '01/11/2026,UPI/SWIGGY/Lunch,1001,450.00,,10000.00',
  '02/11/2026,NEFT SALARY NOV,1002,,50000.00,60000.00',
  '03/11/2026,"PETROL PUMP, MG ROAD",1003,"1,200.50",,58799.50',
  'soon,CARD FEE,1004,10.00,,58789.50',
  '04/11/2026,RENT NOV,1005,15000,,43789.50',
].join('\r\n');

const file = { name: 'statement.csv', mimeType: 'text/csv', buffer: Buffer.from(STATEMENT) };

describe.skipIf(!hasChromium)('import in Chromium', () => {
  const app = useChromiumStack();

  const text = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ');
  const selected = (page: Page, label: string) =>
    page.getByLabel(label, { exact: true }).evaluate((select: HTMLSelectElement) => {
      return select.selectedOptions[0]?.textContent?.trim();
    });

  async function preview(page: Page) {
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: 'statement.csv' }).waitFor();
  }

  async function summaryOf(page: Page) {
    const summary = page.getByRole('region', { name: 'Summary' });
    await summary.waitFor();
    return text(summary);
  }

  /** Imports the statement again from the import page: every row is recorded already. */
  async function expectAllRecordedAlready(page: Page): Promise<void> {
    await preview(page);
    await page.getByRole('button', { name: 'Import 3 entries' }).click();
    const again = await summaryOf(page);
    expect(again).toContain('Imported 0 entries');
    expect(again).toContain('Already recorded 3 entries, skipped');
  }

  it(
    'previews a bank statement, imports it with a progress bar, and skips it the second time',
    { timeout: 90_000 },
    async () => {
      const page = await app.register({
        email: 'statement@example.com',
        timeZone: 'Asia/Kolkata',
        // Day first: 01/11/2026 is the 1st of November.
        locale: 'en-IN',
      });
      await page.getByRole('link', { name: 'Import', exact: true }).click();
      await page.waitForURL(/\/dashboard\/import\/$/);
      await preview(page);

      expect(await text(page.locator('.counts'))).toBe('5 rows: 3 readable, 2 unreadable.');
      expect(await selected(page, 'Date')).toBe('Txn Date');
      expect(await selected(page, 'Amount')).toBe('Debit');
      expect(await selected(page, 'Note')).toBe('Narration');
      expect(await selected(page, 'Category')).toBe('None');
      const rows = page.locator('table tbody tr');
      expect(await text(rows.nth(0))).toBe('2 1 Nov 2026 Spending ₹450.00 UPI/SWIGGY/Lunch');
      expect(await text(rows.nth(1))).toBe('3 Cannot be read: "" is not an amount in INR');
      expect(await text(rows.nth(2))).toContain('₹1,200.50 PETROL PUMP, MG ROAD');
      await screenshots(page, 'import-preview');
      await page.setViewportSize({ width: 360, height: 740 });
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 800 });

      // Another column updates the preview at once; back again for the import.
      await page.getByLabel('Amount', { exact: true }).selectOption({ label: 'Credit' });
      await page.getByText('5 rows: 1 readable, 4 unreadable.').waitFor();
      await page.getByLabel('Amount', { exact: true }).selectOption({ label: 'Debit' });
      await page.getByText('5 rows: 3 readable, 2 unreadable.').waitFor();

      await page.getByRole('button', { name: 'Import 3 entries' }).click();
      const summary = await summaryOf(page);
      const bar = page.locator('progress#import-progress');
      expect(await bar.getAttribute('value')).toBe('5');
      expect(await bar.getAttribute('max')).toBe('5');
      expect(await text(page.getByRole('region', { name: /^Imported statement\.csv/ }))).toContain(
        '5 of 5 rows',
      );
      expect(summary).toContain('Imported 3 entries');
      expect(summary).toContain('Already recorded 0 entries, skipped');
      expect(summary).toContain('Unreadable lines 2');
      expect(summary).toContain('Line 3: "" is not an amount in INR');
      expect(summary).toContain('Line 5: "soon" is not a date');
      await screenshots(page, 'import-summary');

      await page.getByRole('link', { name: 'See imported entries' }).click();
      await page.waitForURL(/\/dashboard\/expenses\/\?source=IMPORT$/);
      for (const note of ['UPI/SWIGGY/Lunch', 'PETROL PUMP, MG ROAD', 'RENT NOV'])
        await page.getByRole('row').filter({ hasText: note }).waitFor();
      expect(await text(page.getByRole('heading', { level: 2, name: /entries/ }))).toBe(
        '3 entries match',
      );

      // The same file again: every row is recorded already.
      await page.getByRole('link', { name: 'Import them from a file' }).click();
      await page.waitForURL(/\/dashboard\/import\/$/);
      await expectAllRecordedAlready(page);
      await page.context().close();
    },
  );

  it('imports by one form post without JavaScript', { timeout: 60_000 }, async () => {
    const page = await app.register({
      email: 'statement-nojs@example.com',
      timeZone: 'Asia/Kolkata',
      locale: 'en-IN',
      javaScriptEnabled: false,
    });
    await page.goto(`${app.url}/dashboard/import/`);
    await preview(page);
    expect(await text(page.locator('.counts'))).toBe('5 rows: 3 readable, 2 unreadable.');
    // The page sends the file back with each choice: no upload needed again.
    const note = page.getByLabel('Note', { exact: true });
    await note.selectOption({ label: 'Chq/Ref No' });
    await page.getByRole('button', { name: 'Update preview' }).click();
    await page.getByRole('cell', { name: '1001', exact: true }).waitFor();
    await note.selectOption({ label: 'Narration' });
    await page.getByRole('button', { name: 'Update preview' }).click();
    await page.getByRole('cell', { name: 'UPI/SWIGGY/Lunch' }).waitFor();

    await page.getByRole('button', { name: 'Import 3 entries' }).click();
    const summary = await summaryOf(page);
    expect(summary).toContain('Imported 3 entries');
    expect(summary).toContain('Line 5: "soon" is not a date');
    expect(await page.locator('progress').count()).toBe(0);

    await page.goto(`${app.url}/dashboard/expenses/`);
    await page.getByRole('row').filter({ hasText: 'RENT NOV' }).waitFor();
    await page.goto(`${app.url}/dashboard/import/`);
    await expectAllRecordedAlready(page);
    await page.context().close();
  });

  it('says when a file is too large: before sending it, or from the server', async () => {
    const huge = {
      name: 'huge.csv',
      mimeType: 'text/csv',
      buffer: Buffer.alloc(21 * 1024 * 1024, 'a'),
    };
    const message = 'This file is 21.0 MB; the importer takes files up to 20.0 MB.';
    for (const javaScriptEnabled of [true, false]) {
      const page = await app.register({
        email: `big-${javaScriptEnabled}@example.com`,
        javaScriptEnabled,
      });
      await page.goto(`${app.url}/dashboard/import/`);
      await page.getByLabel('CSV file', { exact: true }).setInputFiles(huge);
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByText(message, { exact: false }).waitFor();
      await page.context().close();
    }
    // Two sign-ups and 21 MB handed to the browser twice: seconds each on a busy machine.
  }, 90_000);

  it('imports the readable rows around a 20-digit amount, and a negative one as income', async () => {
    const badRows = {
      name: 'badrows.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'date,amount,note',
          '2026-11-01,40,tea',
          '2026-11-01,12345678901234567890,typo',
          '2026-11-02,-40,refund',
        ].join('\n'),
      ),
    };
    const page = await app.register({ email: 'badrows@example.com', timeZone: 'Asia/Kolkata' });
    await page.goto(`${app.url}/dashboard/import/`);
    await page.getByLabel('CSV file', { exact: true }).setInputFiles(badRows);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: 'badrows.csv' }).waitFor();
    expect(await text(page.locator('.counts'))).toBe('3 rows: 2 readable, 1 unreadable.');
    await page.getByRole('button', { name: 'Import 2 entries' }).click();
    const summary = await summaryOf(page);
    expect(summary).toContain('Imported 2 entries');
    expect(summary).toContain('Line 3: amount too large: "12345678901234567890"');
    expect(summary).not.toContain('Unexpected error');
    await page.goto(`${app.url}/dashboard/expenses/`);
    const refund = page.getByRole('row').filter({ hasText: 'refund' });
    await refund.waitFor();
    // Money back: shown as income, not as ₹40 of spending.
    expect(await text(refund)).toContain('+₹40.00');
    await page.context().close();
  });
});
