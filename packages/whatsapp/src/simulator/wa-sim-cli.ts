import { ACCOUNT_FAULTS, type AccountFault } from './business-account.ts';
import {
  DEFAULT_SIMULATOR_PORT,
  DEVELOPMENT_WEBHOOK_SECRET,
  SIMULATOR_API_VERSION,
  SIMULATOR_BUSINESS_ACCOUNT_ID,
  SIMULATOR_PHONE_NUMBER_ID,
} from './defaults.ts';
import {
  SIMULATED_FAILURES,
  type GraphSimulatorOptions,
  type SimulatedFailure,
} from './graph-simulator.ts';

export const SIMULATOR_ACCESS_TOKEN = 'simulator-access-token';

function isSimulatedFailure(value: string): value is SimulatedFailure {
  return (SIMULATED_FAILURES as readonly string[]).includes(value);
}

function isAccountFault(value: string): value is AccountFault {
  return (ACCOUNT_FAULTS as readonly string[]).includes(value);
}

/**
 * Reads `wa-sim`'s settings: WA_SIM_PORT (default 4100), WA_SIM_HOST (default
 * 127.0.0.1), WA_SIM_FAIL_RATE (0 to 1), WA_SIM_FAIL_WITH (comma list of 429, 500,
 * timeout, 131056, lost-answer) and WA_SIM_SEED. Returns every problem at once.
 * WA_SIM_ACCOUNT_FAULTS (comma list of ACCOUNT_FAULTS) sets the business account up wrong.
 */
export function simulatorOptionsFromEnv(
  env: Record<string, string | undefined>,
): { ok: true; options: GraphSimulatorOptions } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const options: GraphSimulatorOptions = { port: DEFAULT_SIMULATOR_PORT };
  if (env.WA_SIM_PORT) {
    const port = Number(env.WA_SIM_PORT);
    if (Number.isInteger(port) && port >= 0 && port <= 65535) options.port = port;
    else problems.push(`WA_SIM_PORT must be a port number, got ${env.WA_SIM_PORT}`);
  }
  if (env.WA_SIM_HOST) options.host = env.WA_SIM_HOST;
  if (env.WA_SIM_FAIL_RATE) {
    const rate = Number(env.WA_SIM_FAIL_RATE);
    if (rate >= 0 && rate <= 1) options.failRate = rate;
    else problems.push(`WA_SIM_FAIL_RATE must be between 0 and 1, got ${env.WA_SIM_FAIL_RATE}`);
  }
  if (env.WA_SIM_FAIL_WITH) {
    const kinds = env.WA_SIM_FAIL_WITH.split(',')
      .map((kind) => kind.trim())
      .filter(Boolean);
    const unknown = kinds.filter((kind) => !isSimulatedFailure(kind));
    if (unknown.length > 0) {
      problems.push(
        `WA_SIM_FAIL_WITH: unknown ${unknown.join(', ')} (use ${SIMULATED_FAILURES.join(', ')})`,
      );
    } else {
      options.failWith = kinds.filter(isSimulatedFailure);
    }
  }
  if (env.WA_SIM_SEED) {
    const seed = Number(env.WA_SIM_SEED);
    if (Number.isInteger(seed)) options.seed = seed;
    else problems.push(`WA_SIM_SEED must be an integer, got ${env.WA_SIM_SEED}`);
  }
  if (env.WA_SIM_ACCOUNT_FAULTS) {
    const faults = env.WA_SIM_ACCOUNT_FAULTS.split(',')
      .map((fault) => fault.trim())
      .filter(Boolean);
    const unknown = faults.filter((fault) => !isAccountFault(fault));
    if (unknown.length > 0) {
      problems.push(
        `WA_SIM_ACCOUNT_FAULTS: unknown ${unknown.join(', ')} (use ${ACCOUNT_FAULTS.join(', ')})`,
      );
    } else {
      options.account = { faults: faults.filter(isAccountFault) };
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, options };
}

/** What a developer needs to point the api and `wa` at a simulator listening on `port`. */
export function simulatorBanner(port: number): string {
  const origin = `http://127.0.0.1:${port}`;
  return `WhatsApp Graph simulator listening on ${origin}

Point the api at it (any non-empty access token leaves sandbox mode):
  WHATSAPP_API_URL=${origin}/${SIMULATOR_API_VERSION}
  WHATSAPP_ACCESS_TOKEN=${SIMULATOR_ACCESS_TOKEN}
  WHATSAPP_PHONE_NUMBER_ID=${SIMULATOR_PHONE_NUMBER_ID}
  WHATSAPP_BUSINESS_ACCOUNT_ID=${SIMULATOR_BUSINESS_ACCOUNT_ID}
  WEBHOOK_SECRET=${DEVELOPMENT_WEBHOOK_SECRET}

Check that setup as it would be checked against Meta: npm run admin -- doctor

Then talk to the api as a WhatsApp user:
  WA_SIM_URL=${origin} node packages/whatsapp/bin/wa.ts --from 919812345678 "120 petrol"

Recorded messages: GET ${origin}/messages (DELETE to clear). Ctrl-C stops.`;
}
