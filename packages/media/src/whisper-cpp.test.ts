// whisper.cpp and ffmpeg are programs the server runs; here they are small stand-ins that
// check what they are given as the real ones would (ffmpeg: a file it can decode; whisper:
// a 16 kHz mono WAV and its model) and write what the real ones write.
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TranscriberMissingError, transcriberFrom } from './transcribe.ts';
import { UnreadableMediaError } from './worker.ts';

let dir: string;
let ffmpeg: string;
let whisper: string;
let model: string;
let log: string;

const script = (body: string) => `#!${process.execPath}\n${body}`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'whisper-cpp-test-'));
  ffmpeg = join(dir, 'ffmpeg');
  whisper = join(dir, 'whisper-cli');
  model = join(dir, 'ggml-base.bin');
  log = join(dir, 'calls.log');
  await writeFile(model, 'model');
  await writeFile(
    ffmpeg,
    script(`
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(['ffmpeg', ...args]) + '\\n');
const input = fs.readFileSync(args[args.indexOf('-i') + 1]);
if (input.subarray(0, 4).toString() !== 'OggS') { console.error('Invalid data found when processing input'); process.exit(1); }
const header = Buffer.alloc(44);
header.write('RIFF', 0); header.write('WAVE', 8); header.writeUInt16LE(1, 22); header.writeUInt32LE(16000, 24);
fs.writeFileSync(args.at(-1), header);
`),
  );
  await writeFile(
    whisper,
    script(`
const fs = require('node:fs');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(['whisper', ...args]) + '\\n');
fs.readFileSync(args[args.indexOf('-m') + 1]);
const wav = fs.readFileSync(args[args.indexOf('-f') + 1]);
if (wav.subarray(8, 12).toString() !== 'WAVE' || wav.readUInt16LE(22) !== 1 || wav.readUInt32LE(24) !== 16000) {
  console.error('error: failed to read audio'); process.exit(10);
}
console.error('whisper_init_from_file_with_params_no_state: loading model');
process.stdout.write('\\n 120 petrol \\n\\n');
`),
  );
  await Promise.all([chmod(ffmpeg, 0o755), chmod(whisper, 0o755)]);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const settings = (extra = {}) => ({
  TRANSCRIBE_MODEL: 'whisper-1',
  WHISPER_CPP_BIN: whisper,
  WHISPER_CPP_MODEL: model,
  FFMPEG_BIN: ffmpeg,
  ...extra,
});
const voiceNote = Buffer.from('OggS\u0000\u0002opus-frames');

describe.runIf(process.platform !== 'win32')('whisper.cpp', () => {
  it('hears a WhatsApp voice note through ffmpeg as 16 kHz mono WAV, in any language', async () => {
    await writeFile(log, '');
    const transcribe = transcriberFrom(settings())!;
    expect(await transcribe(voiceNote, 'audio/ogg; codecs=opus')).toBe('120 petrol');
    const calls = (await readFile(log, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as string[]);
    expect(calls.map((call) => call[0])).toEqual(['ffmpeg', 'whisper']);
    expect(calls[0]).toEqual(expect.arrayContaining(['-ar', '16000', '-ac', '1']));
    expect(calls[1]).toEqual(expect.arrayContaining(['-m', model, '-l', 'auto', '-nt']));
  });

  it('calls a voice note ffmpeg cannot decode unreadable', async () => {
    const transcribe = transcriberFrom(settings())!;
    await expect(transcribe(Buffer.from('not audio'), 'audio/ogg')).rejects.toBeInstanceOf(
      UnreadableMediaError,
    );
  });

  it('tells a missing ffmpeg apart from a bad file', async () => {
    const transcribe = transcriberFrom(settings({ FFMPEG_BIN: join(dir, 'no-ffmpeg') }))!;
    await expect(transcribe(voiceNote, 'audio/ogg')).rejects.toBeInstanceOf(
      TranscriberMissingError,
    );
  });
});
