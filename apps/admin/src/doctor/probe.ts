// One HTTP(S) request with a deadline, for the checks that look at this deployment from
// outside: what answered, or why nothing did, in terms an operator can act on.
import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';

export interface Certificate {
  validTo: Date;
  /** The issuer's organisation or common name. */
  issuer: string;
}

export type Probe =
  | { ok: true; status: number; body: string; ms: number; certificate?: Certificate }
  | {
      ok: false;
      /** Node's error code: ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED, TIMEOUT... */
      code: string;
      message: string;
    };

export interface ProbeOptions {
  method?: 'GET' | 'POST';
  timeoutMs: number;
  headers?: Record<string, string>;
}

const MAX_BODY = 64 * 1024;

function certificateOf(socket: TLSSocket): Certificate | undefined {
  const peer = socket.getPeerCertificate();
  if (!peer.valid_to) return undefined;
  const issuer = peer.issuer as Record<string, string | string[] | undefined> | undefined;
  const name = [issuer?.O, issuer?.CN].find((value) => typeof value === 'string');
  return { validTo: new Date(peer.valid_to), issuer: typeof name === 'string' ? name : 'unknown' };
}

/** Requests `url`, checking the certificate of an https one the way Meta and browsers do. */
export function probe(
  url: URL,
  { method = 'GET', timeoutMs, headers = {} }: ProbeOptions,
): Promise<Probe> {
  const client = url.protocol === 'https:' ? https : http;
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: Probe) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const sent = method === 'POST' ? { ...headers, 'content-length': '0' } : headers;
    const request = client.request(url, { method, headers: sent, agent: false }, (response) => {
      const certificate =
        'getPeerCertificate' in response.socket
          ? certificateOf(response.socket as TLSSocket)
          : undefined;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (body.length < MAX_BODY) body += chunk;
      });
      response.on('end', () =>
        settle({
          ok: true,
          status: response.statusCode ?? 0,
          body: body.slice(0, MAX_BODY),
          ms: Math.round(performance.now() - started),
          ...(certificate ? { certificate } : {}),
        }),
      );
      response.on('error', (error: NodeJS.ErrnoException) =>
        settle({ ok: false, code: error.code ?? 'ERROR', message: error.message }),
      );
    });
    const timer = setTimeout(() => {
      settle({ ok: false, code: 'TIMEOUT', message: `no answer within ${timeoutMs} ms` });
      request.destroy();
    }, timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => {
      // Several addresses tried (localhost: ::1 and 127.0.0.1): the first one's reason.
      const first =
        error instanceof AggregateError ? (error.errors[0] as NodeJS.ErrnoException) : error;
      settle({ ok: false, code: error.code ?? first.code ?? 'ERROR', message: first.message });
    });
    request.end();
  });
}

const TLS_PROBLEMS: Record<string, string> = {
  CERT_HAS_EXPIRED: 'the certificate has expired',
  CERT_NOT_YET_VALID: 'the certificate is not valid yet',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain ends in a self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'the certificate chain is incomplete (no intermediate certificate)',
  UNABLE_TO_GET_ISSUER_CERT: 'the certificate chain is incomplete (no intermediate certificate)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the certificate is signed by an unknown authority',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is for another host name',
};

/** What is wrong with a certificate, when a probe failed over one; undefined otherwise. */
export function certificateProblem(failure: { code: string }): string | undefined {
  return TLS_PROBLEMS[failure.code];
}

/** Why nothing answered at `url`, in words. */
export function unreachable(url: URL, failure: { code: string; message: string }): string {
  const where = url.host;
  switch (failure.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${url.hostname} does not resolve (no DNS record)`;
    case 'ECONNREFUSED':
      return `nothing listens at ${where}`;
    case 'TIMEOUT':
    case 'ETIMEDOUT':
      return `no answer from ${where} (${failure.message.replace(/^no answer /, '')})`;
    case 'ECONNRESET':
    case 'EPROTO':
      return `${where} dropped the connection (${failure.message})`;
    default:
      return certificateProblem(failure) ?? `${where}: ${failure.message}`;
  }
}
