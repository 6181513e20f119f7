import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createSession } from '@spendline/auth';
import type { Database } from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { createLogger } from '@spendline/log';
import { createRenderPool, type RenderPool } from '@spendline/reports';
import { pdfPages } from '@spendline/reports/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer } from './server.ts';
import { statementDownload } from './statements.ts';

let db: Database;
let pool: RenderPool;
let server: Server;
let base: string;
let asha: string;
let other: string;
const now = new Date('2026-12-02T06:00:00Z');

async function cookieFor(userId: string): Promise<string> {
  const { token } = await createSession(db.prisma, userId, now);
  return `spendline_session=${token}`;
}

beforeAll(async () => {
  db = await createTestDatabase();
  pool = createRenderPool({ size: 1 });
  const user = await db.prisma.user.create({
    data: { email: 'asha@example.com', displayName: 'Asha', timeZone: 'Asia/Kolkata' },
  });
  const stranger = await db.prisma.user.create({
    data: { email: 'ravi@example.com', displayName: 'Ravi' },
  });
  await db.prisma.expense.createMany({
    data: [
      {
        userId: user.id,
        occurredAt: new Date('2026-11-03T06:00:00Z'),
        amountMinor: 45_000n,
        currency: 'INR',
        note: 'groceries run',
        source: 'WEB',
      },
      {
        userId: stranger.id,
        occurredAt: new Date('2026-11-04T06:00:00Z'),
        amountMinor: 99_000n,
        currency: 'INR',
        note: 'ravi only',
        source: 'WEB',
      },
    ],
  });
  asha = await cookieFor(user.id);
  other = await cookieFor(stranger.id);
  const logger = createLogger({ level: 'silent' });
  server = createApiServer({
    db,
    logger,
    statements: statementDownload({ db, pool, logger, secureCookies: false, now: () => now }),
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await pool.close();
  await db.close();
});

async function textOf(res: Response): Promise<string> {
  return (await pdfPages(new Uint8Array(await res.arrayBuffer()))).join('\n');
}

describe('GET /statements/<month>.pdf', () => {
  it('sends the signed-in person’s own statement as a PDF download', async () => {
    const res = await fetch(`${base}/statements/2026-11.pdf`, { headers: { cookie: asha } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="spendline-2026-11.pdf"',
    );
    const text = await textOf(res);
    expect(text).toContain('Statement for November 2026');
    expect(text).toContain('groceries run');
    expect(text).toContain('₹450.00');
    expect(text).not.toContain('ravi only');
  });

  it('gives another person their own month, never hers', async () => {
    const text = await textOf(
      await fetch(`${base}/statements/2026-11.pdf`, { headers: { cookie: other } }),
    );
    expect(text).toContain('ravi only');
    expect(text).not.toContain('groceries run');
  });

  it('refuses without a session, and has no statement for a month not begun or not a month', async () => {
    expect((await fetch(`${base}/statements/2026-11.pdf`)).status).toBe(401);
    const bad = await fetch(`${base}/statements/2026-11.pdf`, {
      headers: { cookie: 'spendline_session=forged' },
    });
    expect(bad.status).toBe(401);
    for (const path of ['2027-01.pdf', '2026-13.pdf', 'november.pdf', '2026-11']) {
      const res = await fetch(`${base}/statements/${path}`, { headers: { cookie: asha } });
      expect(res.status, path).toBe(404);
    }
  });
});
