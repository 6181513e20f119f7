import { RATE_LIMITS } from '@spendline/auth';
import { toWaDigits } from '@spendline/whatsapp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeIn, startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
const start = new Date('2026-03-01T10:00:00Z');

const REQUEST = `mutation ($email: String!) { requestPasswordReset(email: $email) {
  __typename
  ... on RequestPasswordResetSuccess { requested }
  ... on Error { message }
} }`;
const RESET = `mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) {
  __typename
  ... on User { email }
  ... on ValidationError { message problems { path message } }
  ... on Error { message }
} }`;
const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) { __typename } }`;
const ME = '{ me { email } }';

type ResetAnswer = {
  resetPassword: {
    __typename: string;
    email?: string;
    message?: string;
    problems?: { path: string[]; message: string }[];
  };
};

async function account(email: string, phoneNumber: string | null): Promise<TestClient> {
  const browser = new TestClient(server.url);
  await browser.register(email);
  if (phoneNumber) {
    const { id: userId } = await server.db.prisma.user.findUniqueOrThrow({ where: { email } });
    await server.db.prisma.whatsAppLink.create({
      data: { userId, phoneNumber, verifiedAt: start },
    });
  }
  return browser;
}

async function outbox(phoneNumber: string) {
  return server.db.prisma.outboundMessage.findMany({
    where: { recipient: toWaDigits(phoneNumber) },
    orderBy: { createdAt: 'desc' },
  });
}

async function sentCode(phoneNumber: string): Promise<string> {
  const [latest] = await outbox(phoneNumber);
  if (!latest) throw new Error(`nothing sent to ${phoneNumber}`);
  return codeIn(latest.payload);
}

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(start);
});
afterAll(async () => {
  await server.close();
});

describe('forgotten password', () => {
  it('sends a code to the linked number; the code sets a new password and ends other sessions', async () => {
    const laptop = await account('forgot@example.com', '+919800000001');
    const stranger = new TestClient(server.url);
    expect(await stranger.ok(REQUEST, { email: 'Forgot@example.com' })).toEqual({
      requestPasswordReset: { __typename: 'RequestPasswordResetSuccess', requested: true },
    });
    const [message] = await outbox('+919800000001');
    expect(message).toMatchObject({ type: 'template', status: 'PENDING' });
    const code = codeIn(message?.payload);
    const challenge = await server.db.prisma.otpChallenge.findFirstOrThrow({
      where: { purpose: 'PASSWORD_RESET' },
    });
    expect(challenge.codeHash).not.toContain(code);

    const reset = await stranger.ok<ResetAnswer>(RESET, {
      input: { email: 'forgot@example.com', code, newPassword: 'plum kettle orbit 42' },
    });
    expect(reset.resetPassword).toEqual({ __typename: 'User', email: 'forgot@example.com' });
    // The resetting browser is signed in; the laptop's old session is gone.
    expect(await stranger.ok(ME)).toEqual({ me: { email: 'forgot@example.com' } });
    expect(await laptop.ok(ME)).toEqual({ me: null });
    const login = new TestClient(server.url);
    expect(
      await login.ok(LOGIN, { email: 'forgot@example.com', password: 'plum kettle orbit 42' }),
    ).toEqual({ login: { __typename: 'User' } });
    expect(
      await login.ok(LOGIN, { email: 'forgot@example.com', password: 'correct horse' }),
    ).toEqual({ login: { __typename: 'InvalidCredentialsError' } });

    // The code is spent.
    const again = await new TestClient(server.url).ok<ResetAnswer>(RESET, {
      input: { email: 'forgot@example.com', code, newPassword: 'another fine passphrase' },
    });
    expect(again.resetPassword.__typename).toBe('ValidationError');
  });

  it('answers alike for unknown emails and accounts without WhatsApp, and sends nothing', async () => {
    await account('nowhatsapp@example.com', null);
    const asker = new TestClient(server.url);
    const before = await server.db.prisma.outboundMessage.count();
    for (const email of ['nowhatsapp@example.com', 'nobody-here@example.com']) {
      expect(await asker.ok(REQUEST, { email })).toEqual({
        requestPasswordReset: { __typename: 'RequestPasswordResetSuccess', requested: true },
      });
    }
    expect(await server.db.prisma.outboundMessage.count()).toBe(before);
    const unknown = await asker.ok<ResetAnswer>(RESET, {
      input: {
        email: 'nobody-here@example.com',
        code: '123456',
        newPassword: 'plum kettle orbit 42',
      },
    });
    const noCode = await asker.ok<ResetAnswer>(RESET, {
      input: {
        email: 'nowhatsapp@example.com',
        code: '123456',
        newPassword: 'plum kettle orbit 42',
      },
    });
    expect(unknown).toEqual(noCode);
  });

  it('keeps quiet about a resend inside the cool-down, and sends no second code', async () => {
    await account('twice@example.com', '+919800000002');
    const asker = new TestClient(server.url);
    await asker.ok(REQUEST, { email: 'twice@example.com' });
    expect(await asker.ok(REQUEST, { email: 'twice@example.com' })).toEqual({
      requestPasswordReset: { __typename: 'RequestPasswordResetSuccess', requested: true },
    });
    expect(await outbox('+919800000002')).toHaveLength(1);
  });

  it('refuses a weak password beside its field without spending a try', async () => {
    await account('weak@example.com', '+919800000003');
    const asker = new TestClient(server.url);
    await asker.ok(REQUEST, { email: 'weak@example.com' });
    const code = await sentCode('+919800000003');
    for (const weak of ['Abcdef12', 'password1234']) {
      const res = await asker.ok<ResetAnswer>(RESET, {
        input: { email: 'weak@example.com', code, newPassword: weak },
      });
      expect(res.resetPassword.__typename).toBe('ValidationError');
      expect(res.resetPassword.problems?.[0]?.path).toEqual(['input', 'newPassword']);
      expect(res.resetPassword.message).not.toMatch(/input|newPassword/);
    }
    const challenge = await server.db.prisma.otpChallenge.findFirstOrThrow({
      where: { purpose: 'PASSWORD_RESET', user: { email: 'weak@example.com' } },
    });
    expect(challenge.attempts).toBe(0);
  });

  it('kills a code after five wrong tries', async () => {
    await account('guessed-reset@example.com', '+919800000004');
    const asker = new TestClient(server.url);
    await asker.ok(REQUEST, { email: 'guessed-reset@example.com' });
    const code = await sentCode('+919800000004');
    const wrong = code === '000000' ? '111111' : '000000';
    const input = { email: 'guessed-reset@example.com', newPassword: 'plum kettle orbit 42' };
    const first = await asker.ok<ResetAnswer>(RESET, { input: { ...input, code: wrong } });
    expect(first.resetPassword.problems).toEqual([
      {
        path: ['input', 'code'],
        message: 'That code is not right. Check the WhatsApp message and try again (4 more tries).',
      },
    ]);
    for (let i = 0; i < 4; i++) await asker.ok(RESET, { input: { ...input, code: wrong } });
    const right = await asker.ok<ResetAnswer>(RESET, { input: { ...input, code } });
    expect(right.resetPassword.__typename).toBe('ValidationError');
    expect(right.resetPassword.message).toMatch(/too many wrong tries/);
  });

  it('lets a code expire after ten minutes', async () => {
    await account('slow@example.com', '+919800000005');
    const asker = new TestClient(server.url);
    await asker.ok(REQUEST, { email: 'slow@example.com' });
    const code = await sentCode('+919800000005');
    server.setNow(new Date(start.getTime() + 10 * 60 * 1000));
    try {
      const late = await asker.ok<ResetAnswer>(RESET, {
        input: { email: 'slow@example.com', code, newPassword: 'plum kettle orbit 42' },
      });
      expect(late.resetPassword.problems).toEqual([
        {
          path: ['input', 'code'],
          message:
            'There is no live code for this email. Codes last 10 minutes: ask for a new one.',
        },
      ]);
    } finally {
      server.setNow(start);
    }
  });

  it('limits requests from one address across accounts', async () => {
    const asker = new TestClient(server.url, '203.0.113.77');
    for (let i = 0; i < RATE_LIMITS.passwordResetPerIp.limit; i++)
      await asker.ok(REQUEST, { email: `spray${i}@example.com` });
    expect(await asker.ok(REQUEST, { email: 'spray-last@example.com' })).toMatchObject({
      requestPasswordReset: { __typename: 'RateLimitedError' },
    });
  });
});
