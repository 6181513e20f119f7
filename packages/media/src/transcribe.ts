// Voice notes to text, through whichever transcriber the server has: an OpenAI-compatible
// /v1/audio/transcriptions endpoint (hosted, or a self-hosted whisper server), which takes
// WhatsApp's OGG/Opus as it is, or a local whisper.cpp, whose command line reads WAV (and
// MP3/FLAC), so ffmpeg turns the voice note into 16 kHz mono WAV for it first.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fetch, FormData } from 'undici';
import { UnreadableMediaError } from './worker.ts';

export interface TranscribeSettings {
  TRANSCRIBE_URL?: string | undefined;
  TRANSCRIBE_API_KEY?: string | undefined;
  TRANSCRIBE_MODEL: string;
  WHISPER_CPP_BIN?: string | undefined;
  WHISPER_CPP_MODEL?: string | undefined;
  /** ffmpeg, for whisper.cpp; found on the PATH unless set. */
  FFMPEG_BIN?: string | undefined;
}

export type Transcribe = (bytes: Buffer, mimeType: string) => Promise<string>;

const TIMEOUT_MS = 120_000;

/** The configured transcriber, the endpoint first; null when neither is set up. */
export function transcriberFrom(settings: TranscribeSettings): Transcribe | null {
  if (settings.TRANSCRIBE_URL) {
    return endpointTranscriber(
      settings.TRANSCRIBE_URL,
      settings.TRANSCRIBE_MODEL,
      settings.TRANSCRIBE_API_KEY,
    );
  }
  if (settings.WHISPER_CPP_BIN && settings.WHISPER_CPP_MODEL) {
    return whisperCppTranscriber(
      settings.WHISPER_CPP_BIN,
      settings.WHISPER_CPP_MODEL,
      settings.FFMPEG_BIN ?? 'ffmpeg',
    );
  }
  return null;
}

const extensionOf = (mimeType: string) =>
  /ogg|opus/.test(mimeType)
    ? 'ogg'
    : /mpeg|mp3/.test(mimeType)
      ? 'mp3'
      : /mp4|m4a|aac/.test(mimeType)
        ? 'm4a'
        : /amr/.test(mimeType)
          ? 'amr'
          : 'ogg';

export function endpointTranscriber(url: string, model: string, apiKey?: string): Transcribe {
  return async (bytes, mimeType) => {
    const form = new FormData();
    const type = mimeType.split(';')[0]!.trim();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), `voice.${extensionOf(type)}`);
    form.append('model', model);
    form.append('response_format', 'json');
    const response = await fetch(url, {
      method: 'POST',
      body: form,
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = (await response.json().catch(() => undefined)) as
      { text?: unknown; error?: { message?: unknown } } | undefined;
    // 400 and 415: the service could not decode this file; trying again will not help.
    if (response.status === 400 || response.status === 415) {
      throw new UnreadableMediaError(`the transcriber refused the file (HTTP ${response.status})`);
    }
    if (!response.ok || typeof body?.text !== 'string') {
      throw new Error(`the transcriber answered HTTP ${response.status}`);
    }
    return body.text.trim();
  };
}

/** A local program the server was told to use is missing: a setup fault, not the file's. */
export class TranscriberMissingError extends Error {
  override readonly name = 'TranscriberMissingError';
}

export function whisperCppTranscriber(binary: string, model: string, ffmpeg: string): Transcribe {
  const run = promisify(execFile);
  const options = { timeout: TIMEOUT_MS, maxBuffer: 1024 * 1024 };

  /** Runs a program; a non-zero exit means it could not use the file. */
  async function runOn(program: string, args: string[], failure: string): Promise<string> {
    try {
      return (await run(program, args, options)).stdout;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'ENOENT') throw new TranscriberMissingError(`${program} was not found`);
      if (typeof code === 'number') throw new UnreadableMediaError(failure);
      throw error;
    }
  }

  return async (bytes, mimeType) => {
    const dir = await mkdtemp(join(tmpdir(), 'spendline-voice-'));
    try {
      const input = join(dir, `voice.${extensionOf(mimeType)}`);
      const wav = join(dir, 'voice.wav');
      await writeFile(input, bytes);
      await runOn(
        ffmpeg,
        [
          '-nostdin',
          '-loglevel',
          'error',
          '-i',
          input,
          '-ar',
          '16000',
          '-ac',
          '1',
          '-c:a',
          'pcm_s16le',
          wav,
        ],
        'ffmpeg could not decode the voice note',
      );
      // -l auto: people speak Portuguese, Spanish, Indonesian and Hindi too (the
      // default is English). -nt: no timestamps, -np: no progress, so stdout is the words.
      const words = await runOn(
        binary,
        ['-m', model, '-f', wav, '-l', 'auto', '-nt', '-np'],
        'whisper.cpp could not read the file',
      );
      return words.replace(/\s+/g, ' ').trim();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}
