// A forgotten password, end to end in Chromium: the code goes to the linked WhatsApp number
// (read in the sandbox chat), the reset form works without JavaScript, and the old session ends.
import { describe, expect, it } from 'vitest';
import {
  codeInChat,
  hasChromium,
  horizontalOverflow,
  screenshots,
  useChromiumStack,
} from './browser.ts';

const PHONE = '+919812300001';
const EMAIL = 'forgetful@example.com';

describe.skipIf(!hasChromium)('a forgotten password in Chromium', () => {
  const app = useChromiumStack();

  it(
    'links WhatsApp, then resets the password with a code sent there, without JavaScript',
    { timeout: 90_000 },
    async () => {
      const laptop = await app.register({ email: EMAIL });

      // Link the number by OTP; a wrong code is explained beside the field and kept.
      await laptop.goto(`${app.url}/link-whatsapp/`);
      await laptop.getByLabel('WhatsApp number').fill(PHONE);
      await laptop.getByRole('button', { name: 'Send the code' }).click();
      await laptop.waitForURL(/\/verify-whatsapp\/$/);
      const chat = await laptop.context().newPage();
      const linkCode = await codeInChat(chat, app.url, PHONE, null);
      const wrong = linkCode === '000000' ? '111111' : '000000';
      await laptop.getByLabel('Code').fill(wrong);
      await laptop.getByRole('button', { name: 'Link this number' }).click();
      const codeError = laptop.locator('#field-code-error');
      await codeError.waitFor();
      expect(await codeError.innerText()).toBe(
        'That code is not right. Check the WhatsApp message and try again (4 more tries).',
      );
      expect(await laptop.getByLabel('Code').inputValue()).toBe(wrong);
      expect(await laptop.getByText(/code: |tries left/).count()).toBe(0);
      await screenshots(laptop, 'verify-whatsapp-wrong-code');
      await laptop.getByLabel('Code').fill(linkCode);
      await laptop.getByRole('button', { name: 'Link this number' }).click();
      await laptop.waitForURL(/\/link-whatsapp\/\?linked=1$/);

      // Another browser, with JavaScript off, has forgotten the password.
      const context = await app.browser.newContext({
        viewport: { width: 360, height: 740 },
        javaScriptEnabled: false,
      });
      const phone = await context.newPage();
      await phone.goto(`${app.url}/login/`);
      await phone.getByRole('link', { name: 'Forgot password?' }).click();
      await phone.waitForURL(/\/forgot-password\/$/);
      expect(await horizontalOverflow(phone)).toBe(0);
      await screenshots(phone, 'forgot-password');
      await phone.getByLabel('Email').fill(EMAIL);
      await phone.getByRole('button', { name: 'Send me a code' }).click();
      await phone.waitForURL(/\/reset-password\/\?sent=1$/);
      await phone.getByText('a 6-digit code is on its way there').waitFor();
      expect(await phone.getByLabel('Email').inputValue()).toBe(EMAIL);
      const resetCode = await codeInChat(chat, app.url, PHONE, linkCode);

      // A common password is refused beside its field; the code typed stays.
      await phone.getByLabel('Code from WhatsApp').fill(resetCode);
      await phone.getByLabel('New password', { exact: true }).fill('password1234');
      await phone.getByLabel('New password again').fill('password1234');
      await phone.getByRole('button', { name: 'Set password and log in' }).click();
      const passwordError = phone.locator('#field-password-error');
      await passwordError.waitFor();
      expect(await passwordError.innerText()).toMatch(
        /^This is similar to a commonly used password\./,
      );
      expect(await phone.getByLabel('Code from WhatsApp').inputValue()).toBe(resetCode);
      expect(await horizontalOverflow(phone)).toBe(0);
      await screenshots(phone, 'reset-password-weak');

      await phone.getByLabel('New password', { exact: true }).fill('plum kettle orbit 42');
      await phone.getByLabel('New password again').fill('plum kettle orbit 42');
      await phone.getByRole('button', { name: 'Set password and log in' }).click();
      await phone.waitForURL(`${app.url}/dashboard/`);

      // The laptop's session ended with the reset; the new password opens the account.
      await laptop.goto(`${app.url}/dashboard/`);
      await laptop.waitForURL(/\/login\/\?next=/);
      await laptop.getByLabel('Email').fill(EMAIL);
      await laptop.getByLabel('Password').fill('plum kettle orbit 42');
      await laptop.getByRole('button', { name: 'Log in' }).click();
      await laptop.waitForURL(`${app.url}/dashboard/`);
      await context.close();
      await laptop.context().close();
    },
  );

  it(
    'explains a common password beside the field on the register page',
    { timeout: 30_000 },
    async () => {
      const context = await app.browser.newContext({ viewport: { width: 360, height: 740 } });
      const page = await context.newPage();
      await page.goto(`${app.url}/register/`);
      await page.getByLabel('Email').fill('weak@example.com');
      await page.getByLabel('Password').fill('password1234');
      await page.getByRole('button', { name: 'Create account' }).click();
      const error = page.locator('#field-password-error');
      await error.waitFor();
      expect(await error.innerText()).toMatch(/commonly used password/);
      expect(await error.innerText()).not.toMatch(/input|password:/);
      expect(await page.getByLabel('Email').inputValue()).toBe('weak@example.com');
      expect(page.url()).toBe(`${app.url}/register/`);
      await context.close();
    },
  );
});
