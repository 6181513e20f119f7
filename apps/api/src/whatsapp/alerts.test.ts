// A forwarded bank alert end to end: signed webhooks into the real api, the bot's
// Save / Change / Cancel question read back from the Graph simulator, a tap on Save, and
// the same SMS forwarded again recorded once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChatApp, WebUser, type ChatApp, type Phone } from './test-chat.ts';

let app: ChatApp;

beforeAll(async () => {
  app = await startChatApp();
});
afterAll(async () => {
  await app.close();
});

async function linkedPhone(): Promise<Phone> {
  const web = new WebUser(app.graphqlUrl);
  await web.gql(
    `mutation { register(input: { email: "alerts@example.com", password: "correct horse battery",
      displayName: "Asha" }) { __typename } }`,
  );
  const phone = app.phone('919811100001');
  await web.gql(
    `mutation ($phone: String!) { requestWhatsAppOtp(phoneNumber: $phone) { __typename } }`,
    {
      phone: `+${phone.number}`,
    },
  );
  const code = /\b(\d{6})\b/.exec((await phone.next('the OTP')).text)?.[1];
  await web.gql(`mutation ($code: String!) { verifyWhatsAppOtp(code: $code) { __typename } }`, {
    code,
  });
  return phone;
}

const SMS =
  'INR 1,499.00 spent on ICICI Bank Card XX1234 on 03-Dec-26 at AMAZON. Avl Lmt: INR 48,501.00. Ref No 634512398765';

describe('a forwarded card alert over the webhook', () => {
  it('is asked about, saved on the Save tap, and recorded once when forwarded again', async () => {
    const phone = await linkedPhone();
    const asked = await phone.say(SMS, new Date('2026-12-04T06:00:00Z'));
    expect(asked.text).toBe('Debit to AMAZON, Thu, 3 Dec: ₹1,499.00 · Shopping?');
    expect(asked.buttons.map((b) => b.title)).toEqual(['Save', 'Change', 'Cancel']);
    expect(await app.db.prisma.expense.count()).toBe(0);

    const saved = await phone.tap(asked.buttons[0]!, 'button', new Date('2026-12-04T06:01:00Z'));
    expect(saved.text).toContain('✅ ₹1,499.00 · Shopping · Thu, 3 Dec');

    const again = await phone.say(SMS, new Date('2026-12-04T06:02:00Z'));
    expect(again.text).toBe(
      'Already recorded: ₹1,499.00 · Shopping, Thu, 3 Dec (ref 634512398765). Not saved again.',
    );
    const stored = await app.db.prisma.expense.findMany();
    expect(stored.map((e) => [e.amountMinor, e.reference])).toEqual([[149_900n, '634512398765']]);
  });
});
