import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeIn, startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

const NOW = new Date('2026-03-01T10:00:00Z');
const HOUR = 60 * 60 * 1000;
const REQUEST = `mutation ($phone: String!) { requestWhatsAppOtp(phoneNumber: $phone) { __typename } }`;
const VERIFY = `mutation ($code: String!) { verifyWhatsAppOtp(code: $code) {
  __typename ... on WhatsAppLink { phoneNumber } } }`;

let server: TestServer;

/** A user asks for a code to `phone`, whose chat last heard from them `ago` ms before now. */
async function requestCode(phone: string, options: { ago?: number; locale?: string } = {}) {
  if (options.ago !== undefined) {
    await server.db.prisma.conversation.create({
      data: {
        waKey: phone,
        phoneNumber: phone,
        lastInboundAt: new Date(NOW.getTime() - options.ago),
      },
    });
  }
  const user = new TestClient(server.url);
  await user.register(`otp${phone.slice(1)}@example.com`, 'otp passphrase 42', {
    locale: options.locale ?? 'en-IN',
  });
  const res = await user.ok<{ requestWhatsAppOtp: { __typename: string } }>(REQUEST, { phone });
  expect(res.requestWhatsAppOtp.__typename).toBe('WhatsAppOtpSent');
  const message = await server.db.prisma.outboundMessage.findFirstOrThrow({
    where: { recipient: phone.slice(1) },
    orderBy: { createdAt: 'desc' },
  });
  return { user, message };
}

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
});
afterAll(async () => {
  await server.close();
});

describe('requestWhatsAppOtp delivery', () => {
  it('sends the code as plain text inside the 24-hour window, in that chat', async () => {
    const { user, message } = await requestCode('+919811100001', { ago: 3 * HOUR });
    const conversation = await server.db.prisma.conversation.findUniqueOrThrow({
      where: { waKey: '+919811100001' },
    });
    expect(message).toMatchObject({ type: 'text', conversationId: conversation.id });
    const body = (message.payload as { text: { body: string } }).text.body;
    expect(body).toMatch(/^\d{6} is your Spendline verification code\. It expires in 10 minutes\./);
    expect(message.payload).toMatchObject({ to: '919811100001', type: 'text' });
    const verified = await user.ok<{ verifyWhatsAppOtp: unknown }>(VERIFY, {
      code: codeIn(message.payload),
    });
    expect(verified.verifyWhatsAppOtp).toEqual({
      __typename: 'WhatsAppLink',
      phoneNumber: '+919811100001',
    });
  });

  it('sends an authentication template with the code in body and copy-code button outside it', async () => {
    for (const [phone, ago] of [
      ['+919811100002', 25 * HOUR],
      // The outbox needs a moment: a window about to close counts as closed.
      ['+919811100003', 24 * HOUR - 60_000],
      ['+919811100004', undefined],
    ] as const) {
      const { message } = await requestCode(phone, { ago, locale: 'pt-BR' });
      const code = codeIn(message.payload);
      expect(message.type).toBe('template');
      expect(message.payload).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: phone.slice(1),
        type: 'template',
        template: {
          name: 'spendline_otp',
          language: { code: 'pt_BR' },
          components: [
            { type: 'body', parameters: [{ type: 'text', text: code }] },
            {
              type: 'button',
              sub_type: 'url',
              index: '0',
              parameters: [{ type: 'text', text: code }],
            },
          ],
        },
      });
    }
  });

  it('uses the configured template name', async () => {
    const custom = await startTestServer({ otpTemplateName: 'acme_login_code' });
    try {
      const user = new TestClient(custom.url);
      await user.register('custom-otp@example.com', 'otp passphrase 42');
      await user.ok(REQUEST, { phone: '+919811100005' });
      const message = await custom.db.prisma.outboundMessage.findFirstOrThrow({});
      expect(message.payload).toMatchObject({ template: { name: 'acme_login_code' } });
    } finally {
      await custom.close();
    }
  });
});
