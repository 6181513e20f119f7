// What an outside probe sees of the built app in front of the real api, over plain HTTP:
// hosts, security headers, caching, client addresses and redirects after signing in.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, startWebServer } from './app.ts';

type Stack = Awaited<ReturnType<typeof startStack>>;
let stack: Stack;
let web: string;

beforeAll(async () => {
  stack = await startStack();
  web = stack.web.url;
}, 90_000);
afterAll(async () => {
  await stack?.stop();
});

const PASSWORD = 'violet harbour kestrel 93';
const REGISTER = `mutation ($input: RegisterInput!) {
  register(input: $input) { __typename ... on Error { message } }
}`;

/** GET with a Host header of our choosing (fetch sends the URL's). */
function statusFor(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

/** A GraphQL call through the web app's /graphql, as a script would make it. */
async function graphql(
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
  base = web,
): Promise<{ body: { data?: Record<string, unknown> }; response: Response }> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { body: (await response.json()) as { data?: Record<string, unknown> }, response };
}

async function register(email: string, headers: Record<string, string> = {}) {
  const { body, response } = await graphql(
    REGISTER,
    { input: { email, password: PASSWORD } },
    headers,
  );
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  return { typename: (body.data?.register as { __typename: string }).__typename, cookie };
}

describe('hosts', () => {
  it('answers 400 to a Host outside ALLOWED_HOSTS, on pages and on /graphql', async () => {
    expect(await statusFor(`${web}/`, 'evil.example')).toBe(400);
    expect(await statusFor(`${web}/graphql`, 'evil.example')).toBe(400);
    expect(await statusFor(`${web}/login/`, 'evil.example:3000')).toBe(400);
  });

  it('answers localhost and 127.0.0.1, the development defaults', async () => {
    const port = new URL(web).port;
    expect(await statusFor(`${web}/`, `localhost:${port}`)).toBe(200);
    expect(await statusFor(`${web}/`, `127.0.0.1:${port}`)).toBe(200);
  });
});

describe('security headers', () => {
  it('put every page under a nonce-based policy that no frame can embed', async () => {
    const response = await fetch(`${web}/login/`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    // PUBLIC_URL is plain HTTP here.
    expect(response.headers.has('strict-transport-security')).toBe(false);
  });

  it('add HSTS when PUBLIC_URL is https', async () => {
    const secure = await startWebServer({
      API_URL: 'http://127.0.0.1:9',
      PUBLIC_URL: 'https://spendline.example.com',
    });
    try {
      const response = await fetch(`${secure.url}/`);
      expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=31536000/);
    } finally {
      await secure.stop();
    }
  });

  it('keep signed-in pages and GraphQL answers out of every cache', async () => {
    const { cookie } = await register('cache@example.com');
    expect(cookie).toBeDefined();
    const page = await fetch(`${web}/dashboard/`, { headers: { cookie: cookie! } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const { response } = await graphql('{ me { id } }', {}, { cookie: cookie! });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('the client address', () => {
  it('is the one the web server saw, however a script rotates X-Forwarded-For', async () => {
    const kinds: string[] = [];
    let first: string | undefined;
    for (let i = 0; i < 11; i++) {
      const { typename, cookie } = await register(`rotate${i}@example.com`, {
        'x-forwarded-for': `198.51.100.${i + 1}`,
      });
      kinds.push(typename);
      first ??= cookie;
    }
    // The registration above and these ten share the one real address: 127.0.0.1.
    expect(kinds.filter((kind) => kind === 'RateLimitedError').length).toBeGreaterThan(0);
    const { body } = await graphql('{ me { sessions { ipAddress } } }', {}, { cookie: first! });
    const me = body.data?.me as { sessions: { ipAddress: string }[] };
    expect(me.sessions.map((session) => session.ipAddress)).toEqual(['127.0.0.1']);
  });
});

describe('live updates at another allowed host than PUBLIC_URL', () => {
  it('are not refused as cross-origin (the api knows this app as 127.0.0.1, not localhost)', async () => {
    const localhost = web.replace('127.0.0.1', 'localhost');
    // The registrations above spent 127.0.0.1's allowance: sign in instead.
    const { response: login } = await graphql(
      'mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { __typename } }',
      { e: 'cache@example.com', p: PASSWORD },
    );
    const session = login.headers.getSetCookie()[0]?.split(';')[0];
    const response = await fetch(`${localhost}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        origin: localhost,
        cookie: session!,
      },
      body: JSON.stringify({ query: 'subscription { expenseAdded { id } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await response.body?.cancel();
  });
});

describe('signing in with a next path', () => {
  it('goes to the dashboard, not elsewhere and not to an error, for tabs and line breaks', async () => {
    for (const hidden of ['%09', '%0A', '%0D']) {
      const response = await fetch(`${web}/login/?next=%2F${hidden}%2Fevil.example`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
          origin: web,
        },
        body: new URLSearchParams({ email: 'cache@example.com', password: PASSWORD }),
        redirect: 'manual',
      });
      expect(response.status, hidden).toBe(303);
      expect(response.headers.get('location'), hidden).toBe('/dashboard/');
    }
  });
});
