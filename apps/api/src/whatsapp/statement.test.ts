// "statement" end to end: a signed webhook into the real api, the bot's answer, then the
// statement sender drawing the PDF, uploading it to the Graph simulator's media endpoint
// and the outbox delivering the document that names it.
import { createLogger } from '@spendline/log';
import { createRenderPool, createStatementSender, type RenderPool } from '@spendline/reports';
import { pdfPages } from '@spendline/reports/testing';
import { createMediaUploader } from '@spendline/whatsapp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChatApp, WebUser, type ChatApp } from './test-chat.ts';

let app: ChatApp;
let pool: RenderPool;

beforeAll(async () => {
  app = await startChatApp();
  pool = createRenderPool({ size: 1 });
});
afterAll(async () => {
  await pool.close();
  await app.close();
});

async function linkedPhone() {
  const web = new WebUser(app.graphqlUrl);
  await web.gql(
    `mutation { register(input: { email: "pdf@example.com", password: "correct horse battery", displayName: "Asha" }) { __typename } }`,
  );
  const phone = app.phone('919800077777');
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

describe('statement in the chat', () => {
  it('answers at once, then sends the month’s PDF as an uploaded document', async () => {
    const phone = await linkedPhone();
    await phone.say('120 petrol');
    const answer = await phone.say('statement');
    expect(answer.text).toMatch(/^📄 Making your \w+ \d{4} statement: the PDF follows/);

    const sender = createStatementSender({
      db: app.db.sql,
      pool,
      upload: createMediaUploader({
        apiUrl: app.simulator.apiUrl,
        phoneNumberId: '1234567890',
        accessToken: 'test-token',
      }),
      downloadUrl: (month) => `http://localhost:3000/dashboard/statement/${month}.pdf`,
      logger: createLogger({ level: 'silent' }),
    });
    expect(await sender.runOnce()).toBe(1);
    const document = await phone.next('the statement');
    expect(document.type).toBe('document');
    const [upload] = app.simulator.uploads;
    expect(upload?.mimeType).toBe('application/pdf');
    const sent = app.simulator.messages.at(-1)!.body as { document: Record<string, string> };
    expect(sent.document.id).toBe(upload!.id);
    expect(sent.document.filename).toBe(upload!.filename);
    expect(sent.document.caption).toMatch(/₹120\.00 spent\.$/);
    const text = (await pdfPages(new Uint8Array(upload!.bytes))).join('\n');
    expect(text).toContain('₹120.00');
    expect(text).toContain('petrol');
  });
});
