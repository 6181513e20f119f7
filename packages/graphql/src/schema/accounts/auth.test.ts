import { RATE_LIMITS } from '@spendline/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const ME = '{ me { id email displayName currency timeZone locale } }';
const LOGIN = `mutation ($email: String!, $password: String!) {
  login(email: $email, password: $password) {
    __typename
    ... on User { id email }
    ... on Error { message }
    ... on RateLimitedError { retryAfterSeconds }
  }
}`;

describe('register, login and me', () => {
  it('registers, signs the browser in with a safe cookie, and answers me', async () => {
    const browser = new TestClient(server.url);
    const res = await browser.request(
      `mutation { register(input: { email: "asha@example.com", password: "correct horse",
        displayName: "Asha", timeZone: "Asia/Kolkata" }) { __typename ... on User { email } } }`,
    );
    expect(res.data).toEqual({ register: { __typename: 'User', email: 'asha@example.com' } });
    const [cookie = ''] = res.headers.getSetCookie();
    expect(cookie).toMatch(
      /^spendline_session=[a-z2-7]{32}; Path=\/; HttpOnly; SameSite=Lax; Expires=/,
    );
    expect(cookie).not.toContain('Secure'); // NODE_ENV=test: plain HTTP works
    const me = await browser.ok<{ me: Record<string, string> }>(ME);
    expect(me.me).toMatchObject({
      email: 'asha@example.com',
      displayName: 'Asha',
      currency: 'INR',
    });
    expect(me.me.id).toMatch(/^[A-Za-z0-9+/=]+$/); // a global id, not the raw uuid
  });

  it('answers me with null for a stranger', async () => {
    expect(await new TestClient(server.url).ok(ME)).toEqual({ me: null });
  });

  it('refuses a taken email as a conflict and a bad profile field by field', async () => {
    const browser = new TestClient(server.url);
    await browser.register('taken@example.com');
    const taken = await browser.ok<{ register: Record<string, unknown> }>(
      `mutation { register(input: { email: "TAKEN@example.com", password: "another fine passphrase" }) {
        __typename ... on ConflictError { field message } } }`,
    );
    expect(taken.register).toMatchObject({ __typename: 'ConflictError', field: 'email' });
    const bad = await browser.ok<{ register: { problems: { path: string[] }[] } }>(
      `mutation { register(input: { email: "nope", password: "short", timeZone: "Mars/Base" }) {
        __typename ... on ValidationError { problems { path message } } } }`,
    );
    expect(taken.register.message).not.toMatch(/input|email:/);
    expect(bad.register.problems.map((p) => p.path.join('.')).sort()).toEqual([
      'input.email',
      'input.password',
      'input.timeZone',
    ]);
  });

  it('keeps the language picked at registration, and refuses what is no locale', async () => {
    const REGISTER = `mutation ($email: String!, $locale: String) {
      register(input: { email: $email, password: "correct horse battery", locale: $locale }) {
        __typename ... on ValidationError { problems { path message } } } }`;
    const browser = new TestClient(server.url);
    await browser.ok(REGISTER, { email: 'bia@example.com', locale: 'pt-BR' });
    expect((await browser.ok<{ me: { locale: string } }>(ME)).me.locale).toBe('pt-BR');

    // A language without its own words (German) is kept for its dates and weeks.
    const german = new TestClient(server.url);
    await german.ok(REGISTER, { email: 'jonas@example.com', locale: 'de-DE' });
    expect((await german.ok<{ me: { locale: string } }>(ME)).me.locale).toBe('de-DE');

    for (const locale of ['not a tag', 'pt_BR']) {
      const refused = await new TestClient(server.url).ok<{
        register: { __typename: string; problems: { path: string[] }[] };
      }>(REGISTER, { email: `refused-${locale.length}@example.com`, locale });
      expect(refused.register.__typename).toBe('ValidationError');
      expect(refused.register.problems.map((p) => p.path.join('.'))).toEqual(['input.locale']);
    }
  });

  it('logs in with the right password, and gives one error for a wrong password or unknown email', async () => {
    const browser = new TestClient(server.url);
    await browser.register('ravi@example.com', 'ravi passphrase 42');
    browser.cookie = null;
    const wrong = await browser.ok<{ login: unknown }>(LOGIN, {
      email: 'ravi@example.com',
      password: 'not his password',
    });
    const unknown = await browser.ok<{ login: unknown }>(LOGIN, {
      email: 'nobody@example.com',
      password: 'not his password',
    });
    expect(wrong.login).toEqual({
      __typename: 'InvalidCredentialsError',
      message: 'The email or password is not right.',
    });
    expect(unknown).toEqual(wrong);
    expect(browser.cookie).toBeNull();
    const right = await browser.ok<{ login: { __typename: string } }>(LOGIN, {
      email: 'Ravi@Example.com',
      password: 'ravi passphrase 42',
    });
    expect(right.login.__typename).toBe('User');
    expect(browser.cookie).toMatch(/^spendline_session=/);
    expect(await browser.ok<{ me: { email: string } }>(ME)).toMatchObject({
      me: { email: 'ravi@example.com' },
    });
  });

  it('throttles a client guessing one account without locking the owner out elsewhere', async () => {
    const owner = new TestClient(server.url);
    await owner.register('victim@example.com', 'victim password');
    owner.cookie = null;
    const attacker = new TestClient(server.url, '203.0.113.66');
    let last: { login: Record<string, unknown> } | undefined;
    for (let i = 0; i <= RATE_LIMITS.loginPerAccountClient.limit; i++) {
      last = await attacker.ok(LOGIN, { email: 'victim@example.com', password: `guess ${i} xx` });
    }
    expect(last?.login).toMatchObject({ __typename: 'RateLimitedError' });
    expect(last?.login.retryAfterSeconds).toBeGreaterThan(0);
    const locked = await attacker.ok<{ login: { __typename: string } }>(LOGIN, {
      email: 'victim@example.com',
      password: 'victim password',
    });
    expect(locked.login.__typename).toBe('RateLimitedError');
    const right = await owner.ok<{ login: { __typename: string } }>(LOGIN, {
      email: 'victim@example.com',
      password: 'victim password',
    });
    expect(right.login.__typename).toBe('User');
  });

  it('logs out, clearing the cookie and ending the session server-side', async () => {
    const browser = new TestClient(server.url);
    await browser.register('leaving@example.com');
    const stolen = browser.cookie;
    const res = await browser.request('mutation { logout }');
    expect(res.data).toEqual({ logout: true });
    expect(res.headers.getSetCookie()[0]).toMatch(/^spendline_session=; .*Max-Age=0/);
    const replay = new TestClient(server.url);
    replay.cookie = stolen;
    expect(await replay.ok(ME)).toEqual({ me: null });
  });

  it('logs out everywhere', async () => {
    const laptop = new TestClient(server.url);
    await laptop.register('many@example.com', 'many tabs open 42');
    const phone = new TestClient(server.url);
    await phone.ok(LOGIN, { email: 'many@example.com', password: 'many tabs open 42' });
    await laptop.ok('mutation { logout(everywhere: true) }');
    expect(await phone.ok(ME)).toEqual({ me: null });
  });
});

