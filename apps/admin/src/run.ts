import { ConfigError, loadConfig, type Config } from '@spendline/config';
import { DataDirInUseError, openDatabase, type Database } from '@spendline/db';
import { InputError, parseOptions, UsageError, type Command } from './cli.ts';
import type { Progress } from './progress.ts';
import { createDefaultCategoriesCommand } from './commands/create-default-categories.ts';
import { createUser } from './commands/create-user.ts';
import { doctor } from './commands/doctor.ts';
import { importCommand } from './commands/import.ts';
import { migrate } from './commands/migrate.ts';
import { grantOperator, revokeOperator } from './commands/operator.ts';
import { resetPassword } from './commands/reset-password.ts';
import type { ReadSecret } from './secret-input.ts';

export const commands: Record<string, Command> = {
  migrate,
  'create-user': createUser,
  'create-default-categories': createDefaultCategoriesCommand,
  import: importCommand,
  'reset-password': resetPassword,
  doctor,
  'grant-operator': grantOperator,
  'revoke-operator': revokeOperator,
};

export function usage(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  return [
    'Usage: npm run admin -- <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    ...Object.values(commands).map((c) => `  ${c.usage}`),
  ].join('\n');
}

export interface RunIO {
  env?: Record<string, string | undefined>;
  envFile?: string | undefined;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Where the detail of an unexpected failure goes (a stack trace); dropped when not given. */
  log?: (error: unknown) => void;
  /** Progress of long work; silent when not given. */
  progress?: (total: number) => Progress;
  /** Where secrets are read from; commands that need one fail without it. */
  readSecret?: ReadSecret;
}

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 300) ||
  'unexpected error';

const silent = (): Progress => ({ update: () => {}, stop: () => {} });
const noSecrets: ReadSecret = () =>
  Promise.reject(
    new InputError('This command reads a secret, and there is no input to read it from.'),
  );

/** Runs one admin command; resolves to the process exit code. */
export async function runAdmin(argv: string[], io: RunIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    (name ? io.out : io.err)(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  let db: Database | undefined;
  try {
    const values = parseOptions(command, args);
    const environment = { env: io.env ?? process.env, envFile: io.envFile };
    let config: Config | undefined = command.reportsConfiguration
      ? undefined
      : loadConfig(environment);
    const readConfig = () => (config ??= loadConfig(environment));
    const code = await command.run(values, {
      get config() {
        return readConfig();
      },
      environment,
      out: io.out,
      progress: io.progress ?? silent,
      readSecret: io.readSecret ?? noSecrets,
      database: async () => {
        if (!db) {
          const { DATABASE_URL, DATA_DIR } = readConfig();
          db = await openDatabase({ databaseUrl: DATABASE_URL, dataDir: DATA_DIR });
          const applied = await db.migrate();
          if (applied.length > 0) io.out(`Applied migrations: ${applied.join(', ')}`);
        }
        return db;
      },
    });
    return code ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\nUsage: npm run admin -- ${command.usage}`);
      return 2;
    }
    if (
      error instanceof ConfigError ||
      error instanceof DataDirInUseError ||
      error instanceof InputError
    ) {
      io.err(error.message);
      return 1;
    }
    // Whatever else stopped the run is said in a line, not a stack trace; the detail
    // goes to the log for whoever looks into it.
    io.err(`${name} stopped: ${firstLine(error)}`);
    io.log?.(error);
    return 1;
  } finally {
    await db?.close();
  }
}
