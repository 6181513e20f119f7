// The monthly statement end to end: an expense added on the web, then the month's PDF
// downloaded from the overview's month picker in Chromium, drawn by the real api.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { pdfPages } from '@spendline/reports/testing';
import { describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, useChromiumStack } from './browser.ts';

const TIME_ZONE = 'Asia/Kolkata';

/**
 * The title Chromium's own PDF viewer shows for a file: it reads it from the PDF's
 * metadata, so only a document the viewer could open gets past the file's name.
 */
async function viewerTitle(path: string): Promise<string> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path).href);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const viewer = page.frames().find((f) => f.url().startsWith('chrome-extension://'));
      // The viewer's toolbar lives in nested shadow roots.
      const title = await viewer?.evaluate(() => {
        const find = (root: Document | ShadowRoot): string | undefined => {
          for (const element of root.querySelectorAll('*')) {
            if (element.id === 'title') return element.textContent?.trim();
            const inner = element.shadowRoot && find(element.shadowRoot);
            if (inner) return inner;
          }
          return undefined;
        };
        return find(document);
      });
      if (title?.startsWith('Spendline') || Date.now() > deadline) return title ?? '';
      await page.waitForTimeout(200);
    }
  } finally {
    await browser.close();
  }
}

describe.skipIf(!hasChromium)('monthly statement in Chromium', () => {
  const app = useChromiumStack();

  it('downloads this month’s statement as a PDF holding its total and entries', async () => {
    const page = await app.register({ email: 'statement@example.com', timeZone: TIME_ZONE });
    await page.goto(`${app.url}/dashboard/expenses/`);
    await page.getByLabel('Amount (INR)').fill('1234.50');
    await page.getByLabel('Note').first().fill('train pass');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('row').filter({ hasText: 'train pass' }).waitFor();

    await page.goto(`${app.url}/dashboard/`);
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE })
      .format(new Date())
      .slice(0, 7);
    const picker = page.getByLabel('Month', { exact: true });
    expect(await picker.inputValue()).toBe(month);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`spendline-statement-${month}.pdf`);
    const pdf = new Uint8Array(await readFile(await download.path()));
    const text = (await pdfPages(pdf)).join('\n');
    expect(text).toContain('₹1,234.50');
    expect(text).toContain('train pass');
    expect(text).toContain('1 expense in INR');
    expect(await viewerTitle(await download.path())).toMatch(/^Spendline statement, \w+ \d{4}$/);

    // The address itself is the person's: signed out, it sends to the login page.
    const signedOut = await app.browser.newContext();
    const res = await signedOut.request.get(`${app.url}/dashboard/statement/${month}.pdf`, {
      maxRedirects: 0,
    });
    expect(res.status()).toBe(303);
    expect(res.headers().location).toMatch(/^\/login\//);
    await signedOut.close();
    await page.context().close();
  });

  it('opts in to the statement on the 1st from the settings page', async () => {
    const page = await app.register({ email: 'monthly@example.com', timeZone: TIME_ZONE });
    await page.goto(`${app.url}/dashboard/settings/`);
    const box = page.getByLabel("Last month's statement as a PDF, on the 1st");
    expect(await box.isChecked()).toBe(false);
    await box.check();
    await page
      .getByRole('region', { name: 'WhatsApp digests' })
      .getByRole('button', { name: 'Save' })
      .click();
    await page.getByText('WhatsApp digests saved.').waitFor();
    await page.reload();
    expect(await page.getByLabel("Last month's statement as a PDF, on the 1st").isChecked()).toBe(
      true,
    );
    await page.context().close();
  });
});
