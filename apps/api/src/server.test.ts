import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import { openDatabase, type Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createLogger } from '@spendline/log';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer } from './server.ts';

let db: Database;
let server: Server;
let base: string;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  server = createApiServer({ db, logger: createLogger({ destination }) });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.close();
});

describe('the api server', () => {
  it('reports the database up on /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      database: { status: 'up', engine: db.engine, latencyMs: expect.any(Number) },
    });
  });

  it('tags each response and log line with a request id, keeping a sane incoming one', async () => {
    const res = await fetch(`${base}/healthz?probe=1`, { headers: { 'x-request-id': 'lb-42' } });
    expect(res.headers.get('x-request-id')).toBe('lb-42');
    const line = logLines.find((l) => l.requestId === 'lb-42');
    expect(line).toMatchObject({ msg: 'request', method: 'GET', path: '/healthz', status: 200 });
  });

  it('answers unknown paths with 404 and wrong methods with 405 in JSON', async () => {
    const missing = await fetch(`${base}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not_found' });
    const wrong = await fetch(`${base}/healthz`, { method: 'POST' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  it('reports the database down with 503 when it cannot be reached', async () => {
    // Port 1 on loopback: nothing listens there, so every connection is refused.
    const unreachable = await openDatabase({
      databaseUrl: 'postgres://postgres@127.0.0.1:1/spendline',
    });
    const other = createApiServer({ db: unreachable, logger: createLogger({ level: 'silent' }) });
    other.listen(0, '127.0.0.1');
    await once(other, 'listening');
    try {
      const res = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/healthz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { database: { error: string } };
      expect(body).toMatchObject({
        status: 'degraded',
        database: { status: 'down', engine: 'postgresql' },
      });
      expect(body.database.error).not.toContain('postgres://');
    } finally {
      await new Promise((resolve) => other.close(resolve));
      await unreachable.close();
    }
  });
});
