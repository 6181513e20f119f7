// A shared entry and settlement with someone who has left the book keep their money where
// it is: on the dashboard, deleting the entry and undoing the settlement are refused in
// plain words, in the reader's language, and both are still there afterwards. Restoring a
// deleted entry with him and changing an entry's amount are refused the same way.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, useChromiumStack } from './browser.ts';
import { shareBookByLink } from './shared-book.ts';

describe.skipIf(!hasChromium)('entries with someone who left the book, in Chromium', () => {
  const app = useChromiumStack();

  const words = (page: Page, region: string) =>
    page
      .getByRole('region', { name: region })
      .innerText()
      .then((text) => text.replace(/\s+/g, ' '));

  /** The one error notice the page shows after a refused action, as read. */
  async function refusal(page: Page): Promise<string> {
    const notice = page.getByRole('alert');
    await notice.waitFor();
    expect(await notice.count()).toBe(1);
    return (await notice.innerText()).trim();
  }

  it(
    'refuses restoring, re-pricing and deleting the entry and undoing the settlement, in English and Portuguese',
    { timeout: 120_000 },
    async () => {
      const { asha, ravi, bookUrl } = await shareBookByLink(app, 'Goa trip');

      await asha.goto(bookUrl);
      for (const { amount, note, shown } of [
        { amount: '3000', note: 'hotel', shown: '₹3,000.00' },
        { amount: '1000', note: 'dinner', shown: '₹1,000.00' },
      ]) {
        await asha.getByLabel('Amount (INR)').fill(amount);
        await asha.getByLabel('Note').fill(note);
        await asha.getByRole('button', { name: 'Add expense' }).click();
        await asha.getByText(`Added ${shown}.`).waitFor();
      }
      // Deleted while Ravi is still in the book; its Undo stays on screen while he leaves.
      await asha.goto(`${app.url}/dashboard/expenses/`);
      await asha.getByRole('button', { name: 'Delete dinner' }).click();
      await asha.getByText('Deleted ₹1,000.00 · dinner.').waitFor();

      await ravi.goto(bookUrl);
      await ravi
        .getByRole('region', { name: 'Settle up' })
        .getByRole('button', { name: 'Record settlement' })
        .click();
      await ravi.getByText('Recorded: Ravi paid Asha ₹1,500.00.').waitFor();
      await ravi.getByRole('button', { name: 'Leave book' }).click();
      await ravi.waitForURL(/\/dashboard\/books\/$/);

      await asha.getByRole('button', { name: 'Undo' }).click();
      expect(await refusal(asha)).toBe(
        "This entry is shared with someone who is no longer in the book, so it can't be restored.",
      );

      await asha.goto(`${app.url}/dashboard/expenses/`);
      await asha.getByRole('link', { name: 'Edit hotel' }).click();
      const edit = asha.getByRole('form', { name: 'Edit expense' });
      await edit.getByLabel('Amount (INR)').fill('4000');
      await edit.getByRole('button', { name: 'Save' }).click();
      expect(await refusal(asha)).toBe(
        "This entry is shared with someone who is no longer in the book, so its amount can't change.",
      );
      // The refusal reads across the form, not squeezed into its first field's cell.
      const [notice, form] = await Promise.all([
        asha.getByRole('alert').boundingBox(),
        edit.boundingBox(),
      ]);
      expect(notice!.width).toBeGreaterThan(form!.width * 0.9);

      const deleteHotel = async (name: string) => {
        await asha.goto(`${app.url}/dashboard/expenses/`);
        await asha.getByRole('button', { name: `${name} hotel` }).click();
      };
      const undoSettlement = async (name: string, region: string) => {
        await asha.goto(bookUrl);
        await asha.getByRole('region', { name: region }).getByRole('button', { name }).click();
      };

      await deleteHotel('Delete');
      expect(await refusal(asha)).toBe(
        "This entry is shared with someone who is no longer in the book, so it can't be deleted.",
      );
      await undoSettlement('Undo', 'Settlements');
      expect(await refusal(asha)).toBe(
        "This settlement is with someone who is no longer in the book, so it can't be undone.",
      );

      await asha.goto(`${app.url}/dashboard/settings/`);
      await asha.locator('#locale').selectOption('pt-BR');
      await asha
        .getByRole('region', { name: 'Money, time and language' })
        .getByRole('button', { name: 'Save' })
        .click();
      await asha.getByText('Configurações salvas.').waitFor();

      await deleteHotel('Excluir');
      expect(await refusal(asha)).toBe(
        'Este lançamento é dividido com alguém que não está mais no livro, então não pode ser excluído.',
      );
      await undoSettlement('Desfazer', 'Acertos');
      expect(await refusal(asha)).toBe(
        'Este acerto é com alguém que não está mais no livro, então não pode ser desfeito.',
      );

      await asha.reload();
      expect(await words(asha, 'Lançamentos')).toMatch(/hotel Asha pagou ₹ 3\.000,00/);
      expect(await words(asha, 'Acertos')).toContain('Ravi pagou ₹ 1.500,00 a Asha');
      await asha.goto(`${app.url}/dashboard/expenses/`);
      const rows = asha.getByRole('table').getByRole('row');
      expect(await rows.filter({ hasText: 'hotel' }).innerText()).toMatch(/₹\s?3\.000,00/);
      expect(await rows.filter({ hasText: 'dinner' }).count()).toBe(0);
    },
  );
});
