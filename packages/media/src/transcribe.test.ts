// The endpoint transcriber against a local stand-in for an OpenAI-compatible server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transcriberFrom } from './transcribe.ts';
import { UnreadableMediaError } from './worker.ts';

interface Received {
  authorization: string | undefined;
  form: FormData;
}

let server: Server;
let url: string;
const received: Received[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: { text: ' 120 petrol ' } };

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void new Response(Buffer.concat(chunks), {
        headers: { 'content-type': request.headers['content-type'] ?? '' },
      })
        .formData()
        .then((form) => {
          received.push({ authorization: request.headers.authorization, form });
          response.writeHead(answer.status, { 'content-type': 'application/json' });
          response.end(JSON.stringify(answer.body));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/audio/transcriptions`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const settings = (extra = {}) => ({ TRANSCRIBE_MODEL: 'whisper-1', ...extra });

describe('transcriberFrom', () => {
  it('is off when neither an endpoint nor whisper.cpp is set up', () => {
    expect(transcriberFrom(settings())).toBeNull();
  });

  it('posts the OGG/Opus voice note as it came, with the model and key, and returns the words', async () => {
    const transcribe = transcriberFrom(
      settings({ TRANSCRIBE_URL: url, TRANSCRIBE_API_KEY: 'sk-test', TRANSCRIBE_MODEL: 'small' }),
    )!;
    const ogg = Buffer.from('OggS\u0000\u0002opus-frames');
    expect(await transcribe(ogg, 'audio/ogg; codecs=opus')).toBe('120 petrol');
    const last = received.at(-1)!;
    expect(last.authorization).toBe('Bearer sk-test');
    expect(last.form.get('model')).toBe('small');
    const file = last.form.get('file') as File;
    expect(file.name).toBe('voice.ogg');
    expect(file.type).toBe('audio/ogg');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(ogg);
  });

  it('calls a file the service cannot decode unreadable, and other failures retryable', async () => {
    const transcribe = transcriberFrom(settings({ TRANSCRIBE_URL: url }))!;
    answer = { status: 400, body: { error: { message: 'Invalid file format.' } } };
    await expect(transcribe(Buffer.from('x'), 'audio/ogg')).rejects.toBeInstanceOf(
      UnreadableMediaError,
    );
    answer = { status: 503, body: { error: { message: 'overloaded' } } };
    const failure = await transcribe(Buffer.from('x'), 'audio/ogg').catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(UnreadableMediaError);
    answer = { status: 200, body: { text: ' 120 petrol ' } };
  });
});
