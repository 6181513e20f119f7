// The dashboard with the data people really have (200-character bank narrations, long
// category names, a month of entries) at phone and desktop widths, the answers to input it
// cannot take, and the chat simulator as WhatsApp shows it.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, horizontalOverflow, screenshots, useChromiumStack } from './browser.ts';

const WIDTHS = [1280, 360];
const NARRATION = `NEFT-HDFC0001234-${'X'.repeat(60)}-SALARYADVANCEREVERSALREF${'9'.repeat(100)}`;
const LONG_CATEGORY = 'Subscriptions&Memberships&Donations&Miscellaneous';

/** Runs a GraphQL operation as the signed-in browser, through the web app's proxy. */
async function gql<T>(page: Page, query: string, variables: Record<string, unknown> = {}) {
  const body = await page.evaluate(
    async ([query, variables]) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
        body: JSON.stringify({ query, variables }),
      });
      return response.text();
    },
    [query, variables] as const,
  );
  const parsed = JSON.parse(body) as { data?: T; errors?: unknown[] };
  if (!parsed.data || parsed.errors) throw new Error(body);
  return parsed.data;
}

const addExpense = (page: Page, input: Record<string, unknown>) =>
  gql(page, 'mutation ($input: NewExpense!) { createExpense(input: $input) { __typename } }', {
    input,
  });

