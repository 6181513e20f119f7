import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createGraphClient } from '../graph-client.ts';
import { createMediaDownloader } from '../media-download.ts';
import { listMessage, replyButtons, templateMessage, textMessage } from '../messages.ts';
import { parseWebhook } from '../payload.ts';
import { verifySignature } from '../signature.ts';
import { DEVELOPMENT_WEBHOOK_SECRET, SIMULATOR_PHONE_NUMBER_ID } from './defaults.ts';
import { startGraphSimulator, type GraphSimulator } from './graph-simulator.ts';
import { formatReply, parseWaArgs, runWa, type WaIo } from './wa-cli.ts';

const run = promisify(execFile);
const WA_BIN = fileURLToPath(new URL('../../bin/wa.ts', import.meta.url));

describe('parseWaArgs', () => {
  it('reads a text message from a phone number', () => {
    expect(parseWaArgs(['--from', '919812345678', '120', 'petrol'])).toEqual({
      ok: true,
      help: false,
      args: { from: '919812345678', text: '120 petrol', waitMs: 5000 },
    });
  });

  it('reads button and list taps, with the id as default title', () => {
    expect(parseWaArgs(['--from', '919812345678', '--button', 'confirm'])).toMatchObject({
      args: { button: { id: 'confirm', title: 'confirm' } },
    });
    expect(
      parseWaArgs(['--bsuid', 'IN.77', '--list', 'cat:fuel', '--title', 'Fuel', '--wait', '2']),
    ).toMatchObject({
      args: { bsuid: 'IN.77', list: { id: 'cat:fuel', title: 'Fuel' }, waitMs: 2000 },
    });
  });

  it('asks for help', () => {
    expect(parseWaArgs(['--help'])).toEqual({ ok: true, help: true });
    expect(parseWaArgs(['-h'])).toEqual({ ok: true, help: true });
  });

  it.each([
    [['hello'], /--from/],
    [['--from', 'asha', 'hi'], /not a phone number/],
    [['--bsuid', '12345', 'hi'], /not a BSUID/],
    [['--from', '919812345678'], /exactly one/],
    [['--from', '919812345678', '--button', 'a', 'text too'], /exactly one/],
    [['--from', '919812345678', '--title', 'T', 'hi'], /--title/],
    [['--from', '919812345678', '--wait', 'soon', 'hi'], /--wait/],
    [['--from', '919812345678', '--colour', 'red', 'hi'], /colour/],
  ])('rejects %j with a clear message', (argv, message) => {
    const parsed = parseWaArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(message);
  });
});

describe('formatReply', () => {
  it('shows text as is', () => {
    expect(formatReply(textMessage('919812345678', 'Saved ₹120'))).toBe('Saved ₹120');
  });

  it('shows reply buttons with the flag that taps them', () => {
    const body = replyButtons('919812345678', 'Save it?', [{ id: 'save', title: 'Save' }], {
      footer: 'Spendline',
    });
    expect(formatReply(body)).toBe('Save it?\n  [Save]  (--button save)\nSpendline');
  });

  it('shows list rows with the flag that picks them', () => {
    const body = listMessage('919812345678', 'Category?', 'Pick', [
      { title: 'Travel', rows: [{ id: 'fuel', title: 'Fuel', description: 'Petrol' }] },
    ]);
    expect(formatReply(body)).toBe(
      'Category?\n  ≡ Pick\n  Travel\n    • Fuel - Petrol  (--list fuel)',
    );
  });

  it('shows templates with their parameters, and names other types', () => {
    const body = templateMessage('919812345678', 'weekly', 'en', [
      { type: 'body', parameters: [{ type: 'text', text: '₹4,210' }] },
    ]);
    expect(formatReply(body)).toBe('template weekly (en): ₹4,210');
    expect(formatReply({ type: 'image', image: {} })).toBe('(image message)');
  });
});

// A stand-in for the api: verifies, parses, answers 200, then replies through Graph.
let api: Server | undefined;
let simulator: GraphSimulator | undefined;

afterEach(async () => {
  await simulator?.close();
  api?.closeAllConnections();
  await new Promise((resolve) => (api ? api.close(resolve) : resolve(undefined)));
  api = simulator = undefined;
});

