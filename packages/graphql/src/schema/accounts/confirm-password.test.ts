import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

const PASSWORD = 'linked password';
const REQUEST = `mutation ($phone: String!, $password: String) {
  requestWhatsAppOtp(phoneNumber: $phone, password: $password) {
    __typename
    ... on Error { message }
    ... on PasswordRequiredError { wrong }
    ... on RateLimitedError { retryAfterSeconds }
  }
}`;
const LINK_CODE = `mutation ($password: String) {
  createWhatsAppLinkCode(password: $password) {
    __typename
    ... on WhatsAppLinkCode { code }
    ... on PasswordRequiredError { message wrong }
  }
}`;

type Answer = Record<string, unknown> & { __typename: string };

let server: TestServer;

/** A signed-in user whose account already has `phone` linked. */
async function linkedUser(email: string, phone: string): Promise<TestClient> {
  const client = new TestClient(server.url);
  await client.register(email, PASSWORD);
  const user = await server.db.prisma.user.findUniqueOrThrow({ where: { email } });
  await server.db.prisma.whatsAppLink.create({
    data: { userId: user.id, phoneNumber: phone, verifiedAt: new Date() },
  });
  return client;
}

async function requestOtp(client: TestClient, phone: string, password?: string) {
  const res = await client.ok<{ requestWhatsAppOtp: Answer }>(REQUEST, { phone, password });
  return res.requestWhatsAppOtp;
}

async function challengesFor(email: string) {
  return server.db.prisma.otpChallenge.count({ where: { user: { email } } });
}

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(new Date('2026-03-01T10:00:00Z'));
});
afterAll(async () => {
  await server.close();
});

describe('changing the linked WhatsApp number', () => {
  it('sends no code to another number until the password is given, and right', async () => {
    const client = await linkedUser('mover@example.com', '+919800011111');

    expect(await requestOtp(client, '+919800022222')).toEqual({
      __typename: 'PasswordRequiredError',
      message: 'Enter your password to confirm this change.',
      wrong: false,
    });
    expect(await requestOtp(client, '+919800022222', 'not my password')).toEqual({
      __typename: 'PasswordRequiredError',
      message: 'That password is not right.',
      wrong: true,
    });
    expect(await challengesFor('mover@example.com')).toBe(0);
    expect(
      await server.db.prisma.outboundMessage.count({ where: { recipient: '919800022222' } }),
    ).toBe(0);

    expect(await requestOtp(client, '+919800022222', PASSWORD)).toMatchObject({
      __typename: 'WhatsAppOtpSent',
    });
    expect(
      await server.db.prisma.outboundMessage.count({ where: { recipient: '919800022222' } }),
    ).toBe(1);
  });

  it('asks for the password before making a LINK code', async () => {
    const client = await linkedUser('coder@example.com', '+919800033333');
    const missing = await client.ok<{ createWhatsAppLinkCode: Answer }>(LINK_CODE);
    expect(missing.createWhatsAppLinkCode).toMatchObject({
      __typename: 'PasswordRequiredError',
      wrong: false,
    });
    const wrong = await client.ok<{ createWhatsAppLinkCode: Answer }>(LINK_CODE, {
      password: 'guess',
    });
    expect(wrong.createWhatsAppLinkCode).toMatchObject({ wrong: true });
    expect(await challengesFor('coder@example.com')).toBe(0);

    const made = await client.ok<{ createWhatsAppLinkCode: Answer }>(LINK_CODE, {
      password: PASSWORD,
    });
    expect(made.createWhatsAppLinkCode.code).toMatch(/^\d{8}$/);
  });

  it('does not ask someone with no number linked, nor after they unlinked it', async () => {
    const fresh = new TestClient(server.url);
    await fresh.register('fresh@example.com', PASSWORD);
    expect((await requestOtp(fresh, '+919800044444')).__typename).toBe('WhatsAppOtpSent');
    const made = await fresh.ok<{ createWhatsAppLinkCode: Answer }>(LINK_CODE);
    expect(made.createWhatsAppLinkCode.__typename).toBe('WhatsAppLinkCode');

    const former = await linkedUser('former@example.com', '+919800055555');
    await server.db.prisma.whatsAppLink.updateMany({
      where: { phoneNumber: '+919800055555' },
      data: { active: false },
    });
    expect((await requestOtp(former, '+919800066666')).__typename).toBe('WhatsAppOtpSent');
  });

  it('counts wrong passwords against the session’s own allowance', async () => {
    const client = await linkedUser('guesser@example.com', '+919800077777');
    for (let attempt = 1; attempt <= 10; attempt++) {
      const answer = await requestOtp(client, '+919800088888', `guess ${attempt}`);
      expect(answer).toMatchObject({ __typename: 'PasswordRequiredError', wrong: true });
    }
    // Out of tries: even the right password waits here, while the owner logging in from a
    // browser is slowed down by the failures but not locked out.
    expect(await requestOtp(client, '+919800088888', PASSWORD)).toMatchObject({
      __typename: 'RateLimitedError',
      retryAfterSeconds: 15 * 60,
    });
    const login = await new TestClient(server.url).ok<{ login: { __typename: string } }>(
      `mutation { login(email: "guesser@example.com", password: "${PASSWORD}") { __typename } }`,
    );
    expect(login.login.__typename).toBe('User');
    expect(await challengesFor('guesser@example.com')).toBe(0);

    server.setNow(new Date('2026-03-01T10:16:00Z'));
    try {
      expect((await requestOtp(client, '+919800088888', PASSWORD)).__typename).toBe(
        'WhatsAppOtpSent',
      );
    } finally {
      server.setNow(new Date('2026-03-01T10:00:00Z'));
    }
  });
});
