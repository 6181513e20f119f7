import { afterEach, describe, expect, it } from 'vitest';
import { createGraphClient } from '../graph-client.ts';
import { markRead, replyButtons, textMessage } from '../messages.ts';
import {
  startGraphSimulator,
  type GraphSimulator,
  type GraphSimulatorOptions,
} from './graph-simulator.ts';

const PHONE_NUMBER_ID = '100000000000001';
const TOKEN = 'sim-token';

const simulators: GraphSimulator[] = [];

afterEach(async () => {
  await Promise.all(simulators.splice(0).map((simulator) => simulator.close()));
});

async function start(options: GraphSimulatorOptions = {}) {
  const simulator = await startGraphSimulator({ seed: 1, ...options });
  simulators.push(simulator);
  const client = createGraphClient({
    apiUrl: simulator.apiUrl,
    phoneNumberId: PHONE_NUMBER_ID,
    accessToken: TOKEN,
    timeoutMs: 300,
  });
  return { simulator, client };
}

const hello = textMessage('+919812345678', 'Saved ₹120 for petrol');

describe('startGraphSimulator: accepting messages', () => {
  it('assigns a wamid, records the body and answers like Graph', async () => {
    const { simulator, client } = await start();
    const result = await client.send(hello);
    expect(result).toEqual({ ok: true, providerMessageId: expect.stringMatching(/^wamid\.SIM/) });
    expect(simulator.messages).toEqual([
      {
        wamid: result.ok ? result.providerMessageId : '',
        phoneNumberId: PHONE_NUMBER_ID,
        to: '919812345678',
        type: 'text',
        body: hello,
        receivedAt: expect.any(String),
      },
    ]);
  });

  it('gives every message its own wamid', async () => {
    const { simulator, client } = await start();
    await client.send(hello);
    await client.send(hello);
    const [first, second] = simulator.messages;
    expect(first?.wamid).not.toBe(second?.wamid);
  });

  it('records messages addressed to a BSUID under recipient', async () => {
    const { simulator, client } = await start();
    await client.send(
      replyButtons('US.13491208655302741918', 'Save?', [{ id: 'y', title: 'Yes' }]),
    );
    expect(simulator.messages[0]).toMatchObject({
      recipient: 'US.13491208655302741918',
      type: 'interactive',
    });
    expect(simulator.messages[0]).not.toHaveProperty('to');
  });

  it('records read receipts with the typing indicator apart from messages', async () => {
    const { simulator, client } = await start();
    expect(await client.markRead(markRead('wamid.IN1', { typing: true }))).toEqual({ ok: true });
    expect(simulator.reads).toEqual([
      {
        messageId: 'wamid.IN1',
        phoneNumberId: PHONE_NUMBER_ID,
        typing: true,
        receivedAt: expect.any(String),
      },
    ]);
    expect(simulator.messages).toEqual([]);
  });

  it('lists recorded messages over GET /messages, optionally for one recipient', async () => {
    const { simulator, client } = await start();
    await client.send(hello);
    await client.send(textMessage('+441234567890', 'Other user'));
    const all = (await (await fetch(`${simulator.url}/messages`)).json()) as unknown[];
    expect(all).toHaveLength(2);
    const mine = (await (await fetch(`${simulator.url}/messages?to=%2B919812345678`)).json()) as {
      to: string;
    }[];
    expect(mine.map((message) => message.to)).toEqual(['919812345678']);
  });

  it('forgets everything on DELETE /messages', async () => {
    const { simulator, client } = await start();
    await client.send(hello);
    await fetch(`${simulator.url}/messages`, { method: 'DELETE' });
    expect(simulator.messages).toEqual([]);
  });

  it('reports each accepted message to onMessage', async () => {
    const seen: string[] = [];
    const { client } = await start({ onMessage: (message) => seen.push(message.type) });
    await client.send(hello);
    expect(seen).toEqual(['text']);
  });
});

