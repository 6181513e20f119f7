import type { Page } from 'playwright-core';
import type { ChromiumStack } from './browser.ts';

export interface SharedBook {
  asha: Page;
  ravi: Page;
  /** The book's page, where asha is left. */
  bookUrl: string;
}

/**
 * Asha registers and creates `name`; Ravi registers and joins it through its invite link.
 * Each ends on the book's page.
 */
export async function shareBookByLink(app: ChromiumStack, name: string): Promise<SharedBook> {
  const asha = await app.register({ email: 'asha@example.com', name: 'Asha' });
  await asha.goto(`${app.url}/dashboard/books/`);
  await asha.getByLabel('Name').fill(name);
  await asha.getByRole('button', { name: 'Create book' }).click();
  await asha.getByRole('heading', { name, level: 1 }).waitFor();
  const bookUrl = asha.url();
  await asha.getByRole('button', { name: 'Create invite link' }).click();
  const shared = new URL(await asha.getByLabel('Link to share').inputValue());
  const ravi = await app.register({ email: 'ravi@example.com', name: 'Ravi' });
  await ravi.goto(`${app.url}${shared.pathname}`);
  await ravi.getByRole('button', { name: 'Join book' }).click();
  await ravi.getByRole('heading', { name, level: 1 }).waitFor();
  return { asha, ravi, bookUrl };
}