async function readRaw(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function startApi(graph: GraphSimulator, status = 200): Promise<string> {
  const client = createGraphClient({
    apiUrl: graph.apiUrl,
    phoneNumberId: SIMULATOR_PHONE_NUMBER_ID,
    accessToken: 'simulator-access-token',
  });
  api = createServer((request, response) => {
    void readRaw(request).then(async (raw) => {
      const signature = request.headers['x-hub-signature-256'];
      if (!verifySignature(raw, signature as string | undefined, DEVELOPMENT_WEBHOOK_SECRET)) {
        response.writeHead(401).end('bad signature');
        return;
      }
      response.writeHead(status).end(status === 200 ? 'EVENT_RECEIVED' : 'nope');
      const parsed = parseWebhook(JSON.parse(raw.toString('utf8')));
      for (const event of parsed.ok ? parsed.events : []) {
        if (event.kind !== 'message') continue;
        const { content } = event;
        const reply =
          content.kind === 'text'
            ? `Saved: ${content.body}`
            : content.kind === 'media'
              ? await described(graph, content)
              : `Got ${content.kind}`;
        await client.send(textMessage(event.waKey, reply));
      }
    });
  });
  await new Promise<void>((resolve) => api?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(api.address() as AddressInfo).port}/whatsapp/webhook/`;
}

/** What a media message held, as the api would fetch it from the simulator. */
async function described(
  graph: GraphSimulator,
  media: { id: string; sha256?: string; mimeType: string; caption?: string },
): Promise<string> {
  const downloader = createMediaDownloader({
    apiUrl: graph.apiUrl,
    accessToken: 'simulator-access-token',
  });
  const file = await downloader.download(media.id, {
    maxBytes: 1024,
    ...(media.sha256 ? { sha256: media.sha256 } : {}),
  });
  const what = file.ok ? `${file.bytes.toString('utf8')} (${file.mimeType})` : file.reason;
  return `Got ${what}${media.caption ? ` captioned ${media.caption}` : ''}`;
}

function captureIo(env: Record<string, string>): WaIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    env,
    out: (line) => lines.push(line),
    err: (line) => errors.push(line),
    pollMs: 50,
    quietMs: 200,
    lines,
    errors,
  };
}

describe('runWa', () => {
  it('posts a signed webhook and prints the reply the api sends through the simulator', async () => {
    simulator = await startGraphSimulator();
    const webhookUrl = await startApi(simulator);
    const io = captureIo({ WEBHOOK_URL: webhookUrl, WA_SIM_URL: simulator.url });
    const code = await runWa(['--from', '+919812345678', '--wait', '3', 'Chai ₹20'], io);
    expect(io.errors).toEqual([]);
    expect(code).toBe(0);
    expect(io.lines).toEqual(['→ +919812345678: Chai ₹20', '← Saved: Chai ₹20']);
  });

  it('sends a photo with its caption and a voice note through the simulator’s media store', async () => {
    simulator = await startGraphSimulator();
    const webhookUrl = await startApi(simulator);
    const files: Record<string, Buffer> = {
      'receipt.jpg': Buffer.from('jpeg bytes'),
      'note.ogg': Buffer.from('OggS voice'),
    };
    const io = {
      ...captureIo({ WEBHOOK_URL: webhookUrl, WA_SIM_URL: simulator.url }),
      readFile: (path: string) => Promise.resolve(files[path]!),
    };
    const photo = ['--from', '+919812345678', '--wait', '3', '--image', 'receipt.jpg', 'lunch'];
    expect(await runWa(photo, io)).toBe(0);
    expect(await runWa(['--from', '+919812345678', '--audio', 'note.ogg'], io)).toBe(0);
    expect(io.errors).toEqual([]);
    expect(io.lines).toEqual([
      '→ +919812345678: [image receipt.jpg] lunch',
      '← Got jpeg bytes (image/jpeg) captioned lunch',
      '→ +919812345678: [audio note.ogg]',
      '← Got OggS voice (audio/ogg; codecs=opus)',
    ]);
  });

  it('refuses a photo without the Meta simulator, and a file it cannot send', async () => {
    const io = captureIo({ WEBHOOK_URL: 'http://127.0.0.1:9/whatsapp/webhook/' });
    expect(await runWa(['--from', '+919812345678', '--image', 'a.jpg'], io)).toBe(1);
    expect(io.errors.join('\n')).toMatch(/need the Meta simulator/);
    expect(parseWaArgs(['--from', '919812345678', '--image', 'bill.pdf'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/--image takes a \.jpg/) as unknown,
    });
    expect(parseWaArgs(['--from', '919812345678', '--audio', 'n.ogg', 'words'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no caption/) as unknown,
    });
  });

  it('addresses replies to a username user by BSUID', async () => {
    simulator = await startGraphSimulator();
    const webhookUrl = await startApi(simulator);
    const io = captureIo({ WEBHOOK_URL: webhookUrl, WA_SIM_URL: simulator.url });
    const code = await runWa(['--bsuid', 'US.13491208655302741918', '--button', 'save'], io);
    expect(code).toBe(0);
    expect(io.lines).toContain('← Got button_reply');
    expect(simulator.messages[0]?.recipient).toBe('US.13491208655302741918');
  });

  it('ignores replies that were already recorded before it ran', async () => {
    simulator = await startGraphSimulator();
    const webhookUrl = await startApi(simulator);
    await createGraphClient({
      apiUrl: simulator.apiUrl,
      phoneNumberId: SIMULATOR_PHONE_NUMBER_ID,
      accessToken: 't',
    }).send(textMessage('919812345678', 'old reply'));
    const io = captureIo({ WEBHOOK_URL: webhookUrl, WA_SIM_URL: simulator.url });
    expect(await runWa(['--from', '919812345678', 'hi'], io)).toBe(0);
    expect(io.lines).toEqual(['→ 919812345678: hi', '← Saved: hi']);
  });

  it('fails with the status and body when the webhook answers an error', async () => {
    simulator = await startGraphSimulator();
    const webhookUrl = await startApi(simulator, 500);
    const io = captureIo({ WEBHOOK_URL: webhookUrl, WA_SIM_URL: simulator.url });
    expect(await runWa(['--from', '919812345678', 'hi'], io)).toBe(1);
    expect(io.errors).toEqual(['wa: webhook answered HTTP 500: nope']);
  });

  it('still posts the webhook when no simulator is running, and says so', async () => {
    simulator = await startGraphSimulator();
    const webhookUrl = await startApi(simulator);
    const io = captureIo({ WEBHOOK_URL: webhookUrl, WA_SIM_URL: 'http://127.0.0.1:9' });
    expect(await runWa(['--from', '919812345678', 'hi'], io)).toBe(0);
    expect(io.errors.join('\n')).toMatch(
      /webhook accepted; no simulator \(http:\/\/127\.0\.0\.1:9\)/,
    );
  });

  it('fails when the webhook refuses the signature', async () => {
    simulator = await startGraphSimulator();
    const webhookUrl = await startApi(simulator);
    const io = captureIo({
      WEBHOOK_URL: webhookUrl,
      WA_SIM_URL: simulator.url,
      WEBHOOK_SECRET: 'not-the-api-secret',
    });
    expect(await runWa(['--from', '919812345678', 'hi'], io)).toBe(1);
    expect(io.errors.join('\n')).toMatch(/HTTP 401/);
  });

  it('says when nothing answers at the webhook URL', async () => {
    const io = captureIo({
      WEBHOOK_URL: 'http://127.0.0.1:9/whatsapp/webhook/',
      WA_SIM_URL: 'http://127.0.0.1:9',
    });
    expect(await runWa(['--from', '919812345678', 'hi'], io)).toBe(1);
    expect(io.errors.join('\n')).toMatch(/could not reach the webhook.*Is the api running/);
  });

  it('reports no reply when the api stays silent until --wait ends', async () => {
    simulator = await startGraphSimulator();
    const webhookUrl = await startApi(simulator);
    simulator.failNext('500');
    const io = captureIo({ WEBHOOK_URL: webhookUrl, WA_SIM_URL: simulator.url });
    expect(await runWa(['--from', '919812345678', '--wait', '0.5', 'hi'], io)).toBe(1);
    expect(io.errors).toEqual(['wa: no reply within 0.5 s']);
  });

  it('prints usage and exits 2 on bad arguments', async () => {
    const io = captureIo({});
    expect(await runWa(['hi'], io)).toBe(2);
    expect(io.errors[0]).toMatch(/^wa: give --from.*\n\nUsage: wa/s);
  });
});

describe('bin/wa.ts', () => {
  it('runs under plain node and prints the reply', async () => {
    simulator = await startGraphSimulator();
    const webhookUrl = await startApi(simulator);
    const { stdout } = await run(
      process.execPath,
      [WA_BIN, '--from', '919812345678', '120 petrol'],
      {
        env: { ...process.env, WEBHOOK_URL: webhookUrl, WA_SIM_URL: simulator.url },
      },
    );
    expect(stdout).toContain('← Saved: 120 petrol');
  });

  it('exits 2 with usage on bad arguments', async () => {
    const failure = await run(process.execPath, [WA_BIN, '--nonsense']).catch(
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: wa') });
  });
});
