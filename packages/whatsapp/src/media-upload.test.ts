import { afterEach, describe, expect, it } from 'vitest';
import { createGraphClient } from './graph-client.ts';
import { createMediaUploader } from './media-upload.ts';
import { documentMessage } from './messages.ts';
import { startGraphSimulator, type GraphSimulator } from './simulator/graph-simulator.ts';

const PHONE_NUMBER_ID = '100000000000001';
const TOKEN = 'sim-token';
const PDF = new TextEncoder().encode('%PDF-1.7\nnot much of a statement\n%%EOF');

let simulator: GraphSimulator | undefined;
afterEach(async () => {
  await simulator?.close();
  simulator = undefined;
});

async function start() {
  simulator = await startGraphSimulator({ seed: 1, accessToken: TOKEN });
  const options = { apiUrl: simulator.apiUrl, phoneNumberId: PHONE_NUMBER_ID };
  return {
    simulator,
    upload: createMediaUploader({ ...options, accessToken: TOKEN }),
    client: createGraphClient({ ...options, accessToken: TOKEN }),
  };
}

describe('createMediaUploader', () => {
  it('uploads a file as multipart, and a document message names it by the id', async () => {
    const { simulator, upload, client } = await start();
    const uploaded = await upload({
      bytes: PDF,
      mimeType: 'application/pdf',
      filename: 'spendline-statement-2026-11.pdf',
    });
    if (!uploaded.ok) throw new Error(uploaded.reason);
    expect(simulator.uploads).toHaveLength(1);
    expect(simulator.uploads[0]).toMatchObject({
      id: uploaded.id,
      phoneNumberId: PHONE_NUMBER_ID,
      filename: 'spendline-statement-2026-11.pdf',
      mimeType: 'application/pdf',
    });
    expect(new Uint8Array(simulator.uploads[0]!.bytes)).toEqual(PDF);

    const sent = await client.send(
      documentMessage('+919812345678', {
        id: uploaded.id,
        filename: 'spendline-statement-2026-11.pdf',
        caption: 'November 2026',
      }),
    );
    expect(sent.ok).toBe(true);
    expect(simulator.messages[0]).toMatchObject({
      type: 'document',
      to: '919812345678',
      body: { document: { id: uploaded.id, caption: 'November 2026' } },
    });
  });

  it('is refused a document naming media nobody uploaded', async () => {
    const { client } = await start();
    const sent = await client.send(
      documentMessage('+919812345678', { id: 'SIMUPLOADNOPE', filename: 'x.pdf' }),
    );
    expect(sent).toMatchObject({ ok: false, retryable: false, code: 100 });
  });

  it('says why an upload failed without the token, and whether to try again', async () => {
    const { simulator } = await start();
    const wrong = createMediaUploader({
      apiUrl: simulator.apiUrl,
      phoneNumberId: PHONE_NUMBER_ID,
      accessToken: 'not-the-token',
    });
    const refused = await wrong({ bytes: PDF, mimeType: 'application/pdf', filename: 'a.pdf' });
    expect(refused).toMatchObject({ ok: false, retryable: false, status: 401, code: 190 });
    expect(JSON.stringify(refused)).not.toContain('not-the-token');
    const away = createMediaUploader({
      apiUrl: 'http://127.0.0.1:1/v26.0',
      phoneNumberId: PHONE_NUMBER_ID,
      accessToken: TOKEN,
    });
    expect(
      await away({ bytes: PDF, mimeType: 'application/pdf', filename: 'a.pdf' }),
    ).toMatchObject({ ok: false, retryable: true });
  });
});
