import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession, verifyPassword } from '@spendline/auth';
import { openDatabase, type Database } from '@spendline/db';
import { afterEach, describe, expect, it } from 'vitest';
import { runAdmin } from './run.ts';

const postgresUrl = process.env.DATABASE_URL;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** The environment of a fresh database: its own schema on PostgreSQL, or its own PGlite directory. */
async function freshEnv(): Promise<Record<string, string>> {
  if (!postgresUrl) return { DATA_DIR: mkdtempSync(join(tmpdir(), 'spendline-admin-')) };
  const url = new URL(postgresUrl);
  const schema = `admin_${randomBytes(5).toString('hex')}`;
  url.searchParams.set('schema', schema);
  const db = await openDatabase({ databaseUrl: url.toString() });
  await db.prisma.$executeRawUnsafe(`CREATE SCHEMA "${schema}"`);
  cleanups.push(async () => {
    await db.prisma.$executeRawUnsafe(`DROP SCHEMA "${schema}" CASCADE`);
    await db.close();
  });
  return { DATABASE_URL: url.toString() };
}

/** Progress updates seen, as [done, total]. */
const progressSeen: [number, number][] = [];

async function admin(env: Record<string, string>, ...argv: string[]) {
  return adminWithSecret(env, undefined, ...argv);
}

