import { isWhatsAppSandbox, type Config, type LoadConfigOptions } from '@spendline/config';
import type { Database } from '@spendline/db';
import { createAccountReader } from '@spendline/whatsapp';
import { CHECKS, guarded, warn, type CheckResult } from './check.ts';
import { checkConfiguration } from './configuration.ts';
import { checkMigrations, openAndCheckDatabase } from './database.ts';
import { checkOutbox } from './outbox.ts';
import { checkPublicUrl } from './public-url.ts';
import { checkScheduler } from './scheduler.ts';
import { checkWebhookRoute } from './webhook-route.ts';
import { checkWhatsApp } from './whatsapp.ts';

export interface DoctorOptions {
  /** Where the configuration comes from, as the api reads it. */
  environment: LoadConfigOptions;
  /** For each network request and database statement. Default 5 s. */
  timeoutMs?: number;
  now?: () => Date;
}

/**
 * The locales of users with a linked number: the template languages they need. None
 * when the database cannot tell (not migrated yet).
 */
async function localesInUse(db: Database | undefined): Promise<string[]> {
  if (!db) return [];
  const users = await db.prisma.user
    .findMany({
      where: { whatsAppLinks: { some: { active: true } } },
      distinct: ['locale'],
      select: { locale: true },
    })
    .catch(() => []);
  return users.map((user) => user.locale);
}

async function databaseChecks(config: Config, timeoutMs: number, now: Date) {
  const opened = await openAndCheckDatabase(config, timeoutMs);
  if (!opened.db) {
    const skipped = (check: string) =>
      warn(check, `not checked: ${opened.why}`, opened.result.fix ?? 'See the database check.');
    return {
      db: undefined,
      results: {
        database: opened.result,
        migrations: skipped(CHECKS.migrations),
        outbox: skipped(CHECKS.outbox),
        scheduler: skipped(CHECKS.scheduler),
      },
    };
  }
  const { db } = opened;
  const migrations = await guarded(CHECKS.migrations, () => checkMigrations(db, timeoutMs));
  if (migrations.status === 'FAIL') {
    // Their tables may not be there yet.
    const skipped = (check: string) =>
      warn(check, 'not checked: the migrations are not applied', migrations.fix ?? '');
    return {
      db,
      results: {
        database: opened.result,
        migrations,
        outbox: skipped(CHECKS.outbox),
        scheduler: skipped(CHECKS.scheduler),
      },
    };
  }
  const [outbox, scheduler] = await Promise.all([
    guarded(CHECKS.outbox, () => checkOutbox(db.prisma, now)),
    guarded(CHECKS.scheduler, () => checkScheduler(db.prisma, now)),
  ]);
  return { db, results: { database: opened.result, migrations, outbox, scheduler } };
}

/**
 * Every check, in report order. Nothing is changed anywhere: the database is opened
 * without migrating it and Meta is only read from.
 */
export async function runDoctor({
  environment,
  timeoutMs = 5_000,
  now = () => new Date(),
}: DoctorOptions): Promise<CheckResult[]> {
  const { result: configuration, config } = checkConfiguration(environment);
  if (!config) {
    const skipped = Object.values(CHECKS)
      .filter((check) => check !== CHECKS.configuration)
      .map((check) =>
        warn(check, 'not checked: the configuration is invalid', configuration.fix ?? ''),
      );
    return [configuration, ...skipped];
  }
  const sandbox = isWhatsAppSandbox(config);
  const reader = sandbox
    ? undefined
    : createAccountReader({
        apiUrl: config.WHATSAPP_API_URL,
        accessToken: config.WHATSAPP_ACCESS_TOKEN ?? '',
        timeoutMs,
      });
  const { db, results } = await databaseChecks(config, timeoutMs, now());
  try {
    const [whatsapp, publicUrl, webhookRoute] = await Promise.all([
      localesInUse(db).then((locales) => checkWhatsApp(config, reader, locales)),
      guarded(CHECKS.publicUrl, () => checkPublicUrl(config, { sandbox, timeoutMs, now: now() })),
      guarded(CHECKS.webhookRoute, () => checkWebhookRoute(config, { sandbox, timeoutMs })),
    ]);
    return [
      configuration,
      results.database,
      results.migrations,
      whatsapp.number,
      whatsapp.webhooks,
      whatsapp.templates,
      publicUrl,
      webhookRoute,
      results.outbox,
      results.scheduler,
    ];
  } finally {
    await db?.close();
  }
}

/** The report for a terminal: one line per check, its fix beneath, and a tally. */
export function formatReport(results: readonly CheckResult[]): string[] {
  const width = Math.max(...results.map((r) => r.check.length));
  const lines: string[] = [];
  for (const result of results) {
    lines.push(`${result.status}  ${result.check.padEnd(width)}  ${result.detail}`);
    if (result.fix) lines.push(`${' '.repeat(8 + width)}fix: ${result.fix}`);
  }
  const count = (status: CheckResult['status']) =>
    results.filter((r) => r.status === status).length;
  lines.push('', `${count('PASS')} passed, ${count('WARN')} to look at, ${count('FAIL')} failed.`);
  return lines;
}
