import { randomInt } from 'node:crypto';
import type { Config } from '@spendline/config';
import { CHECKS, fail, pass, warn, type CheckResult } from './check.ts';
import { probe, unreachable, type Probe } from './probe.ts';

const WEBHOOK_PATH = '/whatsapp/webhook/';
const ROUTING_CHECK_PATH = '/whatsapp/test/';

function verifyUrl(base: string, token: string, challenge: string): URL {
  const url = new URL(WEBHOOK_PATH, base);
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.verify_token', token);
  url.searchParams.set('hub.challenge', challenge);
  return url;
}

function answered(result: Probe, challenge: string): boolean {
  return result.ok && result.status === 200 && result.body === challenge;
}

/** What a verification request got instead of the challenge. */
function describe(url: URL, result: Probe): string {
  if (!result.ok) return `no answer (${unreachable(url, result)})`;
  if (result.status === 200)
    return `200 without the challenge (${JSON.stringify(result.body.slice(0, 60))})`;
  return `${result.status} ${result.body.slice(0, 60).replace(/\s+/g, ' ').trim()}`.trim();
}

/**
 * Meta's verification request, as Meta sends it, to PUBLIC_URL's webhook route: the
 * challenge must come back. Then POST /whatsapp/test/ (the routing check) must get
 * through too, as Meta's notifications are POSTs. When PUBLIC_URL fails, the api itself
 * (API_URL) is asked, to tell a broken proxy from a stopped api.
 */
export async function checkWebhookRoute(
  config: Config,
  { sandbox, timeoutMs }: { sandbox: boolean; timeoutMs: number },
): Promise<CheckResult> {
  const check = CHECKS.webhookRoute;
  const token = config.WHATSAPP_VERIFY_TOKEN;
  const tokenFix =
    "Set WHATSAPP_VERIFY_TOKEN to a long random string, give the api the same, and enter it in the app's WhatsApp > Configuration.";
  if (!token) {
    return sandbox
      ? warn(
          check,
          'not checked: WHATSAPP_VERIFY_TOKEN is not set (sandbox mode does not need it)',
          tokenFix,
        )
      : fail(
          check,
          "WHATSAPP_VERIFY_TOKEN is not set: Meta's webhook verification fails",
          tokenFix,
        );
  }
  const challenge = String(randomInt(1e9, 2e9));
  const publicUrl = verifyUrl(config.PUBLIC_URL, token, challenge);
  const viaPublic = await probe(publicUrl, { timeoutMs });
  const shown = new URL(WEBHOOK_PATH, config.PUBLIC_URL).href;

  if (answered(viaPublic, challenge)) {
    const routing = new URL(ROUTING_CHECK_PATH, config.PUBLIC_URL);
    const post = await probe(routing, { method: 'POST', timeoutMs });
    let success = false;
    if (post.ok && post.status === 200) {
      try {
        success = (JSON.parse(post.body) as { status?: unknown }).status === 'success';
      } catch {
        success = false;
      }
    }
    if (!success) {
      return fail(
        check,
        `GET ${shown} answers Meta's challenge, but POST ${routing.href} got ${describe(routing, post)}: Meta's notifications are POSTs`,
        'Let the proxy pass POST requests (and their bodies, unchanged) for /whatsapp/ through to the web app or the api.',
      );
    }
    return pass(
      check,
      `GET ${shown} answers Meta's challenge and POST ${routing.pathname} gets through`,
    );
  }

  if (viaPublic.ok && viaPublic.status === 403) {
    return fail(
      check,
      `${shown} refused the verify token: the api runs with another WHATSAPP_VERIFY_TOKEN than this configuration`,
      'Give the api the same WHATSAPP_VERIFY_TOKEN (the same .env) and restart it.',
    );
  }
  const direct = await probe(verifyUrl(config.API_URL, token, challenge), { timeoutMs });
  const got = describe(publicUrl, viaPublic);
  if (answered(direct, challenge)) {
    const fix =
      viaPublic.ok && viaPublic.status === 400
        ? `Add ${publicUrl.hostname} to ALLOWED_HOSTS of both the web app and the api.`
        : 'Forward /whatsapp/ (and /graphql) to the web app, which passes them to the api, keeping the Host header (docs/proxies.md).';
    return fail(
      check,
      `${shown} got ${got}, but the api at ${config.API_URL} answers the challenge: the way from PUBLIC_URL to the api is broken`,
      fix,
    );
  }
  if (direct.ok && direct.status === 403) {
    return fail(
      check,
      `the api at ${config.API_URL} refused the verify token: it runs with another WHATSAPP_VERIFY_TOKEN`,
      'Give the api the same WHATSAPP_VERIFY_TOKEN (the same .env) and restart it.',
    );
  }
  return (sandbox ? warn : fail)(
    check,
    `${shown} got ${got}, and the api at ${config.API_URL} ${direct.ok ? `answered ${direct.status}` : `is not reachable (${unreachable(new URL(config.API_URL), direct)})`}`,
    'Start the api (npm start, or docker compose up) and look at its log.',
  );
}
