import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@spendline/config';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPublicUrl } from './public-url.ts';
import { makeCertificate, trust, type Certificate } from './testing.ts';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server on localhost answering `status`, over https when given a certificate. */
async function serve(status: number, certificate?: Certificate): Promise<string> {
  const answer: http.RequestListener = (_req, res) => {
    res.writeHead(status);
    res.end();
  };
  const server = certificate ? https.createServer(certificate, answer) : http.createServer(answer);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as AddressInfo).port;
  return `${certificate ? 'https' : 'http'}://localhost:${port}`;
}

function check(publicUrl: string, { sandbox = false, now = new Date() } = {}) {
  const config = loadConfig({ env: { PUBLIC_URL: publicUrl }, envFile: undefined });
  return checkPublicUrl(config, { sandbox, timeoutMs: 3000, now });
}

describe('the PUBLIC_URL check', () => {
  const trusted = makeCertificate(90);
  const untrusted = makeCertificate(90);
  trust(trusted);

  it('passes an https address with a certificate browsers accept, and says until when', async () => {
    const url = await serve(200, trusted);
    const result = await check(url);
    expect(result).toMatchObject({ check: 'public-url', status: 'PASS', fix: null });
    expect(result.detail).toMatch(
      new RegExp(
        `^${url} answered 200 in \\d+ ms over https; certificate valid until \\d{4}-\\d\\d-\\d\\d \\(Spendline test authority\\)$`,
      ),
    );
  });

  it('warns about a certificate close to its end', async () => {
    const url = await serve(200, trusted);
    const inAWhile = new Date(Date.now() + 80 * 86_400_000);
    expect(await check(url, { now: inAWhile })).toMatchObject({
      status: 'WARN',
      detail: expect.stringMatching(/runs out in (9|10) days$/),
      fix: expect.stringContaining('Renew it'),
    });
  });

  it('fails a certificate browsers and Meta refuse', async () => {
    const url = await serve(200, untrusted);
    expect(await check(url)).toMatchObject({
      status: 'FAIL',
      detail: `${url}: the certificate is self-signed; Meta refuses webhooks over it and browsers warn`,
      fix: expect.stringContaining('Serve a certificate from a public authority for localhost'),
    });
  });

  it('fails a name that does not resolve, a port nobody listens on, and a 502', async () => {
    expect(await check('https://spendline-doctor-test.invalid')).toMatchObject({
      status: 'FAIL',
      detail:
        'https://spendline-doctor-test.invalid: spendline-doctor-test.invalid does not resolve (no DNS record)',
      fix: expect.stringContaining('Point a DNS record'),
    });
    const closed = await serve(200, trusted);
    await new Promise((resolve) => servers.pop()?.close(resolve));
    expect(await check(closed)).toMatchObject({
      status: 'FAIL',
      detail: `${closed}: nothing listens at ${new URL(closed).host}`,
    });
    const badGateway = await serve(502, trusted);
    expect(await check(badGateway)).toMatchObject({
      status: 'FAIL',
      detail: `${badGateway} answered 502: the server in front is up, the app behind it is not`,
    });
  });

  it('lets plain http on this machine pass with a warning in sandbox mode only', async () => {
    const url = await serve(200);
    expect(await check(url, { sandbox: true })).toMatchObject({
      status: 'WARN',
      detail: `${url} is this machine over plain http (it answers 200): fine for trying Spendline here, but Meta cannot reach it`,
    });
    expect(await check(url)).toMatchObject({
      status: 'FAIL',
      detail: expect.stringContaining('Meta calls only https webhooks'),
    });
  });
});
