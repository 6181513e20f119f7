import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClient, type TestServer } from '../testing/test-server.ts';

// The test server trusts loopback, where the web app's proxy runs: what that proxy adds to
// X-Forwarded-For is the client's address, and what the client wrote before it is not.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const REGISTER = `mutation ($input: RegisterInput!) {
  register(input: $input) { __typename ... on RateLimitedError { retryAfterSeconds } }
}`;
const PASSWORD = 'correct horse battery staple';

async function sessionAddresses(client: TestClient): Promise<(string | null)[]> {
  const data = await client.ok<{ me: { sessions: { ipAddress: string | null }[] } }>(
    '{ me { sessions { ipAddress } } }',
  );
  return data.me.sessions.map((session) => session.ipAddress);
}

describe('the client address', () => {
  it('is the one the trusted proxy added, not one the client forged before it', async () => {
    const client = new TestClient(server.url, '198.51.100.1, 203.0.113.7');
    await client.register('forged@example.com', PASSWORD);
    expect(await sessionAddresses(client)).toEqual(['203.0.113.7']);
  });

  it('keeps a client rotating forged addresses within the registration limit', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 11; i++) {
      const client = new TestClient(server.url, `192.0.2.${i + 1}, 203.0.113.50`);
      const res = await client.request<{ register: { __typename: string } }>(REGISTER, {
        input: { email: `rotating${i}@example.com`, password: PASSWORD },
      });
      answers.push(res.data?.register.__typename ?? JSON.stringify(res.errors));
    }
    expect(answers.slice(0, 10)).toEqual(Array(10).fill('User'));
    expect(answers[10]).toBe('RateLimitedError');
  });

  it('is the socket address when the peer is no trusted proxy', async () => {
    const untrusting = await startTestServer({ trustedProxies: [], database: server.db });
    try {
      const client = new TestClient(untrusting.url, '203.0.113.8');
      await client.register('direct@example.com', PASSWORD);
      expect(await sessionAddresses(client)).toEqual(['127.0.0.1']);
    } finally {
      await untrusting.close();
    }
  });
});

describe('cookie requests from the host the browser spoke to', () => {
  const CREATE = 'mutation { createExpense(input: { amountMinor: "100" }) { __typename } }';
  let owner: TestClient;
  beforeAll(async () => {
    owner = new TestClient(server.url);
    await owner.register('hosts@example.com', PASSWORD);
  });
  const post = (origin: string, forwardedHost: string) =>
    owner.request(CREATE, {}, { headers: { origin, 'x-forwarded-host': forwardedHost } });

  it('are accepted at another allowed host than PUBLIC_URL’s (127.0.0.1, not localhost)', async () => {
    const res = await post('http://127.0.0.1:3000', '127.0.0.1:3000');
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
  });

  it('are refused from any other origin', async () => {
    expect((await post('http://evil.example', '127.0.0.1:3000')).status).toBe(403);
  });
});
