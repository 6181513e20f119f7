import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { Config } from '@spendline/config';
import type { Database } from '@spendline/db';

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CommandContext {
  config: Config;
  /** Opens (and migrates) the configured database once, on first use. */
  database: () => Promise<Database>;
  out: (line: string) => void;
}

export interface Command {
  summary: string;
  usage: string;
  options: ParseArgsOptionsConfig;
  run(values: Record<string, string | boolean | undefined>, context: CommandContext): Promise<void>;
}

export function parseOptions(command: Command, args: string[]) {
  try {
    return parseArgs({ args, options: command.options, strict: true, allowPositionals: false })
      .values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function requireString(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(`--${name} is required`);
  return value;
}

export function optionalString(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
