// `npm run admin -- doctor` against the Meta simulator and a stand-in deployment over real
// HTTP(S), on a real database (PostgreSQL with DATABASE_URL, PGlite otherwise).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@spendline/db';
import { jobRunRecorder } from '@spendline/jobs/runs';
import {
  SIMULATOR_BUSINESS_ACCOUNT_ID,
  SIMULATOR_PHONE_NUMBER_ID,
  SIMULATOR_TEMPLATES,
  startGraphSimulator,
  type AccountFault,
  type GraphSimulator,
} from '@spendline/whatsapp/simulator';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../run.ts';
import type { CheckResult } from './check.ts';
import { makeCertificate, startDeployment, trust, type Deployment } from './testing.ts';

const TOKEN = 'doctor-test-token';
const APP_SECRET = 'doctor-test-app-secret';
const VERIFY_TOKEN = 'doctor-test-verify-token';

let databaseEnv: Record<string, string>;
let dropSchema: (() => Promise<void>) | undefined;
let simulator: GraphSimulator;
let deployment: Deployment;

/** A migrated database of its own: a schema on PostgreSQL, or a PGlite directory. */
async function migratedDatabase(): Promise<Record<string, string>> {
  const postgresUrl = process.env.DATABASE_URL;
  if (!postgresUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'spendline-doctor-'));
    const db = await openDatabase({ dataDir });
    await db.migrate();
    await db.close();
    return { DATA_DIR: dataDir };
  }
  const url = new URL(postgresUrl);
  const schema = `doctor_${randomBytes(5).toString('hex')}`;
  url.searchParams.set('schema', schema);
  const db = await openDatabase({ databaseUrl: url.toString() });
  await db.prisma.$executeRawUnsafe(`CREATE SCHEMA "${schema}"`);
  await db.migrate();
  dropSchema = async () => {
    await db.prisma.$executeRawUnsafe(`DROP SCHEMA "${schema}" CASCADE`);
    await db.close();
  };
  return { DATABASE_URL: url.toString() };
}

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) {
  const db = await openDatabase({
    databaseUrl: databaseEnv.DATABASE_URL,
    dataDir: databaseEnv.DATA_DIR,
  });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  const certificate = makeCertificate();
  trust(certificate);
  databaseEnv = await migratedDatabase();
  deployment = await startDeployment({ verifyToken: VERIFY_TOKEN }, certificate);
  simulator = await startGraphSimulator({
    accessToken: TOKEN,
    account: { appSecret: APP_SECRET, callbackUrl: `${deployment.publicUrl}/whatsapp/webhook/` },
  });
  // The api ran its scheduler a moment ago.
  await withDatabase(async (db) => {
    const now = new Date();
    await jobRunRecorder(db.prisma)({
      job: 'recurring',
      startedAt: now,
      finishedAt: now,
      done: 0,
      failed: 0,
    });
  });
});

afterAll(async () => {
  await simulator?.close();
  await deployment?.close();
  await dropSchema?.();
});

afterEach(() => {
  simulator.account.setFaults();
  simulator.account.setTemplates([...SIMULATOR_TEMPLATES]);
  deployment.behave({ verifyToken: VERIFY_TOKEN, forwardsPost: true, forwardsWhatsApp: true });
});

/** A live deployment's settings: Meta through the simulator, PUBLIC_URL over https. */
function liveEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...databaseEnv,
    PUBLIC_URL: deployment.publicUrl,
    API_URL: deployment.apiUrl,
    WHATSAPP_API_URL: simulator.apiUrl,
    WHATSAPP_ACCESS_TOKEN: TOKEN,
    WHATSAPP_PHONE_NUMBER_ID: SIMULATOR_PHONE_NUMBER_ID,
    WHATSAPP_BUSINESS_ACCOUNT_ID: SIMULATOR_BUSINESS_ACCOUNT_ID,
    WHATSAPP_VERIFY_TOKEN: VERIFY_TOKEN,
    WEBHOOK_SECRET: APP_SECRET,
    ...extra,
  };
}

