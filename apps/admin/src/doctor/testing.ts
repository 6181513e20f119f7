// For the doctor's tests: certificates made with openssl, and a stand-in for a deployment
// (the proxy at PUBLIC_URL and the api at API_URL) that answers Meta's verification and
// the routing check, or fails the ways real ones do.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';

export interface Certificate {
  key: string;
  cert: string;
}

/** A self-signed certificate for localhost and 127.0.0.1, valid for `days`. */
export function makeCertificate(days = 90): Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'spendline-doctor-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      String(days),
      '-subj',
      '/O=Spendline test authority/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

/** Makes this process trust `certificate` as a browser trusts a public authority. */
export function trust(certificate: Certificate): void {
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), certificate.cert]);
}

export interface DeploymentBehaviour {
  /** What the running api takes as WHATSAPP_VERIFY_TOKEN. */
  verifyToken: string;
  /** The proxy forwards /whatsapp/ (default true). */
  forwardsWhatsApp?: boolean;
  /** The proxy lets POST through (default true). */
  forwardsPost?: boolean;
}

export interface Deployment {
  /** PUBLIC_URL: https when a certificate was given. */
  publicUrl: string;
  /** API_URL: the api itself, over http. */
  apiUrl: string;
  behave(next: Partial<DeploymentBehaviour>): void;
  close(): Promise<void>;
}

async function listen(server: http.Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return (server.address() as AddressInfo).port;
}

/**
 * The api's side of the webhook route and the routing check (as apps/api answers them),
 * behind a proxy that can be misconfigured.
 */
export async function startDeployment(
  initial: DeploymentBehaviour,
  certificate?: Certificate,
): Promise<Deployment> {
  let behaviour = { forwardsWhatsApp: true, forwardsPost: true, ...initial };
  const api: http.RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://api.invalid');
    req.resume();
    if (url.pathname === '/whatsapp/webhook/' && req.method === 'GET') {
      const query = url.searchParams;
      const ok =
        query.get('hub.mode') === 'subscribe' &&
        query.get('hub.verify_token') === behaviour.verifyToken;
      res.writeHead(ok ? 200 : 403, { 'content-type': 'text/plain' });
      res.end(ok ? (query.get('hub.challenge') ?? '') : 'Forbidden');
    } else if (url.pathname === '/whatsapp/test/') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"success"}');
    } else if (url.pathname === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
    } else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not_found"}');
    }
  };
  const proxy: http.RequestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://proxy.invalid').pathname;
    if (path.startsWith('/whatsapp/')) {
      if (!behaviour.forwardsWhatsApp) {
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<h1>Not Found</h1>');
        return;
      }
      if (req.method === 'POST' && !behaviour.forwardsPost) {
        res.writeHead(405, { 'content-type': 'text/html' });
        res.end('<h1>405 Not Allowed</h1>');
        return;
      }
      api(req, res);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>Spendline</title>');
  };
  const apiServer = http.createServer(api);
  const proxyServer = certificate
    ? https.createServer(certificate, proxy)
    : http.createServer(proxy);
  const apiPort = await listen(apiServer);
  const proxyPort = await listen(proxyServer);
  return {
    publicUrl: `${certificate ? 'https' : 'http'}://localhost:${proxyPort}`,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    behave(next) {
      behaviour = { ...behaviour, ...next };
    },
    async close() {
      for (const server of [apiServer, proxyServer]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    },
  };
}
