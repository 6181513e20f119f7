import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkGreetingText } from './link-greeting.ts';
import { codeIn, startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

const NOW = new Date('2026-03-01T10:00:00Z');
const HOUR = 60 * 60 * 1000;
const REQUEST = `mutation ($phone: String!) { requestWhatsAppOtp(phoneNumber: $phone) { __typename } }`;
const VERIFY = `mutation ($code: String!) { verifyWhatsAppOtp(code: $code) { __typename } }`;

let server: TestServer;

/**
 * Links `phone` to a new account named `name` by OTP, the chat having last heard from the
 * phone `ago` ms before now (no chat at all when undefined); returns what was queued to it.
 */
async function linkByOtp(phone: string, name: string, ago?: number) {
  if (ago !== undefined) {
    await server.db.prisma.conversation.create({
      data: { waKey: phone, phoneNumber: phone, lastInboundAt: new Date(NOW.getTime() - ago) },
    });
  }
  const user = new TestClient(server.url);
  await user.register(`greet${phone.slice(1)}@example.com`, 'greeting password', {
    displayName: name,
  });
  await user.ok(REQUEST, { phone });
  const otp = await server.db.prisma.outboundMessage.findFirstOrThrow({
    where: { recipient: phone.slice(1) },
  });
  const linked = await user.ok<{ verifyWhatsAppOtp: { __typename: string } }>(VERIFY, {
    code: codeIn(otp.payload),
  });
  expect(linked.verifyWhatsAppOtp.__typename).toBe('WhatsAppLink');
  return server.db.prisma.outboundMessage.findMany({
    where: { recipient: phone.slice(1), id: { not: otp.id } },
  });
}

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
});
afterAll(async () => {
  await server.close();
});

describe('the greeting after an OTP link', () => {
  it('is queued as text in the number’s chat while the 24-hour window is open', async () => {
    const queued = await linkByOtp('+919822200001', 'Meera', 2 * HOUR);
    const conversation = await server.db.prisma.conversation.findUniqueOrThrow({
      where: { waKey: '+919822200001' },
    });
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      type: 'text',
      status: 'PENDING',
      conversationId: conversation.id,
    });
    expect(queued[0]?.payload).toMatchObject({
      to: '919822200001',
      type: 'text',
      text: {
        body:
          'Hi Meera! 🎉 This number is now linked to your Spendline account.\n' +
          'Try "120 petrol" or "spent 250 on lunch yesterday".',
      },
    });
  });

  it('is not sent outside the window, where Meta would refuse free text', async () => {
    expect(await linkByOtp('+919822200002', 'Arjun', 25 * HOUR)).toEqual([]);
    // A window about to close counts as closed, as for the code itself.
    expect(await linkByOtp('+919822200003', 'Kabir', 24 * HOUR - 60_000)).toEqual([]);
    expect(await linkByOtp('+919822200004', 'Zoya')).toEqual([]);
  });
});

describe('linkGreetingText', () => {
  it('greets the person by the name on their account', () => {
    expect(linkGreetingText('Dr. Rao')).toMatch(/^Hi Dr\. Rao! 🎉 This number is now linked/);
  });
});
