// Receipts end to end, in Chromium over the real api: a photo of a bill chosen on the
// expenses page is read by the api's OCR (no stand-in), fills the add form, and is kept
// with the expense it saves, shown as a thumbnail in the list and whole when editing; the
// chat simulator sends a photo the same way the phone would.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, horizontalOverflow, screenshots, useChromiumStack } from './browser.ts';

const RECEIPT_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="900">
  <rect width="100%" height="100%" fill="#fff"/>
  <g font-family="DejaVu Sans Mono, monospace" font-size="30" fill="#111">
    <text x="200" y="80" font-size="44" font-weight="bold">DMART</text>
    <text x="120" y="130">Avenue Supermarts Ltd</text>
    <text x="40" y="200">Date: 03/12/2026</text>
    <text x="40" y="280">Rice 5kg</text><text x="460" y="280">420.00</text>
    <text x="40" y="330">Milk</text><text x="460" y="330">168.00</text>
    <text x="40" y="380">Bread</text><text x="475" y="380">49.00</text>
    <text x="40" y="450">SUBTOTAL</text><text x="460" y="450">637.00</text>
    <text x="40" y="500">GST</text><text x="475" y="500">32.32</text>
    <text x="40" y="580">TOTAL</text><text x="460" y="580">669.32</text>
    <text x="120" y="680">Thank you, visit again</text>
  </g>
</svg>`;

/** The bill as a phone would send it: a PNG, drawn by the browser from the SVG. */
async function receiptPhoto(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 640, height: 900 } });
  await page.setContent(`<body style="margin:0">${RECEIPT_SVG}</body>`);
  const png = await page.screenshot({ type: 'png' });
  await page.close();
  return png;
}

async function naturalWidth(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((img: HTMLImageElement) => img.naturalWidth);
}

describe.skipIf(!hasChromium)('receipts in Chromium', () => {
  const app = useChromiumStack();

  it(
    'adds an expense from a receipt photo, read on the server, and keeps the photo with it',
    { timeout: 120_000 },
    async () => {
      const page = await app.register({ email: 'receipt@example.com', timeZone: 'Asia/Kolkata' });
      const photo = await receiptPhoto(app.browser);
      await page.goto(`${app.url}/dashboard/expenses/`);
      await page
        .getByLabel('Add from receipt', { exact: true })
        .setInputFiles({ name: 'bill.png', mimeType: 'image/png', buffer: photo });
      await page.getByRole('button', { name: 'Read receipt' }).click();
      await page.getByRole('status').filter({ hasText: 'Reading the receipt' }).waitFor();
      await page.getByText(/^Read ₹669\.32/).waitFor({ timeout: 60_000 });

      expect(await page.getByLabel('Amount (INR)').first().inputValue()).toBe('669.32');
      expect(await page.getByLabel('Note').first().inputValue()).toMatch(/DMART/i);
      expect(await naturalWidth(page, 'img.receipt-preview')).toBe(640);
      await screenshots(page, 'receipt-read');
      expect(await horizontalOverflow(page)).toBe(0);

      await page.getByRole('button', { name: 'Add', exact: true }).click();
      const row = page.getByRole('row').filter({ hasText: '₹669.32' });
      await row.waitFor();
      // The list shows the photo beside the entry, served by the api to its owner.
      await expect.poll(() => naturalWidth(page, 'td.note img')).toBe(640);
      const src = await row.getByRole('img', { name: 'Receipt' }).getAttribute('src');
      expect(src).toMatch(/^\/attachments\/[0-9a-f-]{36}$/);

      // Editing the entry shows the photo whole.
      await row.getByRole('link', { name: /^Edit/ }).click();
      await page.getByRole('img', { name: 'Receipt of this expense' }).waitFor();
      await page.setViewportSize({ width: 360, height: 740 });
      expect(await horizontalOverflow(page)).toBe(0);

      // Only its owner gets the file.
      const stranger = await app.register({ email: 'stranger@example.com' });
      const res = await stranger.request.get(`${app.url}${src}`);
      expect(res.status()).toBe(404);
      const own = await page.request.get(`${app.url}${src}`);
      expect(own.status()).toBe(200);
      expect(own.headers()['content-type']).toBe('image/png');
      await stranger.context().close();
      await page.context().close();
    },
  );

  it(
    'sends a receipt photo from the chat simulator, which the bot reads and asks about',
    { timeout: 120_000 },
    async () => {
      const PHONE = '+919812345600';
      const page = await app.register({ email: 'chatphoto@example.com', timeZone: 'Asia/Kolkata' });
      // Linked by a code sent to the simulated phone, so the photo is this account's.
      await page.goto(`${app.url}/link-whatsapp/`);
      await page.getByLabel('WhatsApp number').fill(PHONE);
      await page.getByRole('button', { name: 'Send the code' }).click();
      await page.waitForURL(/\/verify-whatsapp\/$/);
      const chat = await page.context().newPage();
      await chat.goto(`${app.url}/dashboard/chat/`);
      const thread = chat.getByRole('region', { name: `Chat with Spendline from ${PHONE}` });
      const codeMessage = thread
        .locator('.bot')
        .filter({ hasText: /\b\d{6}\b/ })
        .first();
      await codeMessage.waitFor({ timeout: 10_000 });
      const code = /\b(\d{6})\b/.exec(await codeMessage.innerText())?.[1];
      await page.getByLabel('Code').fill(code ?? '');
      await page.getByRole('button', { name: 'Link this number' }).click();
      await page.waitForURL(/\/link-whatsapp\/\?linked=1$/);

      await chat.reload();
      await chat.getByText('Attach a photo or voice note').click();
      await chat.getByLabel('Photo or audio file').setInputFiles({
        name: 'bill.png',
        mimeType: 'image/png',
        buffer: await receiptPhoto(app.browser),
      });
      await chat.getByRole('button', { name: 'Send file' }).click();
      // The photo shows in the chat as sent, and the bot answers with what it read.
      const sent = thread.locator('.you').getByRole('img', { name: 'What you sent' });
      await sent.waitFor();
      await expect.poll(() => sent.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
      await thread
        .locator('.bot')
        .filter({ hasText: '669.32' })
        .last()
        .waitFor({ timeout: 60_000 });
      await screenshots(chat, 'chat-photo');
      await page.context().close();
    },
  );

  it('says plainly when the chosen file is not a photo', async () => {
    const page = await app.register({ email: 'notaphoto@example.com' });
    await page.goto(`${app.url}/dashboard/expenses/`);
    await page.getByLabel('Add from receipt', { exact: true }).setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('TOTAL 669.32'),
    });
    await page.getByRole('button', { name: 'Read receipt' }).click();
    await page
      .getByText('This file type can’t be used here: send a JPEG, a PNG or a WebP image.')
      .waitFor();
    await page.context().close();
  });
});