async function doctor(env: Record<string, string>, ...flags: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(['doctor', ...flags], {
    env,
    envFile: undefined,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function doctorJson(env: Record<string, string>) {
  const run = await doctor(env, '--json');
  const results = JSON.parse(run.out) as CheckResult[];
  return { code: run.code, results, byCheck: new Map(results.map((r) => [r.check, r])) };
}

describe('npm run admin -- doctor', () => {
  it('passes every check of a deployment set up right, and exits 0', async () => {
    const { code, results } = await doctorJson(liveEnv());
    expect(results.map((r) => [r.check, r.status])).toEqual([
      ['configuration', 'PASS'],
      ['database', 'PASS'],
      ['migrations', 'PASS'],
      ['whatsapp-number', 'PASS'],
      ['whatsapp-webhooks', 'PASS'],
      ['whatsapp-templates', 'PASS'],
      ['public-url', 'PASS'],
      ['webhook-route', 'PASS'],
      ['outbox', 'PASS'],
      ['scheduler', 'PASS'],
    ]);
    expect(code).toBe(0);
    for (const result of results) {
      expect(Object.keys(result)).toEqual(['check', 'status', 'detail', 'fix']);
      expect(result.fix).toBeNull();
    }
    const byCheck = new Map(results.map((r) => [r.check, r.detail]));
    expect(byCheck.get('whatsapp-number')).toContain(
      `in business account ${SIMULATOR_BUSINESS_ACCOUNT_ID}`,
    );
    expect(byCheck.get('public-url')).toMatch(
      /over https; certificate valid until \d{4}-\d\d-\d\d \(Spendline test authority\)/,
    );
  });

  it('prints one line per check with its fix beneath, and a tally', async () => {
    const { code, out } = await doctor(liveEnv({ WHATSAPP_VERIFY_TOKEN: 'not-what-the-api-has' }));
    expect(code).toBe(1);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^PASS {2}configuration {7}valid: NODE_ENV=development, /);
    const failed = lines.findIndex((line) => line.startsWith('FAIL  webhook-route'));
    expect(lines[failed]).toContain('refused the verify token');
    expect(lines[failed + 1]).toMatch(/^ {26}fix: Give the api the same WHATSAPP_VERIFY_TOKEN/);
    expect(lines.at(-1)).toBe('9 passed, 0 to look at, 1 failed.');
  });

  const faults: [AccountFault, string, 'WARN' | 'FAIL', RegExp][] = [
    [
      'bad-token',
      'whatsapp-number',
      'FAIL',
      /^Meta refused WHATSAPP_ACCESS_TOKEN: Error validating access token.* \(190\/463\)$/,
    ],
    [
      'wrong-phone-id',
      'whatsapp-number',
      'FAIL',
      new RegExp(`no phone number with id ${SIMULATOR_PHONE_NUMBER_ID}.*\\(100/33\\)`),
    ],
    ['unsubscribed', 'whatsapp-webhooks', 'FAIL', /no app is subscribed to business account/],
    ['no-messages-field', 'whatsapp-webhooks', 'FAIL', /not subscribed to the messages field/],
    [
      'template-rejected',
      'whatsapp-templates',
      'FAIL',
      /spendline_otp is not approved \(REJECTED INVALID_FORMAT in en\)/,
    ],
    [
      'template-pending',
      'whatsapp-templates',
      'WARN',
      /spendline_notice is not approved \(PENDING in en\)/,
    ],
  ];

  it.each(faults)("finds the simulator's %s in %s (%s)", async (fault, check, status, detail) => {
    simulator.account.setFaults(fault);
    const { code, byCheck, results } = await doctorJson(liveEnv());
    expect(byCheck.get(check)).toMatchObject({ status, detail: expect.stringMatching(detail) });
    expect(byCheck.get(check)?.fix).toMatch(/\w/);
    // A pending review is worth a look, not a failure: the exit code says which.
    expect(code).toBe(status === 'FAIL' ? 1 : 0);
    const others = results.filter((r) => r.check !== check && r.check.startsWith('whatsapp-'));
    if (fault === 'bad-token') {
      expect(others.map((r) => [r.status, r.detail])).toEqual([
        ['WARN', 'not checked: Meta refused the access token'],
        ['WARN', 'not checked: Meta refused the access token'],
      ]);
    } else {
      expect(others.map((r) => r.status)).toEqual(['PASS', 'PASS']);
    }
  });

  it('tells a WEBHOOK_SECRET that is not the app secret, which would refuse every webhook', async () => {
    const { byCheck } = await doctorJson(liveEnv({ WEBHOOK_SECRET: 'development-webhook-secret' }));
    expect(byCheck.get('whatsapp-webhooks')).toMatchObject({
      status: 'FAIL',
      detail: expect.stringContaining("WEBHOOK_SECRET is not this app's secret"),
      fix: expect.stringContaining('App secret'),
    });
  });

  it('names a template that does not exist, and the languages linked users lack', async () => {
    simulator.account.setTemplates(
      SIMULATOR_TEMPLATES.filter((t) => t.name !== 'spendline_notice'),
    );
    const missing = await doctorJson(liveEnv());
    expect(missing.byCheck.get('whatsapp-templates')).toMatchObject({
      status: 'FAIL',
      detail: expect.stringContaining('spendline_notice does not exist'),
      fix: expect.stringContaining('"Spendline: {{1}}"'),
    });

    simulator.account.setTemplates([...SIMULATOR_TEMPLATES]);
    await withDatabase(async (db) => {
      const user = await db.prisma.user.create({
        data: { email: 'de@example.com', displayName: 'De', locale: 'de-DE' },
      });
      await db.prisma.whatsAppLink.create({
        data: { userId: user.id, phoneNumber: '+4915112345678' },
      });
    });
    try {
      const german = await doctorJson(liveEnv());
      expect(german.byCheck.get('whatsapp-templates')).toMatchObject({
        status: 'WARN',
        detail: expect.stringContaining('spendline_otp approved in en, but linked users need de'),
      });
    } finally {
      await withDatabase((db) => db.prisma.user.deleteMany({ where: { email: 'de@example.com' } }));
    }
  });

  it('leaves Meta alone in sandbox mode and passes it with warnings (exit 0)', async () => {
    const env = liveEnv({
      WHATSAPP_ACCESS_TOKEN: '',
      PUBLIC_URL: 'http://localhost:3999',
      WHATSAPP_VERIFY_TOKEN: '',
    });
    const { code, byCheck } = await doctorJson(env);
    for (const check of ['whatsapp-number', 'whatsapp-webhooks', 'whatsapp-templates']) {
      expect(byCheck.get(check)).toMatchObject({
        status: 'WARN',
        detail: expect.stringMatching(/^sandbox: not checked/),
      });
    }
    expect(byCheck.get('public-url')).toMatchObject({
      status: 'WARN',
      detail: expect.stringContaining('http://localhost:3999 is this machine over plain http'),
    });
    expect(code).toBe(0);
  });

  it('reports a bad setting in words and still runs the other checks', async () => {
    const { code, byCheck } = await doctorJson(liveEnv({ API_PORT: 'eighty', LOG_LEVEL: 'loud' }));
    expect(byCheck.get('configuration')).toMatchObject({
      status: 'FAIL',
      detail: expect.stringMatching(
        /^LOG_LEVEL: .*; API_PORT: .* \(the other checks ran with their defaults\)$/,
      ),
      fix: 'Correct LOG_LEVEL, API_PORT in .env or the environment; .env.example documents each setting.',
    });
    expect(byCheck.get('database')?.status).toBe('PASS');
    expect(byCheck.get('whatsapp-number')?.status).toBe('PASS');
    expect(code).toBe(1);
  });

  it('checks no table of a database that is not migrated, and says so', async () => {
    const env = liveEnv();
    if (env.DATABASE_URL) {
      const url = new URL(env.DATABASE_URL);
      url.searchParams.set('schema', `doctor_empty_${randomBytes(4).toString('hex')}`);
      env.DATABASE_URL = url.toString();
    } else {
      env.DATA_DIR = mkdtempSync(join(tmpdir(), 'spendline-doctor-empty-'));
      await (await openDatabase({ dataDir: env.DATA_DIR })).close();
    }
    const { code, byCheck } = await doctorJson(env);
    expect(byCheck.get('migrations')).toMatchObject({ status: 'FAIL' });
    for (const check of ['outbox', 'scheduler']) {
      expect(byCheck.get(check)).toMatchObject({
        status: 'WARN',
        detail: 'not checked: the migrations are not applied',
        fix: 'Run npm run db:migrate (the api also applies them when it starts).',
      });
    }
    expect(code).toBe(1);
  });

  it.skipIf(Boolean(process.env.DATABASE_URL))(
    'says when the embedded database is held by the running api, and asks its /healthz',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'spendline-doctor-held-'));
      // The lock PGlite's directory gets from a live process: this test run's parent.
      writeFileSync(join(dataDir, 'spendline.lock'), String(process.ppid));
      const { byCheck } = await doctorJson(liveEnv({ DATA_DIR: dataDir }));
      expect(byCheck.get('database')).toMatchObject({
        status: 'WARN',
        detail: expect.stringMatching(
          new RegExp(`is open in process ${process.ppid} .* The api there reports it up \\(`),
        ),
      });
      expect(byCheck.get('outbox')?.detail).toBe(
        'not checked: the embedded database is open in another process (PGlite allows one)',
      );
    },
  );

  it('finds a proxy that drops POST, one that does not forward /whatsapp/, and a wrong verify token', async () => {
    deployment.behave({ forwardsPost: false });
    expect((await doctorJson(liveEnv())).byCheck.get('webhook-route')).toMatchObject({
      status: 'FAIL',
      detail: expect.stringMatching(
        /answers Meta's challenge, but POST .*\/whatsapp\/test\/ got 405/,
      ),
    });

    deployment.behave({ forwardsPost: true, forwardsWhatsApp: false });
    expect((await doctorJson(liveEnv())).byCheck.get('webhook-route')).toMatchObject({
      status: 'FAIL',
      detail: expect.stringContaining(`but the api at ${deployment.apiUrl} answers the challenge`),
      fix: expect.stringContaining('Forward /whatsapp/'),
    });

    deployment.behave({ forwardsWhatsApp: true, verifyToken: 'the-api-has-another' });
    expect((await doctorJson(liveEnv())).byCheck.get('webhook-route')).toMatchObject({
      status: 'FAIL',
      detail: expect.stringContaining('refused the verify token'),
    });
  });
});