async function adminWithSecret(
  env: Record<string, string>,
  secret: string | undefined,
  ...argv: string[]
) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, {
    env,
    ...(secret === undefined ? {} : { readSecret: () => Promise.resolve(secret) }),
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    progress: (total) => ({
      update: (done) => progressSeen.push([done, total]),
      stop: () => {},
    }),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function withDatabase<T>(
  env: Record<string, string>,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

describe('npm run admin', () => {
  it('creates a user with categories and a linked number on a fresh database', async () => {
    const env = await freshEnv();
    const result = await admin(
      env,
      'create-user',
      '--email',
      'Asha@Example.com',
      '--password',
      'correct horse',
      '--whatsapp',
      '+91 98765 43210',
      '--currency',
      'INR',
      '--timezone',
      'Asia/Kolkata',
    );
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/Created asha@example\.com .*WhatsApp \+919876543210 linked/);
    await withDatabase(env, async ({ prisma }) => {
      const user = await prisma.user.findUniqueOrThrow({
        where: { email: 'asha@example.com' },
        include: { categories: true, whatsAppLinks: true },
      });
      expect(user.categories).toHaveLength(12);
      expect(user.whatsAppLinks.map((l) => l.phoneNumber)).toEqual(['+919876543210']);
    });
  });

  it('explains a missing or bad argument with the usage and exit code 2', async () => {
    const env = await freshEnv();
    const missing = await admin(env, 'create-user', '--email', 'a@example.com');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--password is required[\s\S]*Usage: npm run admin -- create-user/);

    const bad = await admin(
      env,
      'create-user',
      '--email',
      'a@example.com',
      '--password',
      'correct horse',
      '--timezone',
      'Mars/Base',
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--timezone: must be an IANA time zone/);

    const unknownFlag = await admin(env, 'create-user', '--emial', 'a@example.com');
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.err).toMatch(/--emial/);

    const unknownCommand = await admin(env, 'create-users');
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.err).toMatch(
      /Unknown command "create-users"[\s\S]*create-default-categories/,
    );
  });

  it('refuses a second account with the same email', async () => {
    const env = await freshEnv();
    await admin(env, 'create-user', '--email', 'dup@example.com', '--password', 'correct horse');
    const again = await admin(
      env,
      'create-user',
      '--email',
      'DUP@example.com',
      '--password',
      'correct horse',
    );
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/--email: already has an account/);
  });

  it('gives existing users the default categories they lack, and is safe to re-run', async () => {
    const env = await freshEnv();
    await admin(env, 'create-user', '--email', 'old@example.com', '--password', 'correct horse');
    await withDatabase(env, ({ prisma }) =>
      prisma.category.deleteMany({ where: { nameKey: { in: ['rent', 'fuel'] } } }),
    );
    const first = await admin(env, 'create-default-categories');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/1 user\(s\), 2 categories/);
    const second = await admin(env, 'create-default-categories', '--email', 'old@example.com');
    expect(second.out).toMatch(/1 user\(s\), 0 categories and 0 aliases added/);
    const nobody = await admin(env, 'create-default-categories', '--email', 'nobody@example.com');
    expect(nobody.code).toBe(2);
    expect(nobody.err).toMatch(/no such user/);
  });

  it('names the bad setting when the configuration is wrong', async () => {
    const result = await admin({ DATABASE_URL: 'mysql://nope' }, 'migrate');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/DATABASE_URL/);
  });

  it('imports a CSV file for a user with progress, and explains what it could not read', async () => {
    const env = await freshEnv();
    await admin(env, 'create-user', '--email', 'i@example.com', '--password', 'correct horse');
    const file = join(mkdtempSync(join(tmpdir(), 'spendline-import-')), 'bank.csv');
    writeFileSync(
      file,
      'Txn Date,Narration,Debit,Balance\n01/12/2026,Lunch,250.00,9750\n02/12/2026,Petrol,"1,200",8550\nlater,Oops,5,0\n',
    );
    progressSeen.length = 0;
    const result = await admin(
      env,
      'import',
      file,
      '--user',
      'I@example.com',
      '--map',
      'amount=Debit',
    );
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('Columns: date=Txn Date, amount=Debit, note=Narration');
    expect(result.out).toContain(
      'Imported 2 of 3 rows for i@example.com: 0 already recorded, 1 unreadable.\n  line 4: "later" is not a date',
    );
    const size = statSync(file).size;
    expect(progressSeen.at(-1)).toEqual([size, size]);
    expect(
      await withDatabase(env, (db) => db.prisma.expense.count({ where: { source: 'IMPORT' } })),
    ).toBe(2);

    expect(await admin(env, 'import', file, '--user', 'nobody@example.com')).toMatchObject({
      code: 2,
      err: expect.stringContaining('no account for nobody@example.com') as unknown,
    });
    expect(
      await admin(env, 'import', file, '--user', 'i@example.com', '--map', 'amount=Credit'),
    ).toMatchObject({
      code: 2,
      err: expect.stringContaining('--map: the file has no column "Credit"') as unknown,
    });
  });

  it('imports every row it can read around a 20-digit amount, and takes a negative one as money back', async () => {
    const env = await freshEnv();
    await admin(env, 'create-user', '--email', 'i@example.com', '--password', 'correct horse');
    const file = join(mkdtempSync(join(tmpdir(), 'spendline-import-')), 'badrows.csv');
    writeFileSync(
      file,
      [
        'date,amount,note',
        '2026-12-01,40,tea',
        '2026-12-01,12345678901234567890,typo',
        '2026-12-02,-40,refund',
        '2026-12-02,1e9,exponent',
        '2026-12-03,55,lunch',
      ].join('\n'),
    );
    const result = await admin(env, 'import', file, '--user', 'i@example.com');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain(
      'Imported 3 of 5 rows for i@example.com: 0 already recorded, 2 unreadable.\n' +
        '  line 3: amount too large: "12345678901234567890"\n' +
        '  line 5: "1e9" is not an amount in INR',
    );
    const kinds = await withDatabase(env, (db) =>
      db.prisma.expense.findMany({
        select: { kind: true, amountMinor: true, note: true },
        orderBy: { occurredAt: 'asc' },
      }),
    );
    expect(kinds).toEqual([
      { kind: 'EXPENSE', amountMinor: 4_000n, note: 'tea' },
      { kind: 'INCOME', amountMinor: 4_000n, note: 'refund' },
      { kind: 'EXPENSE', amountMinor: 5_500n, note: 'lunch' },
    ]);
  });

  it('says in words, without a stack trace, why a file cannot be imported at all', async () => {
    const env = await freshEnv();
    await admin(env, 'create-user', '--email', 'i@example.com', '--password', 'correct horse');
    const folder = mkdtempSync(join(tmpdir(), 'spendline-import-'));
    const folderRun = await admin(env, 'import', folder, '--user', 'i@example.com');
    expect(folderRun.code).not.toBe(0);
    expect(folderRun.err).toContain(`cannot read ${folder}`);
    expect(folderRun.err).not.toMatch(/\bat .*:\d+:\d+/);

    const broken = join(folder, 'broken.csv');
    writeFileSync(broken, 'date,amount,note\n2026-12-01,40,"never closed\n');
    const brokenRun = await admin(env, 'import', broken, '--user', 'i@example.com');
    expect(brokenRun.code).toBe(1);
    expect(brokenRun.err).toMatch(/^.*broken\.csv could not be read as CSV: /);
    expect(brokenRun.err).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('sets a new password read as a secret, signs the account out everywhere, and says so without it', async () => {
    const env = await freshEnv();
    await admin(env, 'create-user', '--email', 'nowa@example.com', '--password', 'correct horse');
    await withDatabase(env, async ({ prisma }) => {
      const user = await prisma.user.findUniqueOrThrow({ where: { email: 'nowa@example.com' } });
      await createSession(prisma, user.id, new Date());
      await createSession(prisma, user.id, new Date());
    });
    const weak = await adminWithSecret(env, 'password1234', 'reset-password', 'nowa@example.com');
    expect(weak.code).toBe(1);
    expect(weak.err).toMatch(/common/);
    const unknown = await adminWithSecret(
      env,
      'plum kettle orbit 42',
      'reset-password',
      'nobody@example.com',
    );
    expect(unknown).toMatchObject({ code: 1, err: 'No account has the email nobody@example.com.' });
    const done = await adminWithSecret(
      env,
      'plum kettle orbit 42',
      'reset-password',
      'NOWA@example.com',
    );
    expect(done).toMatchObject({ code: 0, err: '' });
    expect(done.out).toMatch(/Password of NOWA@example\.com changed; 2 signed-in sessions ended\./);
    expect(done.out).not.toContain('plum');
    await withDatabase(env, async ({ prisma }) => {
      const user = await prisma.user.findUniqueOrThrow({ where: { email: 'nowa@example.com' } });
      expect(await verifyPassword(user.passwordHash ?? '', 'plum kettle orbit 42')).toBe(true);
      expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    });
    // Without a place to read the secret from, it refuses rather than set anything.
    expect(await admin(env, 'reset-password', 'nowa@example.com')).toMatchObject({ code: 1 });
  });

  it('grants and revokes the operator page, the first account holding it from the start', async () => {
    const env = await freshEnv();
    await admin(env, 'create-user', '--email', 'first@example.com', '--password', 'correct horse');
    await admin(env, 'create-user', '--email', 'second@example.com', '--password', 'correct horse');
    const operators = () =>
      withDatabase(env, async ({ prisma }) =>
        (
          await prisma.user.findMany({ where: { isOperator: true }, orderBy: { email: 'asc' } })
        ).map((u) => u.email),
      );
    expect(await operators()).toEqual(['first@example.com']);

    const granted = await admin(env, 'grant-operator', 'Second@Example.com');
    expect(granted).toMatchObject({ code: 0, err: '' });
    expect(granted.out).toMatch(/Second@Example\.com is an operator \(2 in all\)/);
    expect(await operators()).toEqual(['first@example.com', 'second@example.com']);

    await admin(env, 'revoke-operator', 'first@example.com');
    const last = await admin(env, 'revoke-operator', 'second@example.com');
    expect(last.out).toMatch(/no account is now: grant-operator EMAIL makes one/);
    expect(await operators()).toEqual([]);

    expect(await admin(env, 'grant-operator', 'nobody@example.com')).toMatchObject({
      code: 1,
      err: 'No account has the email nobody@example.com.',
    });
    expect((await admin(env, 'grant-operator')).code).toBe(2);
  });
});
