import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { Config, LoadConfigOptions } from '@spendline/config';
import type { Database } from '@spendline/db';
import type { Progress } from './progress.ts';
import type { ReadSecret } from './secret-input.ts';

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Input the command cannot work with (a file that is no CSV): printed alone, exit code 1. */
export class InputError extends Error {
  override name = 'InputError';
}

export interface CommandContext {
  config: Config;
  /** Where the configuration is read from, for a command that reads it itself. */
  environment: LoadConfigOptions;
  /** Opens (and migrates) the configured database once, on first use. */
  database: () => Promise<Database>;
  out: (line: string) => void;
  /** Starts showing the progress of long work over `total` units. */
  progress: (total: number) => Progress;
  /** Asks for a secret (a password) without echoing it or taking it as an argument. */
  readSecret: ReadSecret;
}

export interface Command {
  summary: string;
  usage: string;
  options: ParseArgsOptionsConfig;
  /** Names of the arguments given without a flag, in order ("import FILE"). */
  positionals?: readonly string[];
  /**
   * Runs even when the configuration is invalid, and says so itself (doctor); for the
   * others a bad setting stops the command before it starts.
   */
  reportsConfiguration?: boolean;
  /** Resolves to the exit code, or to nothing for 0. */
  run(
    values: Record<string, string | boolean | undefined>,
    context: CommandContext,
  ): Promise<void | number>;
}

export function parseOptions(command: Command, args: string[]) {
  const names = command.positionals ?? [];
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: command.options,
      strict: true,
      allowPositionals: names.length > 0,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.positionals.length > names.length)
    throw new UsageError(`unexpected argument "${parsed.positionals[names.length]}"`);
  const values = parsed.values as Record<string, string | boolean | undefined>;
  names.forEach((name, i) => (values[name] = parsed.positionals[i]));
  return values;
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