/** How far the page scrolls sideways at each width (none, when it holds). */
async function overflowAtEveryWidth(page: Page, path: string, name: string) {
  await page.goto(path);
  await screenshots(page, name);
  const overflows: string[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await horizontalOverflow(page);
    if (overflow !== 0) overflows.push(`${name} at ${width} px: ${overflow} px too wide`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  return overflows;
}

describe.skipIf(!hasChromium)('pages that hold, in Chromium', () => {
  const app = useChromiumStack();

  it(
    'keeps every dashboard page inside the screen with long notes and names, at 360 and 1280 px',
    { timeout: 120_000 },
    async () => {
      const page = await app.register({ email: 'long@example.com', timeZone: 'Asia/Kolkata' });
      const created = await gql<{ createCategory: { id?: string } }>(
        page,
        'mutation ($name: String!) { createCategory(input: { name: $name }) { ... on Category { id } } }',
        { name: LONG_CATEGORY },
      );
      const categoryId = created.createCategory.id;
      await addExpense(page, { amountMinor: '250000', note: NARRATION, categoryId });
      await gql(
        page,
        'mutation ($input: BudgetInput!) { setBudget(input: $input) { __typename } }',
        {
          input: { categoryId, amountMinor: '500000' },
        },
      );
      await gql(
        page,
        'mutation ($input: NewRecurringExpense!) { createRecurringExpense(input: $input) { __typename } }',
        { input: { amountMinor: '99900', note: NARRATION, categoryId, frequency: 'MONTHLY' } },
      );

      const pages = {
        overview: '/dashboard/',
        expenses: '/dashboard/expenses/',
        categories: '/dashboard/categories/',
        budgets: '/dashboard/budgets/',
        recurring: '/dashboard/recurring/',
        import: '/dashboard/import/',
        books: '/dashboard/books/',
        chat: '/dashboard/chat/',
        settings: '/dashboard/settings/',
        whatsapp: '/link-whatsapp/',
      };
      // The first account runs this Spendline: its navigation has the operator page too.
      const { me } = await gql<{ me: { isOperator: boolean } }>(page, '{ me { isOperator } }');
      const sections = me.isOperator ? { ...pages, operator: '/dashboard/operator/' } : pages;
      const overflows: string[] = [];
      for (const [name, path] of Object.entries(sections)) {
        overflows.push(...(await overflowAtEveryWidth(page, `${app.url}${path}`, `hold-${name}`)));
      }
      expect(overflows).toEqual([]);

      // The row's amount and buttons stay on the card next to the narration.
      await page.goto(`${app.url}/dashboard/expenses/`);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        // The monthly rule with the same narration may have recorded today's ₹999.00 too.
        const row = page
          .getByRole('row')
          .filter({ hasText: 'NEFT-HDFC' })
          .filter({ hasText: '₹2,500.00' });
        for (const control of [
          row.getByRole('button', { name: /^Delete/ }),
          row.getByRole('link', { name: /^Edit/ }),
          row.getByText('₹2,500.00'),
        ]) {
          const box = await control.boundingBox();
          expect(box && box.x + box.width, `at ${width} px`).toBeLessThanOrEqual(width);
        }
      }

      // Every section of the navigation is on screen at phone and desktop widths, and at
      // phone width the settings inputs stay inside their cards.
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${app.url}/dashboard/settings/`);
      // Chromium reports the zone as Asia/Calcutta: it is stored and offered by its
      // current name, with UTC among the choices.
      const zone = page.getByLabel('Time zone');
      expect(await zone.inputValue()).toBe('Asia/Kolkata');
      const zones = await zone.locator('option').allTextContents();
      expect(zones).toContain('UTC');
      expect(zones).not.toContain('Asia/Calcutta');
      const nav = page.getByRole('navigation', { name: 'Dashboard' });
      const links = nav.getByRole('link');
      expect(await links.count()).toBe(Object.keys(sections).length);
      // Inside the bar's own box, not only the screen: a bar that scrolls sideways clips
      // its last sections while their boxes still lie within a wide screen.
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 740 });
        const bar = (await nav.getByRole('list').boundingBox())!;
        for (const link of await links.all()) {
          const box = (await link.boundingBox())!;
          const inside = box.x >= bar.x && box.x + box.width <= bar.x + bar.width + 0.5;
          expect(inside, `${await link.innerText()} at ${width} px`).toBe(true);
        }
      }
      await page.setViewportSize({ width: 360, height: 740 });
      const escaping = await page.evaluate(() =>
        [...document.querySelectorAll('.card')].flatMap((card) => {
          const edge = card.getBoundingClientRect().right;
          return [...card.querySelectorAll('input, select, button')]
            .filter((field) => field.getBoundingClientRect().right > edge + 0.5)
            .map((field) => field.getAttribute('name') ?? field.textContent);
        }),
      );
      expect(escaping).toEqual([]);

      // The chat page is as tall as its content, not thousands of pixels of nothing.
      await page.goto(`${app.url}/dashboard/chat/`);
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(1600);
      await page.context().close();
    },
  );

  it(
    'adds once on a double click, totals the whole filter, and answers bad input in words',
    { timeout: 90_000 },
    async () => {
      const page = await app.register({ email: 'totals@example.com', timeZone: 'Asia/Kolkata' });
      for (let i = 0; i < 30; i += 1)
        await addExpense(page, { amountMinor: '7700', note: `lunch ${i}` });
      await addExpense(page, { amountMinor: '50000', note: 'petrol' });

      // More than a page (25) matches: the total is of all 30, summed by the api.
      await page.goto(`${app.url}/dashboard/expenses/?q=lunch`);
      const total = page.getByTestId('filter-total');
      expect((await total.innerText()).replace(/\s+/g, ' ')).toBe(
        'Total of all 30, on every page: ₹2,310.00 spent',
      );

      await page.goto(`${app.url}/dashboard/expenses/`);
      await page.getByLabel('Amount (INR)').fill('77');
      await page.getByLabel('Note').first().fill('twice');
      await page.getByRole('button', { name: 'Add', exact: true }).dblclick();
      await page.getByText('Saved.').waitFor();
      await page.waitForTimeout(1000);
      const twice = await gql<{ expenses: { totalCount: number } }>(
        page,
        '{ expenses(filter: { search: "twice" }) { totalCount } }',
      );
      expect(twice.expenses.totalCount).toBe(1);

      // An amount past the largest the api takes: said beside the field, typed value kept.
      await page.getByLabel('Amount (INR)').fill('99999999999999999');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByText('This is too large.').waitFor();
      expect(await page.getByLabel('Amount (INR)').inputValue()).toBe('99999999999999999');
      expect(await page.locator('body').innerText()).not.toMatch(/Variable|MinorUnits|10\^15/);
      await screenshots(page, 'hold-expenses-refused');

      // The same on the budgets page.
      await page.goto(`${app.url}/dashboard/budgets/`);
      await page.getByLabel(/^Monthly limit/).fill('99999999999999999');
      await page.getByRole('button', { name: 'Set budget' }).click();
      await page.getByText('This is too large.').waitFor();
      expect(await page.getByLabel(/^Monthly limit/).inputValue()).toBe('99999999999999999');
      expect(await page.locator('body').innerText()).not.toMatch(/Variable|MinorUnits|10\^15/);

      // A name past the api's limit: its words beside the field, not zod's.
      await page.goto(`${app.url}/dashboard/categories/`);
      const name = `Trip${'s'.repeat(56)}`;
      await page.locator('#new-name').fill(name);
      await page.getByRole('button', { name: 'Add category' }).click();
      await page.getByText('Must be at most 50 characters.').waitFor();
      expect(await page.locator('#new-name').inputValue()).toBe(name);
      expect(await page.locator('body').innerText()).not.toMatch(/Too big|input\.name/);

      // Links the api cannot read show the page and say what was left out.
      for (const [query, notice] of [
        ["?category='", 'The category in this link is not one of yours'],
        ['?after=garbage', 'The page in this link could not be read'],
        ['?before=%00', 'The page in this link could not be read'],
      ] as const) {
        const response = await page.goto(`${app.url}/dashboard/expenses/${query}`);
        expect(response?.status(), query).toBe(200);
        await page.getByText(notice).waitFor();
      }
      // The other pages that read their URL, and the export, with values that do not read.
      for (const path of [
        '/dashboard/expenses/?from=2026-02-31&to=x&q=%00&sort=%27&source=%27',
        '/dashboard/categories/?edit=%27',
        '/dashboard/budgets/?edit=%00',
        '/dashboard/recurring/?edit=garbage',
        '/dashboard/chat/?phone=%27',
        '/link-whatsapp/?linked=%27',
      ]) {
        const response = await page.goto(`${app.url}${path}`);
        expect(response?.status(), path).toBe(200);
      }
      const download = await page.request.get(
        `${app.url}/dashboard/expenses/export/?category=%27&format=csv`,
      );
      expect(download.status()).toBe(200);
      expect((await download.text()).split('\n').filter(Boolean)).toHaveLength(33);
      await page.context().close();
    },
  );

  it(
    'keeps the chosen phone, draws WhatsApp formatting and aligned tables, keeps a refused message',
    { timeout: 90_000 },
    async () => {
      const PHONE = '+919812300017';
      const page = await app.register({ email: 'chat@example.com', timeZone: 'Asia/Kolkata' });
      await page.goto(`${app.url}/link-whatsapp/`);
      const fromPhone = page.getByRole('region', { name: 'Or send us a code' });
      await fromPhone.getByRole('button', { name: 'Show me a code' }).click();
      const link = await fromPhone.getByText(/^LINK \d{8}$/).innerText();

      await page.goto(`${app.url}/dashboard/chat/?phone=${encodeURIComponent(PHONE)}`);
      const thread = page.getByRole('region', { name: `Chat with Spendline from ${PHONE}` });
      const send = async (text: string) => {
        await page.getByLabel('Message').fill(text);
        await page.getByRole('button', { name: 'Send' }).click();
        await thread.locator('.you').filter({ hasText: text }).last().waitFor();
      };
      await send(link);
      // Still the same phone after the send, its history shown.
      expect(page.url()).toContain(encodeURIComponent(PHONE));
      expect(await page.getByRole('textbox', { name: 'Simulated phone' }).inputValue()).toBe(PHONE);
      const bot = thread.locator('.bot');
      await bot.first().waitFor({ timeout: 10_000 });

      await send('1200 petrol');
      await bot.filter({ hasText: 'Fuel' }).first().waitFor({ timeout: 10_000 });
      await send('350 groceries');
      await bot.filter({ hasText: 'Groceries' }).first().waitFor({ timeout: 10_000 });
      await send('today');
      const statement = bot.filter({ has: page.locator('pre') }).last();
      await statement.waitFor({ timeout: 10_000 });

      // *Today* is bold, not starred; the table is fixed-width with its columns lined up.
      expect(await statement.locator('.bold').first().innerText()).toMatch(/^Today/);
      expect(await statement.innerText()).not.toContain('*');
      expect(await statement.innerText()).not.toContain('```');
      const table = statement.locator('pre');
      expect(await table.evaluate((pre) => getComputedStyle(pre).fontFamily)).toMatch(/mono/i);
      expect(await table.evaluate((pre) => getComputedStyle(pre).whiteSpace)).toBe('pre');
      const lines = (await table.innerText()).split('\n').filter(Boolean);
      expect(lines.length).toBeGreaterThanOrEqual(2);
      expect(new Set(lines.map((line) => [...line].length)).size).toBe(1);
      await screenshots(page, 'hold-chat-statement');

      // Too long for WhatsApp: said beside the box, and the text stays to be shortened.
      const long = 'x'.repeat(5000);
      await page.getByLabel('Message').fill(long);
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByText('WhatsApp takes at most 4,096 characters').waitFor();
      expect(await page.getByLabel('Message').inputValue()).toBe(long);
      expect(await page.locator('body').innerText()).not.toMatch(/Too big|input\.text/);
      expect(await page.getByRole('textbox', { name: 'Simulated phone' }).inputValue()).toBe(PHONE);
      await page.context().close();
    },
  );

  it(
    'sends chat messages typed one right after another, none lost, in the order typed',
    { timeout: 90_000 },
    async () => {
      const PHONE = '+919812300019';
      const page = await app.register({ email: 'quick-chat@example.com' });
      await page.goto(`${app.url}/dashboard/chat/?phone=${encodeURIComponent(PHONE)}`);
      // The page's refresh after each send is slow, as on a busy server: sends made
      // meanwhile must still go out.
      await page.route('**/__data.json**', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      const box = page.getByLabel('Message');
      const typed = ['11 tea', '22 coffee', 'help', '33 snacks'];
      for (const text of typed) {
        await box.fill(text);
        await page.getByRole('button', { name: 'Send' }).click();
        // Gone from the box the moment it is sent, ready for the next.
        expect(await box.inputValue()).toBe('');
      }
      const thread = page.getByRole('region', { name: `Chat with Spendline from ${PHONE}` });
      const mine = thread.locator('.you');
      await mine.filter({ hasText: '33 snacks' }).waitFor({ timeout: 20_000 });
      const sent = (await mine.allInnerTexts()).map((text) =>
        typed.find((message) => text.includes(message)),
      );
      expect(sent).toEqual(typed);
      await page.context().close();
    },
  );

  it(
    'adds an entry typed and sent while the page refreshes after the one before',
    { timeout: 90_000 },
    async () => {
      const page = await app.register({ email: 'quick-add@example.com' });
      await page.goto(`${app.url}/dashboard/expenses/`);
      await page.route('**/__data.json**', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      const add = page.getByRole('button', { name: 'Add', exact: true });
      const answered = page.waitForResponse(
        (response) => response.request().method() === 'POST' && response.url().includes('create'),
      );
      await page.getByLabel('Amount (INR)').fill('77');
      await page.getByLabel('Note').first().fill('first while refreshing');
      await add.click();
      await answered;
      // The answer is in and the page is still refreshing: the next entry is typed and sent.
      await page.getByLabel('Amount (INR)').fill('88');
      await page.getByLabel('Note').first().fill('second while refreshing');
      await add.click();
      const amounts = async () => {
        const found = await gql<{
          expenses: { edges: { node: { note: string; amount: { amountMinor: string } } }[] };
        }>(
          page,
          '{ expenses(filter: { search: "while refreshing" }) { edges { node { note amount { amountMinor } } } } }',
        );
        return Object.fromEntries(
          found.expenses.edges.map(({ node }) => [node.note, node.amount.amountMinor]),
        );
      };
      await expect.poll(amounts, { timeout: 20_000 }).toEqual({
        'first while refreshing': '7700',
        'second while refreshing': '8800',
      });
      await page.context().close();
    },
  );

  it(
    'keeps the phone and a refused message without JavaScript too',
    { timeout: 60_000 },
    async () => {
      const PHONE = '+919812300018';
      const page = await app.register({ email: 'nojs-chat@example.com', javaScriptEnabled: false });
      await page.goto(`${app.url}/dashboard/chat/?phone=${encodeURIComponent(PHONE)}`);
      const long = 'y'.repeat(4097);
      await page.getByLabel('Message').fill(long);
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByText('WhatsApp takes at most 4,096 characters').waitFor();
      expect(await page.getByLabel('Message').inputValue()).toBe(long);
      expect(await page.getByRole('textbox', { name: 'Simulated phone' }).inputValue()).toBe(PHONE);
      await page.context().close();
    },
  );

  it(
    'adds once when the same form is posted twice without JavaScript',
    { timeout: 60_000 },
    async () => {
      const page = await app.register({ email: 'nojs-add@example.com', javaScriptEnabled: false });
      await page.goto(`${app.url}/dashboard/expenses/`);
      await page.getByLabel('Amount (INR)').fill('77');
      await page.getByLabel('Note').first().fill('twice without script');
      // What a browser sends when the form goes off twice before the page changes: the
      // same fields, the same form key, one right after the other.
      const fields = Object.fromEntries(
        await page
          .locator('form[action="?/create"]')
          .evaluate((form: HTMLFormElement) =>
            [...new FormData(form)].map(([k, v]) => [k, typeof v === 'string' ? v : v.name]),
          ),
      ) as Record<string, string>;
      expect(fields.requestKey).toMatch(/^[0-9a-f-]{36}$/);
      const post = () =>
        page.request.post(`${app.url}/dashboard/expenses/?/create`, {
          form: fields,
          headers: { origin: app.url },
          maxRedirects: 0,
        });
      const answers = await Promise.all([post(), post()]);
      expect(answers.map((answer) => answer.status())).toEqual([200, 200]);
      await page.goto(
        `${app.url}/dashboard/expenses/?q=${encodeURIComponent('twice without script')}`,
      );
      expect(
        (await page.getByRole('heading', { level: 2, name: /match/ }).innerText()).replace(
          /\s+/g,
          ' ',
        ),
      ).toBe('1 entry match');
      await page.context().close();
    },
  );
});
