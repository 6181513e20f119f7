import {
  ConfigError,
  isWhatsAppSandbox,
  loadConfig,
  type Config,
  type LoadConfigOptions,
} from '@spendline/config';
import { CHECKS, fail, pass, warn, type CheckResult } from './check.ts';

const SHOWN_PROBLEMS = 3;

/**
 * A configuration the other checks can run on: the bad settings at their defaults, and
 * when that is still refused (production without its secrets), development's defaults.
 */
function withoutBadSettings(
  { env = process.env, envFile }: LoadConfigOptions,
  bad: readonly string[],
): Config | undefined {
  // An empty variable counts as unset and hides the .env file's value.
  const cleared = Object.fromEntries(bad.map((setting) => [setting, '']));
  for (const attempt of [cleared, { ...cleared, NODE_ENV: '' }]) {
    try {
      return loadConfig({ env: { ...env, ...attempt }, envFile });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
    }
  }
  return undefined;
}

function mode(config: Config): string {
  const database = config.DATABASE_URL ? 'PostgreSQL' : 'the embedded database';
  const whatsapp = isWhatsAppSandbox(config)
    ? 'sandbox mode (no WHATSAPP_ACCESS_TOKEN: nothing is sent to Meta)'
    : `WhatsApp through ${new URL(config.WHATSAPP_API_URL).origin}`;
  return `NODE_ENV=${config.NODE_ENV}, ${database}, ${whatsapp}`;
}

/**
 * Loads the configuration as the api does. A bad one fails the check in words, and the
 * other checks still get one to run on (undefined only when nothing can be salvaged).
 */
export function checkConfiguration(options: LoadConfigOptions): {
  result: CheckResult;
  config: Config | undefined;
} {
  try {
    const config = loadConfig(options);
    if (config.NODE_ENV === 'production' && isWhatsAppSandbox(config)) {
      return {
        config,
        result: warn(
          CHECKS.configuration,
          `valid, but production runs without WHATSAPP_ACCESS_TOKEN: nothing is sent on WhatsApp (${mode(config)})`,
          'Set WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_BUSINESS_ACCOUNT_ID (docs/meta-setup.md).',
        ),
      };
    }
    return { config, result: pass(CHECKS.configuration, `valid: ${mode(config)}`) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const settings = [...new Set(error.problems.map((p) => p.setting))];
    const shown = error.problems.slice(0, SHOWN_PROBLEMS).map((p) => `${p.setting}: ${p.message}`);
    const more = error.problems.length - shown.length;
    const config = withoutBadSettings(options, settings);
    const rest = config
      ? 'the other checks ran with their defaults'
      : 'the other checks could not run';
    return {
      config,
      result: fail(
        CHECKS.configuration,
        `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''} (${rest})`,
        `Correct ${settings.join(', ')} in .env or the environment; .env.example documents each setting.`,
      ),
    };
  }
}