describe('account settings', () => {
  it('updates settings and refuses bad values by field', async () => {
    const browser = new TestClient(server.url);
    await browser.register('settings@example.com');
    const updated = await browser.ok<{ updateSettings: Record<string, unknown> }>(
      `mutation { updateSettings(input: { currency: "usd", timeZone: "America/New_York",
        locale: "en-US", dailyDigestHour: 21, confirmAboveMinor: "500000" }) {
        __typename ... on User { currency timeZone locale dailyDigestHour confirmAboveMinor } } }`,
    );
    expect(updated.updateSettings).toEqual({
      __typename: 'User',
      currency: 'USD',
      timeZone: 'America/New_York',
      locale: 'en-US',
      dailyDigestHour: 21,
      confirmAboveMinor: '500000',
    });
    const refuse = async (input: string) => {
      const bad = await browser.ok<{
        updateSettings: { problems: { path: string[]; message: string }[] };
      }>(
        `mutation { updateSettings(input: ${input}) {
          __typename ... on ValidationError { problems { path message } } } }`,
      );
      return bad.updateSettings.problems;
    };
    expect(await refuse('{ currency: "RUPEES" }')).toEqual([
      { path: ['input', 'currency'], message: 'must be an ISO-4217 code such as INR or USD' },
    ]);
    expect(await refuse('{ dailyDigestHour: 24 }')).toEqual([
      { path: ['input', 'dailyDigestHour'], message: 'must be an hour from 0 to 23' },
    ]);
    expect(await refuse('{ timeZone: "Asia/Mumbai" }')).toMatchObject([
      { path: ['input', 'timeZone'] },
    ]);
    const unchanged = await browser.ok<{ me: { currency: string } }>('{ me { currency } }');
    expect(unchanged.me.currency).toBe('USD');
  });

  it('changes the password only with the current one, signing out other sessions', async () => {
    const laptop = new TestClient(server.url);
    await laptop.register('pw@example.com', 'old passphrase 42');
    const phone = new TestClient(server.url);
    await phone.ok(LOGIN, { email: 'pw@example.com', password: 'old passphrase 42' });
    const change = `mutation ($current: String!, $next: String!) {
      changePassword(currentPassword: $current, newPassword: $next) { __typename } }`;
    expect(
      await laptop.ok(change, { current: 'wrong password', next: 'new passphrase 42' }),
    ).toEqual({
      changePassword: { __typename: 'InvalidCredentialsError' },
    });
    const weak = `mutation ($current: String!, $next: String!) {
      changePassword(currentPassword: $current, newPassword: $next) {
        __typename ... on ValidationError { message problems { path message } } } }`;
    for (const next of ['Abcdef12', 'password1234']) {
      const refused = await laptop.ok<{ changePassword: Record<string, unknown> }>(weak, {
        current: 'old passphrase 42',
        next,
      });
      expect(refused.changePassword).toMatchObject({ __typename: 'ValidationError' });
      expect(refused.changePassword.message).toMatch(/^(Use at least 12|This is)/);
    }
    expect(
      await laptop.ok(change, { current: 'old passphrase 42', next: 'new passphrase 42' }),
    ).toEqual({
      changePassword: { __typename: 'User' },
    });
    expect(await phone.ok(ME)).toEqual({ me: null });
    expect(await laptop.ok<{ me: unknown }>(ME)).not.toEqual({ me: null });
  });

  it('stops password guessing from a signed-in session', async () => {
    const thief = new TestClient(server.url);
    await thief.register('guessed@example.com', 'the real password');
    const change = `mutation ($current: String!) {
      changePassword(currentPassword: $current, newPassword: "taken over!") { __typename } }`;
    const remove = `mutation ($password: String!) {
      deleteAccount(password: $password) { __typename } }`;
    for (let i = 0; i < RATE_LIMITS.loginPerAccountClient.limit; i++) {
      const guess = { current: `guess number ${i}`, password: `guess number ${i}` };
      const res = await thief.ok<Record<string, { __typename: string }>>(
        i % 2 ? change : remove,
        guess,
      );
      expect(Object.values(res)[0]?.__typename).toBe('InvalidCredentialsError');
    }
    expect(await thief.ok(change, { current: 'the real password' })).toEqual({
      changePassword: { __typename: 'RateLimitedError' },
    });
    expect(await thief.ok(remove, { password: 'the real password' })).toEqual({
      deleteAccount: { __typename: 'RateLimitedError' },
    });
    expect(await server.db.prisma.user.count({ where: { email: 'guessed@example.com' } })).toBe(1);
  });

  it('deletes the account with all its data', async () => {
    const browser = new TestClient(server.url);
    await browser.register('bye@example.com', 'bye bye passphrase');
    await browser.ok('mutation { createExpense(input: { amountMinor: "100" }) { __typename } }');
    const { id } = await server.db.prisma.user.findUniqueOrThrow({
      where: { email: 'bye@example.com' },
    });
    const res = await browser.ok(
      'mutation { deleteAccount(password: "bye bye passphrase") { __typename ... on DeleteAccountSuccess { deleted } } }',
    );
    expect(res).toEqual({ deleteAccount: { __typename: 'DeleteAccountSuccess', deleted: true } });
    expect(browser.cookie).toBeNull();
    expect(await server.db.prisma.user.count({ where: { email: 'bye@example.com' } })).toBe(0);
    expect(id).toBeTruthy();
    expect(await server.db.prisma.expense.count({ where: { note: null, amountMinor: 100n } })).toBe(
      0,
    );
  });
});

