// Shared books end to end: two accounts in their own browser contexts, in front of the
// real api. One makes a book and a link, the other joins by it; an equal split shows the
// same debt to both, and the settlement recorded from the plan brings both balances to zero.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  hasChromium,
  horizontalOverflow,
  linkWhatsApp,
  screenshots,
  useChromiumStack,
} from './browser.ts';

const TIME_ZONE = 'Asia/Kolkata';

describe.skipIf(!hasChromium)('shared books in Chromium', () => {
  const app = useChromiumStack();

  const balances = (page: Page) => page.getByRole('region', { name: 'Balances' });
  const plan = (page: Page) => page.getByRole('region', { name: 'Settle up' });
  const rowText = async (page: Page, name: RegExp) =>
    (await balances(page).getByRole('listitem').filter({ hasText: name }).innerText()).replace(
      /\s+/g,
      ' ',
    );

  it(
    'invites by link, splits 3000 equally, and settles the 1,500 from the plan',
    { timeout: 120_000 },
    async () => {
      const asha = await app.register({
        email: 'asha@example.com',
        name: 'Asha',
        timeZone: TIME_ZONE,
      });
      await asha.getByRole('link', { name: 'Books', exact: true }).click();
      await asha.waitForURL(/\/dashboard\/books\/$/);
      await asha.getByText('No shared books yet.').waitFor();
      await asha.getByLabel('Name').fill('Goa trip');
      await asha.getByRole('button', { name: 'Create book' }).click();
      await asha.getByRole('heading', { name: 'Goa trip', level: 1 }).waitFor();
      const bookUrl = asha.url();
      expect(bookUrl).toMatch(/\/dashboard\/books\/[^/]+\/$/);

      // A number that is not a phone number is explained beside its field; a real one is listed.
      await asha.getByLabel('WhatsApp number with country code').fill('12');
      await asha.getByRole('button', { name: 'Invite by WhatsApp' }).click();
      await asha.getByText('Enter a WhatsApp number with its country code').first().waitFor();
      await asha.getByLabel('WhatsApp number with country code').fill('+91 98123 00000');
      await asha.getByRole('button', { name: 'Invite by WhatsApp' }).click();
      await asha.getByText(/^Invited \+?91/).waitFor();
      const invited = asha.getByRole('region', { name: 'Members' }).getByRole('listitem');
      expect((await invited.last().innerText()).replace(/\s+/g, ' ')).toMatch(
        /98123 ?00000 Invited/,
      );

      await asha.getByRole('button', { name: 'Create invite link' }).click();
      const linkField = asha.getByLabel('Link to share');
      await linkField.waitFor();
      // The link is on the public address; this test's server is on a port of its own.
      const shared = new URL(await linkField.inputValue());
      expect(shared.pathname).toMatch(/^\/dashboard\/books\/join\/[^/]+\/$/);
      const link = `${app.url}${shared.pathname}`;

      const ravi = await app.register({
        email: 'ravi@example.com',
        name: 'Ravi',
        timeZone: TIME_ZONE,
      });
      await ravi.goto(link);
      await ravi.getByRole('button', { name: 'Join book' }).click();
      await ravi.getByRole('heading', { name: 'Goa trip', level: 1 }).waitFor();
      expect(ravi.url()).toBe(bookUrl);
      // The link is spent: opening it again says so in plain words.
      await ravi.goto(link);
      await ravi.getByRole('button', { name: 'Join book' }).click();
      await ravi.getByText('This invite link has expired or was already used.').waitFor();

      await asha.goto(bookUrl);
      const members = asha.getByRole('region', { name: 'Members' });
      expect(await members.innerText()).toContain('Ravi');
      await asha.getByLabel('Amount (INR)').fill('3000');
      await asha.getByLabel('Note').fill('hotel');
      await asha.getByRole('button', { name: 'Add expense' }).click();
      await asha.getByText('Added ₹3,000.00.').waitFor();
      // The form is ready for the next entry: an equal split among everyone again.
      expect(await asha.getByLabel('Equally among').isChecked()).toBe(true);
      expect(await asha.getByRole('checkbox', { name: 'Ravi' }).isChecked()).toBe(true);
      expect(await rowText(asha, /Ravi/)).toContain('owes ₹1,500.00');
      expect(await rowText(asha, /Asha \(you\)/)).toContain('is owed ₹1,500.00');
      const entries = asha.getByRole('region', { name: 'Entries' });
      expect((await entries.innerText()).replace(/\s+/g, ' ')).toMatch(
        /hotel Asha paid ₹3,000\.00 .* Split among 2 members/,
      );
      // Its day written as everywhere else on the dashboard (Dec 8, 2026), not as stored.
      expect(await entries.innerText()).toMatch(/[A-Z][a-z]{2} \d{1,2}, \d{4} · Split/);
      await screenshots(asha, 'book');

      await ravi.goto(bookUrl);
      expect(await rowText(ravi, /Ravi \(you\)/)).toContain('owes ₹1,500.00');
      expect(await plan(ravi).innerText()).toContain('Ravi pays Asha ₹1,500.00');

      // Leaving with a debt is refused, with the amount the server names.
      await ravi.getByRole('button', { name: 'Leave book' }).click();
      const refusal = ravi.getByRole('alert');
      await refusal.waitFor();
      expect(await refusal.innerText()).toContain('₹1,500.00');

      await ravi.setViewportSize({ width: 360, height: 740 });
      expect(await horizontalOverflow(ravi)).toBeLessThanOrEqual(0);
      expect(await ravi.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        360,
      );
      await screenshots(ravi, 'book-360');
      await ravi.setViewportSize({ width: 1280, height: 800 });

      await plan(ravi).getByRole('button', { name: 'Record settlement' }).click();
      await ravi.getByText('Recorded: Ravi paid Asha ₹1,500.00.').waitFor();
      expect(await balances(ravi).innerText()).toContain('Nobody owes anything.');
      expect(await plan(ravi).innerText()).toContain('Everyone is settled.');

      await asha.goto(bookUrl);
      expect(await balances(asha).innerText()).toContain('Nobody owes anything.');
      const settlements = asha.getByRole('region', { name: 'Settlements' });
      expect(await settlements.innerText()).toContain('Ravi paid Asha ₹1,500.00');

      // Undo brings the debt back for both.
      await settlements.getByRole('button', { name: 'Undo' }).click();
      await asha.getByText('Settlement undone.').waitFor();
      expect(await rowText(asha, /Ravi/)).toContain('owes ₹1,500.00');

      await asha.getByRole('link', { name: 'All books' }).click();
      await asha.waitForURL(/\/dashboard\/books\/$/);
      const listed = asha.getByRole('listitem').filter({ hasText: 'Goa trip' });
      expect((await listed.innerText()).replace(/\s+/g, ' ')).toMatch(
        /2 members · Owner You are owed ₹1,500\.00/,
      );
    },
  );

  it(
    'lists an invitation of a linked number on the books page, and Accept joins the book',
    { timeout: 120_000 },
    async () => {
      const phone = '+919812300077';
      const priya = await app.register({ email: 'priya@example.com', name: 'Priya' });
      await linkWhatsApp(priya, app.url, phone);
      const owner = await app.register({ email: 'meera@example.com', name: 'Meera' });
      await owner.goto(`${app.url}/dashboard/books/`);
      await owner.getByLabel('Name').fill('Flat');
      await owner.getByRole('button', { name: 'Create book' }).click();
      await owner.getByRole('heading', { name: 'Flat', level: 1 }).waitFor();
      await owner.getByLabel('WhatsApp number with country code').fill(phone);
      await owner.getByRole('button', { name: 'Invite by WhatsApp' }).click();
      await owner.getByRole('region', { name: 'Members' }).getByText(phone).waitFor();

      await priya.goto(`${app.url}/dashboard/books/`);
      const invitations = priya.getByRole('region', { name: 'Invitations' });
      await invitations.getByText('Flat invited your WhatsApp number.').waitFor();
      expect(await horizontalOverflow(priya)).toBe(0);
      await invitations.getByRole('button', { name: 'Accept' }).click();
      await priya.getByRole('heading', { name: 'Flat', level: 1 }).waitFor();
      expect(await priya.getByRole('region', { name: 'Members' }).innerText()).toContain('Meera');
      await priya.goto(`${app.url}/dashboard/books/`);
      expect(await priya.getByRole('region', { name: 'Invitations' }).count()).toBe(0);
    },
  );
});
