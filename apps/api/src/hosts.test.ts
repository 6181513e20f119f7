import { once } from 'node:events';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createGraphQLHandler } from '@spendline/graphql';
import { createLogger } from '@spendline/log';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAllowedHosts, createApiServer } from './server.ts';

let db: Database;
let server: Server;
let port: number;

beforeAll(async () => {
  db = await createTestDatabase();
  const logger = createLogger({ level: 'silent' });
  const config = {
    NODE_ENV: 'test' as const,
    ALLOWED_HOSTS: ['spendline.example.com'],
    PUBLIC_URL: 'https://spendline.example.com',
    API_URL: 'http://api:4000',
    CSRF_TRUSTED_ORIGINS: [],
    SECRET_KEY: 'test-secret-key-that-is-long-enough-to-pass',
  };
  server = createApiServer({
    db,
    logger,
    allowedHosts: apiAllowedHosts(config),
    graphql: createGraphQLHandler({ prisma: db.prisma, sql: db.sql, logger, config }),
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.close();
});

/** GET with a Host header of our choosing (fetch will not send one). */
function get(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

const QUERY = `/graphql?query=${encodeURIComponent('{ __typename }')}`;

describe('the hosts the api answers to', () => {
  it('refuses a Host outside ALLOWED_HOSTS with 400', async () => {
    expect(await get(QUERY, { host: 'evil.example' })).toBe(400);
    expect(await get('/whatsapp/webhook', { host: 'evil.example:4000' })).toBe(400);
  });

  it('refuses a forwarded host outside ALLOWED_HOSTS', async () => {
    expect(await get(QUERY, { host: 'api:4000', 'x-forwarded-host': 'evil.example' })).toBe(400);
  });

  it('answers ALLOWED_HOSTS, the name the web app calls it by, and loopback', async () => {
    for (const host of ['spendline.example.com', 'api:4000', '127.0.0.1:4000', 'localhost']) {
      expect(await get(QUERY, { host, 'x-forwarded-host': 'spendline.example.com' }), host).toBe(
        200,
      );
    }
  });

  it('answers health probes whatever host they name', async () => {
    expect(await get('/healthz', { host: '10.1.2.3:4000' })).toBe(200);
  });

  it('serves GraphiQL’s files', async () => {
    expect(await get('/graphql/graphiql/graphiql.css', { host: 'api:4000' })).toBe(200);
    expect(await get('/graphql/graphiql/nothing.js', { host: 'api:4000' })).toBe(404);
  });
});
