// The checks that read the database, on PostgreSQL when DATABASE_URL is set, PGlite otherwise.
import { randomBytes } from 'node:crypto';
import { loadConfig } from '@spendline/config';
import {
  databaseFromPglite,
  openDatabase,
  openPglite,
  readMigrationList,
  type Database,
} from '@spendline/db';
import { createTestDatabase } from '@spendline/db/testing';
import { jobRunRecorder } from '@spendline/jobs/runs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMigrations, openAndCheckDatabase } from './database.ts';
import { checkOutbox, failureKey } from './outbox.ts';
import { checkScheduler } from './scheduler.ts';

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

const now = new Date('2026-12-06T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

/** A database with no migration applied: a fresh schema, or a fresh in-memory PGlite. */
async function unmigrated(): Promise<Database> {
  const postgresUrl = process.env.DATABASE_URL;
  if (!postgresUrl) return databaseFromPglite(await openPglite('memory://'));
  const schema = `doctor_${randomBytes(5).toString('hex')}`;
  const url = new URL(postgresUrl);
  url.searchParams.set('schema', schema);
  const fresh = await openDatabase({ databaseUrl: url.toString() });
  await fresh.prisma.$executeRawUnsafe(`CREATE SCHEMA "${schema}"`);
  return {
    ...fresh,
    async close() {
      await fresh.prisma.$executeRawUnsafe(`DROP SCHEMA "${schema}" CASCADE`);
      await fresh.close();
    },
  };
}

describe('the database checks', () => {
  it('passes a migrated database and fails one whose migrations are not applied', async () => {
    const count = (await readMigrationList()).migrationDirectories.length;
    expect(await checkMigrations(db, 5000)).toEqual({
      check: 'migrations',
      status: 'PASS',
      detail: `all ${count} migrations applied`,
      fix: null,
    });
    const fresh = await unmigrated();
    try {
      expect(await checkMigrations(fresh, 5000)).toMatchObject({
        status: 'FAIL',
        detail: expect.stringMatching(
          new RegExp(`^${count} of ${count} migrations not applied \\(20261124081233_init, `),
        ),
        fix: 'Run npm run db:migrate (the api also applies them when it starts).',
      });
    } finally {
      await fresh.close();
    }
  });

  it('says what is wrong when PostgreSQL cannot be reached, without its password', async () => {
    const config = loadConfig({
      env: { DATABASE_URL: 'postgres://spendline:s3cret@127.0.0.1:1/spendline' },
      envFile: undefined,
    });
    const opened = await openAndCheckDatabase(config, 5000);
    expect(opened.db).toBeUndefined();
    expect(opened.result).toEqual({
      check: 'database',
      status: 'FAIL',
      detail: 'PostgreSQL at 127.0.0.1:1/spendline refused the connection',
      fix: 'Start PostgreSQL, or correct the host and port in DATABASE_URL.',
    });
  });

  it('groups failed sends by Meta error code with what each means, account problems first', async () => {
    const row = (
      status: 'FAILED' | 'SENT' | 'PENDING',
      lastError: string | null,
      createdAt = minutesAgo(60),
    ) => ({
      recipient: '+919812345678',
      type: 'text',
      payload: {},
      status,
      lastError,
      createdAt,
      updatedAt: createdAt,
    });
    await db.prisma.outboundMessage.createMany({
      data: [
        row('SENT', null),
        row('SENT', null),
        // As the dispatcher writes them, and as a failed status webhook does.
        row('FAILED', '131047: Re-engagement message: more than 24 hours have passed'),
        row('FAILED', '131047 Re-engagement message: Message failed to send'),
        row('FAILED', '190: Error validating access token: Session has expired'),
        row('FAILED', 'network: no answer within 10000 ms'),
        // Older than the week looked at.
        row('FAILED', '131026: Message undeliverable', minutesAgo(8 * 24 * 60)),
      ],
    });
    const result = await checkOutbox(db.prisma, now);
    expect(result).toMatchObject({ check: 'outbox', status: 'FAIL' });
    expect(result.detail).toBe(
      '4 of 6 sends failed in the last 7 days: 190 ×1 (the access token expired or was revoked), ' +
        '131047 ×2 (more than 24 hours since the person last wrote: only an approved template may be sent), ' +
        'network ×1 (Meta did not answer (network or timeout)).',
    );
    expect(result.fix).toMatch(
      /^190: Create a permanent system-user token.* 131047: Get spendline_notice approved.* network: /,
    );

    // Only messages that failed one by one: worth a look, not a failure.
    await db.prisma.outboundMessage.deleteMany({ where: { lastError: { startsWith: '190' } } });
    expect((await checkOutbox(db.prisma, now)).status).toBe('WARN');

    // A reply waiting for ten minutes means no dispatcher runs.
    await db.prisma.outboundMessage.deleteMany();
    await db.prisma.outboundMessage.createMany({ data: [row('PENDING', null, minutesAgo(42))] });
    expect(await checkOutbox(db.prisma, now)).toMatchObject({
      status: 'WARN',
      detail: '1 reply has waited more than 10 min (the oldest 42 min).',
      fix: expect.stringContaining('Start the api'),
    });
    await db.prisma.outboundMessage.deleteMany();
    expect(await checkOutbox(db.prisma, now)).toMatchObject({
      status: 'PASS',
      detail: '0 sent in the last 7 days, none failed; nothing waiting',
    });
  });

  it('reads the code off every last_error form', () => {
    expect(failureKey('131056: (#131056) pair rate limit hit')).toBe('131056');
    expect(failureKey('132001 Template name does not exist in the translation')).toBe('132001');
    expect(failureKey('502: HTTP 502 without a Graph error')).toBe('HTTP 502');
    expect(failureKey('network: no connection')).toBe('network');
    expect(failureKey(null)).toBe('unknown');
  });

  it("tells from the scheduler's recorded rounds whether it runs", async () => {
    await db.prisma.schedulerRun.deleteMany();
    expect(await checkScheduler(db.prisma, now)).toMatchObject({
      status: 'WARN',
      detail: 'no scheduler round recorded yet (the api runs one at start)',
    });
    const record = jobRunRecorder(db.prisma);
    await record({
      job: 'recurring',
      startedAt: minutesAgo(1),
      finishedAt: minutesAgo(1),
      done: 2,
      failed: 0,
    });
    await record({
      job: 'daily digest',
      startedAt: minutesAgo(1),
      finishedAt: minutesAgo(1),
      done: 0,
      failed: 0,
    });
    expect(await checkScheduler(db.prisma, now)).toEqual({
      check: 'scheduler',
      status: 'PASS',
      detail:
        'last ran 60 s ago (2026-12-06T11:59:00.000Z) (recurring: 2 done; daily digest: 0 done)',
      fix: null,
    });

    await record({
      job: 'daily digest',
      startedAt: minutesAgo(1),
      finishedAt: minutesAgo(1),
      done: 0,
      failed: 0,
      error: 'relation "users" does not exist',
    });
    expect(await checkScheduler(db.prisma, now)).toMatchObject({
      status: 'WARN',
      detail: expect.stringContaining('daily digest stopped: relation "users" does not exist'),
    });

    await db.prisma.schedulerRun.updateMany({ data: { finishedAt: minutesAgo(180) } });
    expect(await checkScheduler(db.prisma, now)).toMatchObject({
      status: 'FAIL',
      detail:
        'the scheduler last ran 3 h ago (2026-12-06T09:00:00.000Z): recurring expenses, digests and reminders wait',
    });
  });
});
