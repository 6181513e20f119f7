// Deleting an account that shares a book: refused on the settings page with the book and
// amount while the balance is not zero; once settled it goes, and the other member's book
// keeps every entry and settlement, shown as a former member's.
import { describe, expect, it } from 'vitest';
import { hasChromium, useChromiumStack } from './browser.ts';
import { shareBookByLink } from './shared-book.ts';

describe.skipIf(!hasChromium)('deleting an account in a shared book, in Chromium', () => {
  const app = useChromiumStack();

  it(
    'names the book and amount, then leaves the other member’s book as it was',
    { timeout: 120_000 },
    async () => {
      const { asha, ravi, bookUrl } = await shareBookByLink(app, 'Home');

      await asha.goto(bookUrl);
      await asha.getByLabel('Amount (INR)').fill('3000');
      await asha.getByLabel('Note').fill('rent');
      await asha.getByRole('button', { name: 'Add expense' }).click();
      await asha.getByText('Added ₹3,000.00.').waitFor();

      const deleteAccount = async () => {
        await asha.goto(`${app.url}/dashboard/settings/`);
        const form = asha.locator('form[action="?/deleteAccount"]');
        await form.getByLabel('Password').fill('correct horse battery');
        await form.getByRole('button', { name: 'Delete my account' }).click();
      };
      await deleteAccount();
      const refusal = asha.getByRole('alert');
      await refusal.waitFor();
      expect((await refusal.innerText()).trim()).toBe(
        'Settle up in your shared books before deleting the account: you are owed ₹1,500.00 in Home.',
      );

      await ravi.goto(bookUrl);
      const plan = ravi.getByRole('region', { name: 'Settle up' });
      await plan.getByRole('button', { name: 'Record settlement' }).click();
      await ravi.getByText('Recorded: Ravi paid Asha ₹1,500.00.').waitFor();

      await deleteAccount();
      await asha.waitForURL(/\/\?deleted=1$/);

      await ravi.goto(bookUrl);
      const text = async (region: string) =>
        (await ravi.getByRole('region', { name: region }).innerText()).replace(/\s+/g, ' ');
      expect(await text('Entries')).toMatch(/rent Former member paid ₹3,000\.00/);
      expect(await text('Settlements')).toContain('Ravi paid Former member ₹1,500.00');
      expect(await text('Balances')).toContain('Nobody owes anything.');
      expect(await text('Members')).not.toContain('Asha');
    },
  );
});
