import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../../testing/test-server.ts';

const LOGIN = `mutation { login(email: "sam@example.com", password: "sam passphrase 42") { __typename } }`;
const SESSIONS = '{ me { sessions { id current } } }';
const REVOKE = `mutation ($id: ID!) {
  revokeSession(id: $id) {
    __typename
    ... on RevokeSessionSuccess { loggedOut }
    ... on NotFoundError { message }
  }
}`;

let server: TestServer;

async function signedIn(): Promise<TestClient> {
  const client = new TestClient(server.url);
  await client.ok(LOGIN);
  return client;
}

async function sessionsOf(client: TestClient) {
  const { me } = await client.ok<{ me: { sessions: { id: string; current: boolean }[] } }>(
    SESSIONS,
  );
  return me.sessions;
}

async function isSignedIn(client: TestClient): Promise<boolean> {
  const { me } = await client.ok<{ me: { email: string } | null }>('{ me { email } }');
  return me !== null;
}

beforeAll(async () => {
  server = await startTestServer();
  await new TestClient(server.url).register('sam@example.com', 'sam passphrase 42');
});
afterAll(async () => {
  await server.close();
});

describe('revokeSession', () => {
  it('lists sessions under ids that reveal neither the stored id nor the cookie', async () => {
    const laptop = await signedIn();
    await signedIn();
    const sessions = await sessionsOf(laptop);
    const stored = await server.db.prisma.session.findMany({ select: { id: true } });
    const token = decodeURIComponent(laptop.cookie?.split('=')[1] ?? '');
    expect(new Set(sessions.map((s) => s.id)).size).toBe(sessions.length);
    for (const { id } of sessions) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(stored.map((s) => s.id).join()).not.toContain(id);
      expect(token).not.toContain(id);
    }
  });

  it('signs another browser out and keeps this one', async () => {
    const laptop = await signedIn();
    const phone = await signedIn();
    const phoneSession = (await sessionsOf(phone)).find((s) => s.current);
    const res = await laptop.ok<{ revokeSession: unknown }>(REVOKE, { id: phoneSession?.id });
    expect(res.revokeSession).toEqual({ __typename: 'RevokeSessionSuccess', loggedOut: false });
    expect(await isSignedIn(phone)).toBe(false);
    expect(await isSignedIn(laptop)).toBe(true);
  });

  it('signs this browser out and clears its cookie when it revokes its own session', async () => {
    const laptop = await signedIn();
    const own = (await sessionsOf(laptop)).find((s) => s.current);
    const res = await laptop.ok<{ revokeSession: unknown }>(REVOKE, { id: own?.id });
    expect(res.revokeSession).toEqual({ __typename: 'RevokeSessionSuccess', loggedOut: true });
    expect(laptop.cookie).toBeNull();
    expect(await isSignedIn(laptop)).toBe(false);
  });

  it('answers NotFoundError for an unknown id and changes nothing', async () => {
    const laptop = await signedIn();
    const before = await server.db.prisma.session.count();
    const res = await laptop.ok<{ revokeSession: { __typename: string } }>(REVOKE, {
      id: 'AAAAAAAAAAAAAAAAAAAAAA',
    });
    expect(res.revokeSession.__typename).toBe('NotFoundError');
    expect(await server.db.prisma.session.count()).toBe(before);
  });

  it('is refused to personal API tokens', async () => {
    const laptop = await signedIn();
    const { createApiToken } = await laptop.ok<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(name: "script") { ... on ApiTokenCreated { token } } }',
    );
    const script = new TestClient(server.url);
    script.bearer = createApiToken.token;
    const own = (await sessionsOf(laptop)).find((s) => s.current);
    const res = await script.request(REVOKE, { id: own?.id });
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await isSignedIn(laptop)).toBe(true);
  });
});

describe('logoutEverywhere', () => {
  it('ends every session, this one included, and leaves API tokens working', async () => {
    const laptop = await signedIn();
    const phone = await signedIn();
    const { createApiToken } = await laptop.ok<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(name: "keeps working") { ... on ApiTokenCreated { token } } }',
    );
    const sessions = await server.db.prisma.session.count();
    const res = await laptop.ok<{ logoutEverywhere: number }>('mutation { logoutEverywhere }');
    expect(res.logoutEverywhere).toBe(sessions);
    expect(laptop.cookie).toBeNull();
    expect(await isSignedIn(phone)).toBe(false);
    expect(await server.db.prisma.session.count()).toBe(0);
    const script = new TestClient(server.url);
    script.bearer = createApiToken.token;
    expect(await isSignedIn(script)).toBe(true);
  });
});

describe('session lifetime', () => {
  const day = 24 * 60 * 60 * 1000;
  const signIn = new Date('2026-05-01T09:00:00Z');
  const at = (ms: number) => new Date(signIn.getTime() + ms);

  async function signedInAt(when: Date): Promise<TestClient> {
    server.setNow(when);
    return signedIn();
  }

  it('ends 30 days after sign-in however often the browser is used, without a new cookie', async () => {
    const daily = await signedInAt(signIn);
    try {
      for (let used = 1; used < 30; used += 1) {
        server.setNow(at(used * day));
        const res = await daily.request('{ me { email } }');
        expect(res.data).toEqual({ me: { email: 'sam@example.com' } });
        expect(res.headers.getSetCookie()).toEqual([]);
      }
      server.setNow(at(30 * day));
      const ended = await daily.request('{ me { email } }');
      expect(ended.data).toEqual({ me: null });
      expect(ended.headers.getSetCookie()[0]).toMatch(/^spendline_session=; .*Max-Age=0/);
    } finally {
      server.setNow(new Date());
    }
  });

  it('ends after a week without use', async () => {
    const idle = await signedInAt(signIn);
    const used = await signedInAt(signIn);
    try {
      server.setNow(at(6 * day));
      expect(await isSignedIn(used)).toBe(true);
      server.setNow(at(7 * day));
      expect(await isSignedIn(idle)).toBe(false);
      expect(await isSignedIn(used)).toBe(true);
    } finally {
      server.setNow(new Date());
    }
  });
});
