import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAccountReader } from './account-reader.ts';
import {
  SIMULATOR_APP_ID,
  SIMULATOR_BUSINESS_ACCOUNT_ID,
  SIMULATOR_PHONE_NUMBER_ID,
} from './simulator/defaults.ts';
import { startGraphSimulator, type GraphSimulator } from './simulator/graph-simulator.ts';

const TOKEN = 'sim-token';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function start(
  token = TOKEN,
): Promise<{ simulator: GraphSimulator; reader: ReturnType<typeof createAccountReader> }> {
  const simulator = await startGraphSimulator({ seed: 1, accessToken: TOKEN });
  closers.push(() => simulator.close());
  return {
    simulator,
    reader: createAccountReader({ apiUrl: simulator.apiUrl, accessToken: token }),
  };
}

describe('createAccountReader', () => {
  it('reads the number, the subscribed apps, the app, its webhooks and the templates', async () => {
    const { reader } = await start();
    expect(await reader.phoneNumber(SIMULATOR_PHONE_NUMBER_ID)).toEqual({
      ok: true,
      value: {
        id: SIMULATOR_PHONE_NUMBER_ID,
        displayPhoneNumber: '+1 555-010-0001',
        verifiedName: 'Spendline',
        qualityRating: 'GREEN',
      },
    });
    const numbers = await reader.phoneNumbers(SIMULATOR_BUSINESS_ACCOUNT_ID);
    expect(numbers.ok && numbers.value.map((n) => n.id)).toEqual([SIMULATOR_PHONE_NUMBER_ID]);
    expect(await reader.subscribedApps(SIMULATOR_BUSINESS_ACCOUNT_ID)).toEqual({
      ok: true,
      value: [{ id: SIMULATOR_APP_ID, name: 'Spendline (simulator)' }],
    });
    expect(await reader.app()).toEqual({
      ok: true,
      value: { id: SIMULATOR_APP_ID, name: 'Spendline (simulator)' },
    });
    expect(await reader.appWebhooks(SIMULATOR_APP_ID, 'development-webhook-secret')).toEqual({
      ok: true,
      value: [
        {
          object: 'whatsapp_business_account',
          callbackUrl: 'http://localhost:3000/whatsapp/webhook/',
          active: true,
          fields: ['messages', 'message_template_status_update'],
        },
      ],
    });
    expect(await reader.templates(SIMULATOR_BUSINESS_ACCOUNT_ID, 'spendline_otp')).toEqual({
      ok: true,
      value: [
        {
          name: 'spendline_otp',
          language: 'en',
          status: 'APPROVED',
          category: 'AUTHENTICATION',
          rejectedReason: 'NONE',
        },
      ],
    });
  });

  it("gives Graph's code, subcode and message when it refuses, never the secrets", async () => {
    const { simulator, reader } = await start('wrong-token');
    expect(await reader.phoneNumber(SIMULATOR_PHONE_NUMBER_ID)).toEqual({
      ok: false,
      status: 401,
      code: 190,
      reason: 'Invalid OAuth access token - Cannot parse access token',
    });
    const withToken = createAccountReader({ apiUrl: simulator.apiUrl, accessToken: TOKEN });
    expect(await withToken.phoneNumber('42')).toMatchObject({
      ok: false,
      status: 400,
      code: 100,
      subcode: 33,
    });
    const wrongSecret = await withToken.appWebhooks(SIMULATOR_APP_ID, 'not-the-secret');
    expect(wrongSecret).toMatchObject({ ok: false, code: 190 });
    expect(JSON.stringify(wrongSecret)).not.toContain('not-the-secret');
  });

  it('says when nothing answers, or not in time', async () => {
    // A port that was free a moment ago: nothing listens there.
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await new Promise((resolve) => closed.once('listening', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = createAccountReader({
      apiUrl: `http://127.0.0.1:${closedPort}/v26.0`,
      accessToken: TOKEN,
    });
    expect(await refused.app()).toEqual({
      ok: false,
      reason: `no connection to http://127.0.0.1:${closedPort}: connect ECONNREFUSED 127.0.0.1:${closedPort}`,
    });

    const silent = createServer(() => {});
    silent.listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
    closers.push(async () => {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    });
    const port = (silent.address() as AddressInfo).port;
    const slow = createAccountReader({
      apiUrl: `http://127.0.0.1:${port}/v26.0`,
      accessToken: TOKEN,
      timeoutMs: 100,
    });
    expect(await slow.app()).toEqual({ ok: false, reason: 'no answer within 100 ms' });
  });

  it('says when an answer is not what Graph gives', async () => {
    const odd = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<h1>Welcome to nginx!</h1>');
    });
    odd.listen(0, '127.0.0.1');
    await new Promise((resolve) => odd.once('listening', resolve));
    closers.push(() => new Promise((resolve) => odd.close(() => resolve())));
    const port = (odd.address() as AddressInfo).port;
    const reader = createAccountReader({
      apiUrl: `http://127.0.0.1:${port}/v26.0`,
      accessToken: TOKEN,
    });
    expect(await reader.app()).toEqual({
      ok: false,
      status: 200,
      reason: 'unexpected answer from /v26.0/app',
    });
  });
});
