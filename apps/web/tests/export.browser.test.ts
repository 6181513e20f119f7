// Export end to end, and back: the built web app in front of the real api, in Chromium.
// An account's entries go out as CSV and into a fresh account through the import page,
// which then holds the same entries; the whole account goes out as JSON and XLSX.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useChromiumStack } from './browser.ts';

describe.skipIf(!hasChromium)('export in Chromium', () => {
  const app = useChromiumStack();

  const newUser = (email: string) =>
    app.register({ email, timeZone: 'Asia/Kolkata', locale: 'en-IN' });

  async function add(
    page: Page,
    entry: { amount: string; note: string; income?: boolean; category?: string },
  ) {
    await page.locator('#add-kind').selectOption(entry.income ? 'INCOME' : 'EXPENSE');
    await page.getByLabel('Amount (INR)').fill(entry.amount);
    if (entry.category) {
      // Options read "emoji name": pick by the name.
      const option = page.locator('#add-category option', { hasText: entry.category });
      await page.locator('#add-category').selectOption((await option.getAttribute('value')) ?? '');
    }
    await page.getByLabel('Note').first().fill(entry.note);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('row').filter({ hasText: entry.note }).waitFor();
  }

  /** A GraphQL call from the page, as its own scripts make them. */
  const graphql = (page: Page, query: string) =>
    page.evaluate(async (body) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
        body: JSON.stringify({ query: body }),
      });
      return (await res.json()) as { data?: unknown; errors?: unknown };
    }, query);

  /** The entries' CSV rows from Date to Note (the source and the time differ after an import). */
  async function csvEntries(page: Page): Promise<string[]> {
    const res = await page.request.get(`${app.url}/dashboard/expenses/export/?format=csv`);
    expect(res.status()).toBe(200);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Date,Type,Amount,Currency,Category,Note,Source,Recorded at');
    // These cells hold no commas or line breaks, so a line is a row of cells.
    return lines
      .slice(1)
      .map((line) => line.split(',').slice(0, -2).join(','))
      .sort();
  }

  it(
    'exports entries as CSV that a fresh account imports as the same entries',
    { timeout: 90_000 },
    async () => {
      const owner = await newUser('exporter@example.com');
      await owner.getByRole('link', { name: 'Expenses', exact: true }).click();
      await owner.waitForURL(/\/dashboard\/expenses\/$/);
      await add(owner, { amount: '120.50', note: 'petrol; full tank', category: 'Fuel' });
      await add(owner, { amount: '30', note: 'chai "special"' });
      await add(owner, { amount: '50000', note: 'salary', income: true });
      await add(owner, { amount: '99', note: '=HYPERLINK("x")', category: 'Food' });
      const exported = await csvEntries(owner);
      expect(exported).toHaveLength(4);
      expect(exported.some((row) => /,Income,50000\.00,INR,,salary$/.test(row))).toBe(true);

      const csv = await owner.request.get(`${app.url}/dashboard/expenses/export/?format=csv`);
      const file = { name: 'spendline.csv', mimeType: 'text/csv', buffer: await csv.body() };
      const fresh = await newUser('importer@example.com');
      await fresh.getByRole('link', { name: 'Import', exact: true }).click();
      await fresh.getByLabel('CSV file', { exact: true }).setInputFiles(file);
      await fresh.getByRole('button', { name: 'Preview' }).click();
      await fresh.getByText('4 rows: 4 readable, 0 unreadable.').waitFor();
      await fresh.getByRole('button', { name: 'Import 4 entries' }).click();
      const summary = fresh.getByRole('region', { name: 'Summary' });
      await summary.waitFor();
      expect(await summary.innerText()).toMatch(/Imported\s+4 entries/);
      expect(await csvEntries(fresh)).toEqual(exported);

      // Back into the account it came from: all of it is there already.
      await owner.goto(`${app.url}/dashboard/import/`);
      await owner.getByLabel('CSV file', { exact: true }).setInputFiles(file);
      await owner.getByRole('button', { name: 'Preview' }).click();
      await owner.getByRole('button', { name: 'Import 4 entries' }).click();
      const again = owner.getByRole('region', { name: 'Summary' });
      await again.waitFor();
      expect(await again.innerText()).toMatch(/Already recorded\s+4 entries, skipped/);
      await owner.context().close();
      await fresh.context().close();
    },
  );

  it('exports the whole account as JSON and XLSX', { timeout: 60_000 }, async () => {
    const page = await newUser('account@example.com');
    await page.goto(`${app.url}/dashboard/expenses/`);
    await add(page, { amount: '250', note: 'lunch', category: 'Food' });
    await graphql(page, 'mutation { setBudget(input: { amountMinor: "4000000" }) { __typename } }');
    await graphql(
      page,
      'mutation { createRecurringExpense(input: { amountMinor: "1500000", frequency: MONTHLY, note: "rent" }) { __typename } }',
    );

    // The expenses page offers these entries (first) and the whole account.
    const xlsx = await page.getByRole('link', { name: 'Excel (XLSX)' }).nth(1).getAttribute('href');
    const json = await page.getByRole('link', { name: 'JSON' }).getAttribute('href');
    expect(json).toBe('/dashboard/export/?format=json');
    expect(xlsx).toBe('/dashboard/export/?format=xlsx');

    const jsonRes = await page.request.get(`${app.url}${json}`);
    expect(jsonRes.status()).toBe(200);
    expect(jsonRes.headers()['content-disposition']).toMatch(/spendline-account-.*\.json/);
    const account = (await jsonRes.json()) as Record<string, unknown[] | Record<string, unknown>>;
    expect(account.profile).toMatchObject({ email: 'account@example.com', locale: 'en-IN' });
    expect(account.categories).toContainEqual(expect.objectContaining({ name: 'Food' }));
    expect(account.budgets).toEqual([
      expect.objectContaining({ category: null, amount: '40000.00', ended: false }),
    ]);
    expect(account.recurring).toEqual([
      expect.objectContaining({ note: 'rent', amount: '15000.00', frequency: 'MONTHLY' }),
    ]);
    expect(account.whatsAppNumbers).toEqual([]);
    expect(account.entries).toEqual([
      expect.objectContaining({
        type: 'Expense',
        amount: '250.00',
        category: 'Food',
        note: 'lunch',
      }),
    ]);
    expect(JSON.stringify(account)).not.toMatch(/password|session|token/i);

    const xlsxRes = await page.request.get(`${app.url}${xlsx}`);
    expect(xlsxRes.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsxRes.body()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.rowCount])).toEqual([
      ['Entries', 2],
      ['Categories', 1 + (account.categories as unknown[]).length],
      ['Budgets', 2],
      ['Recurring', 2],
      ['WhatsApp numbers', 1],
      ['Profile', 1 + Object.keys(account.profile as object).length],
    ]);
    await page.context().close();
  });
});
