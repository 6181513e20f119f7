import type { Config } from '@spendline/config';
import { CHECKS, fail, pass, warn, type CheckResult } from './check.ts';
import { certificateProblem, probe, unreachable } from './probe.ts';

/** Renewal is due: Caddy renews 30 days ahead, so a certificate this close to its end is stuck. */
const RENEW_DAYS = 14;

const LOOPBACK = /^(localhost|.*\.localhost|127(\.\d+){3}|\[::1\])$/i;

export function isLoopback(url: URL): boolean {
  return LOOPBACK.test(url.hostname);
}

/**
 * PUBLIC_URL as Meta and people reach it: the name resolves, something answers, and over
 * https with a certificate a browser (and Meta) accepts. Plain http passes only for
 * trying Spendline on this machine in sandbox mode.
 */
export async function checkPublicUrl(
  config: Config,
  { sandbox, timeoutMs, now }: { sandbox: boolean; timeoutMs: number; now: Date },
): Promise<CheckResult> {
  const check = CHECKS.publicUrl;
  const url = new URL(config.PUBLIC_URL);
  const answer = await probe(url, { timeoutMs });
  const https = url.protocol === 'https:';
  const httpsFix = `Serve Spendline over HTTPS at a public name (the compose file's https profile runs Caddy for it) and set PUBLIC_URL=https://<that name>.`;

  if (!https) {
    const reached = answer.ok ? `it answers ${answer.status}` : unreachable(url, answer);
    if (sandbox && isLoopback(url)) {
      return warn(
        check,
        `${url.origin} is this machine over plain http (${reached}): fine for trying Spendline here, but Meta cannot reach it`,
        httpsFix,
      );
    }
    return (sandbox ? warn : fail)(
      check,
      `${url.origin} is plain http (${reached}): Meta calls only https webhooks, and browsers would send passwords in clear`,
      httpsFix,
    );
  }

  if (!answer.ok) {
    const problem = certificateProblem(answer);
    if (problem) {
      return fail(
        check,
        `${url.origin}: ${problem}; Meta refuses webhooks over it and browsers warn`,
        `Serve a certificate from a public authority for ${url.hostname}, with its intermediate certificates (Caddy gets and renews one by itself once ports 80 and 443 reach it).`,
      );
    }
    return fail(
      check,
      `${url.origin}: ${unreachable(url, answer)}`,
      answer.code === 'ENOTFOUND' || answer.code === 'EAI_AGAIN'
        ? `Point a DNS record (A or AAAA) for ${url.hostname} at this server, or correct PUBLIC_URL.`
        : `Start the proxy (Caddy, nginx) or the web app that serves ${url.host}, and open its port in the firewall.`,
    );
  }
  if (answer.status >= 500) {
    return fail(
      check,
      `${url.origin} answered ${answer.status}: the server in front is up, the app behind it is not`,
      'Start the web app and the api, and check the upstream address the proxy forwards to.',
    );
  }
  const certificate = answer.certificate;
  const until = certificate
    ? `certificate valid until ${certificate.validTo.toISOString().slice(0, 10)} (${certificate.issuer})`
    : 'certificate valid';
  const daysLeft = certificate
    ? (certificate.validTo.getTime() - now.getTime()) / 86_400_000
    : Infinity;
  if (daysLeft < RENEW_DAYS) {
    return warn(
      check,
      `${url.origin} answered ${answer.status}, but its ${until} runs out in ${Math.max(0, Math.floor(daysLeft))} days`,
      'Renew it; Caddy renews by itself when ports 80 and 443 reach it, so check its log.',
    );
  }
  return pass(
    check,
    `${url.origin} answered ${answer.status} in ${answer.ms} ms over https; ${until}`,
  );
}
