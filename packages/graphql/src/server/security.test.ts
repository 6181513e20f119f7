import { getIntrospectionQuery } from 'graphql';
import type { PrismaClient } from '@spendline/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestServer,
  TEST_CONFIG,
  TestClient,
  type TestServer,
} from '../testing/test-server.ts';

let server: TestServer;
let browser: TestClient;

const CREATE =
  'mutation { createExpense(input: { amountMinor: "100", note: "csrf" }) { __typename } }';

async function csrfNotes(): Promise<number> {
  return server.db.prisma.expense.count({ where: { note: 'csrf' } });
}

async function raw(init: RequestInit & { headers?: Record<string, string> }, path = '') {
  return fetch(server.url + path, {
    ...init,
    headers: { cookie: browser.cookie ?? '', 'x-forwarded-for': browser.ip, ...init.headers },
  });
}

beforeAll(async () => {
  server = await startTestServer();
  browser = new TestClient(server.url);
  await browser.register('csrf@example.com');
});
afterAll(async () => {
  await server.close();
});

describe('CSRF prevention for cookie sessions', () => {
  it('refuses a form-encoded or text/plain POST that a hostile page could send', async () => {
    for (const contentType of ['application/x-www-form-urlencoded', 'text/plain']) {
      const res = await raw({
        method: 'POST',
        headers: { 'content-type': contentType },
        body:
          contentType === 'text/plain'
            ? JSON.stringify({ query: CREATE })
            : `query=${encodeURIComponent(CREATE)}`,
      });
      expect(res.status).toBe(403);
    }
    expect(await csrfNotes()).toBe(0);
  });

  it('refuses a cookie-carrying GET without the CSRF header, and accepts it with one', async () => {
    const url = `?query=${encodeURIComponent('{ me { email } }')}`;
    expect(
      (await raw({ method: 'GET', headers: { accept: 'application/json' } }, url)).status,
    ).toBe(403);
    const allowed = await raw(
      { method: 'GET', headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' } },
      url,
    );
    expect(await allowed.json()).toEqual({ data: { me: { email: 'csrf@example.com' } } });
  });

  it('refuses a JSON POST from a foreign origin and accepts the site’s own and trusted ones', async () => {
    const post = (origin: string) =>
      raw({
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ query: CREATE }),
      });
    expect((await post('https://evil.example')).status).toBe(403);
    expect(await csrfNotes()).toBe(0);
    expect((await post('http://localhost:3000')).status).toBe(200);
    expect((await post('https://trusted.example')).status).toBe(200);
    expect(await csrfNotes()).toBe(2);
  });

  it('lets the bearer-token scripts through without the browser rules', async () => {
    const made = await browser.ok<{ createApiToken: { token: string } }>(
      'mutation { createApiToken(name: "ci") { ... on ApiTokenCreated { token } } }',
    );
    const res = await fetch(`${server.url}?query=${encodeURIComponent('{ me { email } }')}`, {
      headers: { authorization: `Bearer ${made.createApiToken.token}`, accept: 'application/json' },
    });
    expect(await res.json()).toEqual({ data: { me: { email: 'csrf@example.com' } } });
  });
});

