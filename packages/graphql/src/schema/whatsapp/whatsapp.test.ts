import { redeemLinkCode } from '@spendline/auth';
import { toWaDigits } from '@spendline/whatsapp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  codeIn,
  startTestServer,
  TEST_CONFIG,
  TestClient,
  type TestServer,
} from '../../testing/test-server.ts';

let server: TestServer;
let user: TestClient;

const REQUEST = `mutation ($phone: String!) { requestWhatsAppOtp(phoneNumber: $phone) {
  __typename
  ... on WhatsAppOtpSent { phoneNumber expiresAt }
  ... on Error { message }
  ... on RateLimitedError { retryAfterSeconds }
} }`;
const VERIFY = `mutation ($code: String!) { verifyWhatsAppOtp(code: $code) {
  __typename
  ... on WhatsAppLink { id phoneNumber verifiedAt }
  ... on ValidationError { problems { message } }
} }`;

async function sentCode(phoneNumber: string): Promise<string> {
  const message = await server.db.prisma.outboundMessage.findFirstOrThrow({
    where: { recipient: toWaDigits(phoneNumber) },
    orderBy: { createdAt: 'desc' },
  });
  return codeIn(message.payload);
}

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(new Date('2026-03-01T10:00:00Z'));
  user = new TestClient(server.url);
  await user.register('wa@example.com');
});
afterAll(async () => {
  await server.close();
});

describe('linking WhatsApp with a code sent to the number', () => {
  it('queues the code in the outbox and links the number when it comes back', async () => {
    const requested = await user.ok<{ requestWhatsAppOtp: Record<string, string> }>(REQUEST, {
      phone: '+91 98765 43210',
    });
    expect(requested.requestWhatsAppOtp).toEqual({
      __typename: 'WhatsAppOtpSent',
      phoneNumber: '+919876543210',
      expiresAt: '2026-03-01T10:10:00.000Z',
    });
    const message = await server.db.prisma.outboundMessage.findFirstOrThrow({
      where: { recipient: '919876543210' },
    });
    expect(message).toMatchObject({ type: 'template', status: 'PENDING' });
    expect(message.payload).toMatchObject({
      to: '919876543210',
      type: 'template',
      template: { name: 'spendline_otp', language: { code: 'en' } },
    });
    expect(codeIn(message.payload)).toMatch(/^\d{6}$/);

    const code = await sentCode('+919876543210');
    const wrong = await user.ok<{ verifyWhatsAppOtp: { problems: { message: string }[] } }>(
      VERIFY,
      { code: code === '000000' ? '111111' : '000000' },
    );
    expect(wrong.verifyWhatsAppOtp.problems[0]?.message).toBe(
      'That code is not right. Check the WhatsApp message and try again (4 more tries).',
    );
    const linked = await user.ok<{ verifyWhatsAppOtp: Record<string, string> }>(VERIFY, { code });
    expect(linked.verifyWhatsAppOtp).toMatchObject({
      __typename: 'WhatsAppLink',
      phoneNumber: '+919876543210',
    });
    const me = await user.ok<{ me: { whatsAppLinks: { phoneNumber: string }[] } }>(
      '{ me { whatsAppLinks { phoneNumber } } }',
    );
    expect(me.me.whatsAppLinks).toEqual([{ phoneNumber: '+919876543210' }]);
  });

  it('makes a second request wait out the cool-down', async () => {
    const eager = new TestClient(server.url);
    await eager.register('eager@example.com');
    await eager.ok(REQUEST, { phone: '+15550001234' });
    const again = await eager.ok<{ requestWhatsAppOtp: Record<string, unknown> }>(REQUEST, {
      phone: '+15550001234',
    });
    expect(again.requestWhatsAppOtp).toMatchObject({
      __typename: 'RateLimitedError',
      retryAfterSeconds: 60,
    });
  });

  it('refuses a malformed number', async () => {
    const bad = await user.ok<{ requestWhatsAppOtp: { __typename: string } }>(REQUEST, {
      phone: '98765',
    });
    expect(bad.requestWhatsAppOtp.__typename).toBe('ValidationError');
  });

  it('answers alike for a free number and one linked to another account', async () => {
    const other = new TestClient(server.url);
    await other.register('other-wa@example.com');
    const taken = await other.ok<{ requestWhatsAppOtp: Record<string, unknown> }>(REQUEST, {
      phone: '+919876543210',
    });
    const freshClient = new TestClient(server.url);
    await freshClient.register('free-wa@example.com');
    const free = await freshClient.ok<{ requestWhatsAppOtp: Record<string, unknown> }>(REQUEST, {
      phone: '+15550004321',
    });
    expect(Object.keys(taken.requestWhatsAppOtp)).toEqual(Object.keys(free.requestWhatsAppOtp));
    expect(taken.requestWhatsAppOtp).toMatchObject({ __typename: 'WhatsAppOtpSent' });
    // Only the holder of the phone, who reads the code, learns the number is taken.
    const code = await sentCode('+919876543210');
    const res = await other.ok<{ verifyWhatsAppOtp: { __typename: string } }>(VERIFY, { code });
    expect(res.verifyWhatsAppOtp.__typename).toBe('ConflictError');
    const owner = await server.db.prisma.whatsAppLink.findFirstOrThrow({
      where: { phoneNumber: '+919876543210' },
      include: { user: true },
    });
    expect(owner.user.email).toBe('wa@example.com');
  });

  it('says there is no live code once it has expired', async () => {
    const late = new TestClient(server.url);
    await late.register('late@example.com');
    await late.ok(REQUEST, { phone: '+15550009999' });
    const code = await sentCode('+15550009999');
    server.setNow(new Date('2026-03-01T10:11:00Z'));
    const res = await late.ok<{ verifyWhatsAppOtp: { __typename: string } }>(VERIFY, { code });
    server.setNow(new Date('2026-03-01T10:00:00Z'));
    expect(res.verifyWhatsAppOtp.__typename).toBe('NotFoundError');
  });
});

describe('linking WhatsApp with a code sent from the phone', () => {
  it('gives a code the bot redeems, and the number can be unlinked again', async () => {
    const browser = new TestClient(server.url);
    await browser.register('link@example.com');
    const made = await browser.ok<{ createWhatsAppLinkCode: { code: string; message: string } }>(
      'mutation { createWhatsAppLinkCode { ... on WhatsAppLinkCode { code message expiresAt } } }',
    );
    const { code, message } = made.createWhatsAppLinkCode;
    expect(code).toMatch(/^\d{8}$/);
    expect(message).toBe(`LINK ${code}`);
    const redeemed = await redeemLinkCode(server.db.sql, {
      code,
      phoneNumber: '+447700900123',
      secretKey: TEST_CONFIG.SECRET_KEY,
      now: new Date('2026-03-01T10:05:00Z'),
    });
    expect(redeemed.ok).toBe(true);
    const { me } = await browser.ok<{
      me: { whatsAppLinks: { id: string; phoneNumber: string }[] };
    }>('{ me { whatsAppLinks { id phoneNumber } } }');
    expect(me.whatsAppLinks.map((l) => l.phoneNumber)).toEqual(['+447700900123']);
    const unlinked = await browser.ok<{ unlinkWhatsApp: { whatsAppLinks: unknown[] } }>(
      'mutation ($id: ID!) { unlinkWhatsApp(id: $id) { ... on User { whatsAppLinks { id } } } }',
      { id: me.whatsAppLinks[0]?.id },
    );
    expect(unlinked.unlinkWhatsApp.whatsAppLinks).toEqual([]);
  });
});
