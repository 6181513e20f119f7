import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import type { z } from 'zod';
import { envSchema, type Config } from './schema.ts';

/** Names each bad or missing setting, so the person starting the server can act. */
export class ConfigError extends Error {
  readonly problems: readonly { setting: string; message: string }[];

  constructor(problems: { setting: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p.setting}: ${p.message}`).join('\n')}\n` +
        'See .env.example for every setting.',
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

function problemsOf(error: z.ZodError): { setting: string; message: string }[] {
  return error.issues.map((issue) => ({
    setting: issue.path.join('.') || '(environment)',
    message: issue.message,
  }));
}

export interface LoadConfigOptions {
  env?: Record<string, string | undefined>;
  /** A .env file read beneath the environment; real variables win. */
  envFile?: string | undefined;
}

/** Reads and validates the configuration once; throws ConfigError naming each bad setting. */
export function loadConfig({
  env = process.env,
  envFile = '.env',
}: LoadConfigOptions = {}): Config {
  const fromFile = envFile && existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  // An empty variable counts as unset, as in most deployment tools.
  const merged = Object.fromEntries(
    Object.entries({ ...fromFile, ...env }).filter(
      ([, value]) => value !== undefined && value !== '',
    ),
  );
  const result = envSchema.safeParse(merged);
  if (!result.success) throw new ConfigError(problemsOf(result.error));
  return Object.freeze(result.data);
}

/** Sandbox mode: no access token, so nothing is sent to Meta. */
export function isWhatsAppSandbox(config: Config): boolean {
  return !config.WHATSAPP_ACCESS_TOKEN;
}