describe('CORS', () => {
  it('lets the dashboard’s origin call with credentials and no other origin', async () => {
    const preflight = (origin: string) =>
      fetch(server.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const ours = await preflight('http://localhost:3000');
    expect(ours.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(ours.headers.get('access-control-allow-credentials')).toBe('true');
    const theirs = await preflight('https://evil.example');
    expect(theirs.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });
});

describe('query limits', () => {
  const nest = (levels: number): string =>
    levels === 0 ? 'id' : `expenses { edges { node { category { ${nest(levels - 1)} } } } }`;

  it('answers a dashboard-sized query', async () => {
    const res = await browser.request(`{
      me { email apiTokens { name } }
      categories { name aliases expenses(first: 5) { edges { node { amount { formatted } } } } }
      summary(period: MONTH) { totals { total { formatted } } categories { name share } }
    }`);
    expect(res.errors).toBeUndefined();
  });

  it('refuses a query nested deeper than six levels', async () => {
    // categories > expenses > edges > node > category > expenses > edges > node > ...
    const res = await browser.request(`{ categories { ${nest(2)} } }`);
    expect(res.errors?.[0]?.message).toMatch(/depth limit/i);
    expect(res.data ?? null).toBeNull();
  });

  it('refuses more than fifteen aliases', async () => {
    const fifteen = Array.from({ length: 15 }, (_, i) => `a${i}: me { email }`).join(' ');
    expect((await browser.request(`{ ${fifteen} }`)).errors).toBeUndefined();
    const sixteen = await browser.request(`{ ${fifteen} extra: me { email } }`);
    expect(sixteen.errors?.[0]?.message).toMatch(/aliases/i);
  });

  it('refuses queries of more than 1000 tokens and bodies over 1 MB', async () => {
    const long = await browser.request(`{ me { ${'email '.repeat(1000)} } }`);
    expect(long.errors?.[0]?.message).toMatch(/token/i);
    const huge = await browser.request(
      '',
      {},
      {
        body: JSON.stringify({
          query: '{ me { email } }',
          variables: { pad: 'x'.repeat(1_100_000) },
        }),
      },
    );
    expect(huge.status).toBe(413);
  });

  it('refuses more than fifty directives', async () => {
    const many = Array.from({ length: 51 }, () => '@include(if: true)').join(' ');
    const res = await browser.request(`{ me { email ${many} } }`);
    expect(res.errors?.[0]?.message).toMatch(/directives/i);
  });

  it('answers a page of 100 expenses with their amounts and categories', async () => {
    const res = await browser.request(`{
      expenses(first: 100) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node {
          id kind occurredAt localDate note source
          amount { amountMinor currency amount formatted }
          category { id name emoji color }
        } }
      }
    }`);
    expect(res.errors).toBeUndefined();
  });

  it('refuses a page of 200 expenses for each category, however the size is given', async () => {
    const query = `query ($n: Int) {
      categories { expenses(first: $n) { edges { node { amount { formatted } category { name } } } } }
    }`;
    const res = await browser.request(query, { n: 200 });
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(res.errors?.[0]?.message).toMatch(/too much at once/);
    expect(res.data ?? null).toBeNull();
  });

  it('keeps introspection on for GraphiQL and codegen', async () => {
    const res = await browser.request(getIntrospectionQuery());
    expect(res.errors).toBeUndefined();
    expect(JSON.stringify(res.data)).toContain('"createExpense"');
  });

  it('serves GraphiQL to a browser at /graphql from its own files, under a strict policy', async () => {
    const res = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toMatch(/graphiql/i);
    // Every script and style sheet is one of ours: none from a CDN, none inline.
    const sources = [...page.matchAll(/<(?:script|link)[^>]*(?:src|href)="([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(sources.filter((src) => !src?.startsWith('data:'))).toEqual([
      '/graphql/graphiql/graphiql.css',
      '/graphql/graphiql/graphiql.js',
    ]);
    expect(page).not.toMatch(/<script>/);
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    for (const file of ['graphiql.js', 'graphiql.css', 'editor.worker.js', 'graphql.worker.js']) {
      const asset = await fetch(`${server.url}/graphiql/${file}`);
      expect(asset.status, file).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, file).toBeGreaterThan(10_000);
    }
  });

  it('tells caches to keep no answer', async () => {
    const res = await browser.request('{ me { email } }');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('introspection in production', () => {
  let production: TestServer;
  beforeAll(async () => {
    production = await startTestServer({ config: { ...TEST_CONFIG, NODE_ENV: 'production' } });
  });
  afterAll(async () => {
    await production.close();
  });
  const fourSchemas = `{ ${['a', 'b', 'c', 'd']
    .map((alias) => `${alias}: __schema { types { name fields { name type { name } } } }`)
    .join(' ')} }`;

  it('is closed to anonymous callers, with a short answer', async () => {
    const anonymous = new TestClient(production.url);
    for (const query of [
      getIntrospectionQuery(),
      fourSchemas,
      '{ __type(name: "User") { name } }',
    ]) {
      const res = await anonymous.request(query);
      expect(res.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_REFUSED');
      expect(res.data ?? null).toBeNull();
    }
    // __typename is not introspection of the schema.
    expect((await anonymous.request('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('serves one copy of the schema per request to a signed-in caller', async () => {
    const owner = new TestClient(production.url);
    await owner.register('schema@example.com', 'correct horse battery staple');
    const full = await owner.request(getIntrospectionQuery());
    expect(full.errors).toBeUndefined();
    expect(JSON.stringify(full.data)).toContain('"createExpense"');
    const copies = await owner.request(fourSchemas);
    expect(copies.errors?.[0]?.message).toBe('Ask for the schema once per request.');
  });
});

describe('unexpected errors', () => {
  it('are masked with the request id, and logged with the detail under that id', async () => {
    const failing = await startTestServer({
      wrapPrisma: (prisma: PrismaClient) =>
        new Proxy(prisma, {
          get(target, key, receiver) {
            if (key !== 'category') return Reflect.get(target, key, receiver) as unknown;
            return new Proxy(target.category, {
              get(delegate, method, r) {
                if (method === 'findMany') {
                  return () => Promise.reject(new Error('connection to 10.0.0.5 refused'));
                }
                return Reflect.get(delegate, method, r) as unknown;
              },
            });
          },
        }),
    });
    try {
      const client = new TestClient(failing.url);
      await client.register('oops@example.com');
      const res = await client.request(
        '{ categories { name } }',
        {},
        {
          headers: { 'x-request-id': 'req-abc-123' },
        },
      );
      expect(res.errors).toEqual([
        {
          message: 'Unexpected error. Request id: req-abc-123.',
          path: ['categories'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-abc-123' },
        },
      ]);
      expect(JSON.stringify(res)).not.toMatch(/10\.0\.0\.5|stack/);
      expect(res.headers.get('x-request-id')).toBe('req-abc-123');
      const logged = failing.logLines.find((l) => l.requestId === 'req-abc-123' && l.level === 50);
      expect(JSON.stringify(logged)).toContain('connection to 10.0.0.5 refused');
    } finally {
      await failing.close();
    }
  });

  it('that are expected carry the request id too', async () => {
    const res = await new TestClient(server.url).request('{ categories { name } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      requestId: expect.any(String),
    });
  });
});