describe('personal API tokens', () => {
  it('are made in a browser, shown once, and work as a Bearer token until revoked', async () => {
    const browser = new TestClient(server.url);
    await browser.register('scripts@example.com');
    const made = await browser.ok<{
      createApiToken: { token: string; apiToken: { id: string; name: string; prefix: string } };
    }>(
      `mutation { createApiToken(name: "sheet sync") {
        __typename ... on ApiTokenCreated { token apiToken { id name prefix } } } }`,
    );
    const { token, apiToken } = made.createApiToken;
    expect(token).toMatch(/^spl_/);
    expect(apiToken.prefix).toBe(token.slice(0, 12));

    const script = new TestClient(server.url);
    script.bearer = token;
    expect(await script.ok(ME)).toMatchObject({ me: { email: 'scripts@example.com' } });
    const created = await script.ok<{ createExpense: { source: string } }>(
      'mutation { createExpense(input: { amountMinor: "2500" }) { ... on Expense { source } } }',
    );
    expect(created.createExpense.source).toBe('API');
    // A script cannot mint more tokens or touch the password.
    const escalate = await script.request(
      'mutation { createApiToken(name: "more") { __typename } }',
    );
    expect(escalate.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const listed = await browser.ok<{ me: { apiTokens: { name: string; lastUsedAt: string }[] } }>(
      '{ me { apiTokens { name lastUsedAt } } }',
    );
    expect(listed.me.apiTokens).toEqual([{ name: 'sheet sync', lastUsedAt: expect.any(String) }]);

    await browser.ok('mutation ($id: ID!) { revokeApiToken(id: $id) { __typename } }', {
      id: apiToken.id,
    });
    expect(await script.ok(ME)).toEqual({ me: null });
  });

  it('a bad bearer token is a stranger, even with a valid cookie', async () => {
    const browser = new TestClient(server.url);
    await browser.register('mixed@example.com');
    browser.bearer = 'spl_notarealtoken';
    expect(await browser.ok(ME)).toEqual({ me: null });
  });
});