describe('startGraphSimulator: refusing requests', () => {
  it('refuses a request without the expected bearer token like an expired token', async () => {
    const { simulator } = await start({ accessToken: 'right' });
    const wrong = createGraphClient({
      apiUrl: simulator.apiUrl,
      phoneNumberId: PHONE_NUMBER_ID,
      accessToken: 'wrong',
    });
    expect(await wrong.send(hello)).toMatchObject({
      ok: false,
      retryable: false,
      status: 401,
      code: 190,
    });
    const none = await fetch(`${simulator.apiUrl}/${PHONE_NUMBER_ID}/messages`, {
      method: 'POST',
      body: JSON.stringify(hello),
    });
    expect(none.status).toBe(401);
    expect(simulator.messages).toEqual([]);
  });

  it('refuses a malformed body with Graph error 100', async () => {
    const { simulator } = await start();
    const post = (body: string) =>
      fetch(`${simulator.apiUrl}/${PHONE_NUMBER_ID}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
        body,
      });
    for (const body of [
      'not json',
      JSON.stringify({ ...hello, messaging_product: 'sms' }),
      JSON.stringify({ ...hello, to: 'asha' }),
      JSON.stringify({ ...hello, text: { body: '' } }),
      JSON.stringify({ ...hello, type: 'hologram' }),
    ]) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 100 } });
    }
    expect(simulator.messages).toEqual([]);
  });

  it('answers 404 to paths Graph would not know', async () => {
    const { simulator } = await start();
    expect((await fetch(`${simulator.url}/v26.0/${PHONE_NUMBER_ID}/media`)).status).toBe(404);
  });
});

describe('startGraphSimulator: failures', () => {
  it('fails queued requests as Graph does, then recovers', async () => {
    const { simulator, client } = await start();
    simulator.failNext('429', '500', '131056');
    expect(await client.send(hello)).toMatchObject({
      ok: false,
      retryable: true,
      status: 429,
      code: 130429,
      retryAfterMs: 1000,
    });
    expect(await client.send(hello)).toMatchObject({ retryable: true, status: 500 });
    expect(await client.send(hello)).toMatchObject({ retryable: true, code: 131056 });
    expect(await client.send(hello)).toMatchObject({ ok: true });
    expect(simulator.failures).toEqual(['429', '500', '131056']);
    expect(simulator.messages).toHaveLength(1);
  });

  it('hangs past the client timeout when failing with timeout', async () => {
    const { simulator, client } = await start();
    simulator.failNext('timeout');
    expect(await client.send(hello)).toEqual({
      ok: false,
      retryable: true,
      reason: 'no answer within 300 ms',
    });
    expect(simulator.messages).toEqual([]);
  });

  it('takes the message under a lost answer, then answers nothing', async () => {
    const failed: [string, unknown][] = [];
    const { simulator, client } = await start({
      onFailure: (failure, body) => failed.push([failure, body]),
    });
    simulator.failNext('lost-answer');
    expect(await client.send(hello)).toEqual({
      ok: false,
      retryable: true,
      reason: 'no answer within 300 ms',
    });
    // Indistinguishable from a timeout to the sender, yet the message is on its way.
    expect(simulator.messages).toEqual([
      expect.objectContaining({ body: hello, unanswered: true }),
    ]);
    expect(simulator.failures).toEqual(['lost-answer']);
    expect(failed).toEqual([['lost-answer', hello]]);
  });

  it('draws no lost answers unless asked for them', async () => {
    const { simulator, client } = await start({ failRate: 1, seed: 5 });
    for (let i = 0; i < 40; i++) await client.send(hello);
    expect(simulator.failures).toHaveLength(40);
    expect(simulator.failures).not.toContain('lost-answer');
    expect(simulator.messages).toEqual([]);
  });

  it('fails every request at failRate 1 and none at 0', async () => {
    const { simulator, client } = await start({ failRate: 1, failWith: ['500'] });
    const results = await Promise.all([1, 2, 3].map(() => client.send(hello)));
    expect(results.every((result) => !result.ok)).toBe(true);
    simulator.setFailure({ failRate: 0 });
    expect(await client.send(hello)).toMatchObject({ ok: true });
  });

  it('fails about the given fraction, drawing from failWith', async () => {
    const { simulator, client } = await start({ failRate: 0.3, failWith: ['429', '500'], seed: 9 });
    for (let i = 0; i < 100; i++) await client.send(hello);
    expect(simulator.failures.length).toBeGreaterThan(15);
    expect(simulator.failures.length).toBeLessThan(45);
    expect(new Set(simulator.failures)).toEqual(new Set(['429', '500']));
    expect(simulator.messages).toHaveLength(100 - simulator.failures.length);
  });

  it('repeats the same failures and wamids for the same seed', async () => {
    const run = async () => {
      const { simulator, client } = await start({ failRate: 0.5, failWith: ['500'], seed: 1234 });
      const outcomes = [];
      for (let i = 0; i < 12; i++) {
        const result = await client.send(hello);
        outcomes.push(result.ok ? result.providerMessageId : 'failed');
      }
      await simulator.close();
      return outcomes;
    };
    const first = await run();
    expect(first).toContain('failed');
    expect(first.some((outcome) => outcome !== 'failed')).toBe(true);
    expect(await run()).toEqual(first);
  });

  it('closes promptly even while a request hangs', async () => {
    const { simulator } = await start({ hangMs: 60_000 });
    simulator.failNext('timeout');
    const pending = createGraphClient({
      apiUrl: simulator.apiUrl,
      phoneNumberId: PHONE_NUMBER_ID,
      accessToken: TOKEN,
      timeoutMs: 10_000,
    }).send(hello);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await simulator.close();
    // Far below the 60 s hang: close() cut the held connection instead of waiting.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await pending).toMatchObject({ ok: false, retryable: true });
  });
});
