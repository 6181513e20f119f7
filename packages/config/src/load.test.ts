import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, isWhatsAppSandbox, loadConfig } from './load.ts';

const noFile = { envFile: undefined };

function problemsFor(env: Record<string, string>): string[] {
  try {
    loadConfig({ env, ...noFile });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.setting);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('gives a working development configuration from an empty environment', () => {
    const config = loadConfig({ env: {}, ...noFile });
    expect(config.API_PORT).toBe(4000);
    expect(config.WEB_PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.ALLOWED_HOSTS).toEqual(['localhost', '127.0.0.1']);
    expect(isWhatsAppSandbox(config)).toBe(true);
  });

  it('names each bad setting in one error', () => {
    expect(
      problemsFor({ API_PORT: 'eighty', DATABASE_URL: 'mysql://x/y', LOG_LEVEL: 'loud' }),
    ).toEqual(expect.arrayContaining(['API_PORT', 'DATABASE_URL', 'LOG_LEVEL']));
  });

  it('puts the setting name and the fix in the message', () => {
    expect(() => loadConfig({ env: { WEB_PORT: '70000' }, ...noFile })).toThrow(
      /WEB_PORT: .*65535/,
    );
    expect(() => loadConfig({ env: { WEB_PORT: '70000' }, ...noFile })).toThrow(/\.env\.example/);
  });

  it('refuses to run production without SECRET_KEY and WEBHOOK_SECRET', () => {
    expect(problemsFor({ NODE_ENV: 'production' }).sort()).toEqual([
      'SECRET_KEY',
      'WEBHOOK_SECRET',
    ]);
  });

  it('reads the WhatsApp display number as digits and refuses anything else', () => {
    const config = loadConfig({ env: { WHATSAPP_DISPLAY_NUMBER: '+91 98123-45678' }, ...noFile });
    expect(config.WHATSAPP_DISPLAY_NUMBER).toBe('919812345678');
    expect(loadConfig({ env: {}, ...noFile }).WHATSAPP_DISPLAY_NUMBER).toBeUndefined();
    expect(problemsFor({ WHATSAPP_DISPLAY_NUMBER: 'call us' })).toEqual([
      'WHATSAPP_DISPLAY_NUMBER',
    ]);
  });

  it('rejects a short SECRET_KEY', () => {
    expect(problemsFor({ SECRET_KEY: 'short' })).toEqual(['SECRET_KEY']);
  });

  it('takes METRICS_TOKEN as optional, refusing a short one without printing it', () => {
    expect(loadConfig({ env: {}, ...noFile }).METRICS_TOKEN).toBeUndefined();
    expect(() => loadConfig({ env: { METRICS_TOKEN: 'guessable-token' }, ...noFile })).toThrow(
      /^(?![\s\S]*guessable)[\s\S]*METRICS_TOKEN: must be at least 32 characters/,
    );
    const token = 'x'.repeat(32);
    expect(loadConfig({ env: { METRICS_TOKEN: token }, ...noFile }).METRICS_TOKEN).toBe(token);
  });

  it('takes voice-note transcription settings, and whisper.cpp only with its model', () => {
    const config = loadConfig({
      env: { TRANSCRIBE_URL: 'http://127.0.0.1:9000/v1/audio/transcriptions' },
      ...noFile,
    });
    expect(config.TRANSCRIBE_MODEL).toBe('whisper-1');
    // Every core but one is left to OCR, at least one and at most eight.
    expect(config.OCR_WORKERS).toBe(Math.min(8, Math.max(1, availableParallelism() - 1)));
    expect(loadConfig({ env: { OCR_WORKERS: '3' }, ...noFile }).OCR_WORKERS).toBe(3);
    expect(() => loadConfig({ env: { WHISPER_CPP_BIN: '/opt/whisper-cli' }, ...noFile })).toThrow(
      /WHISPER_CPP_MODEL: is needed too/,
    );
    expect(() => loadConfig({ env: { TRANSCRIBE_URL: 'ftp://example.com' }, ...noFile })).toThrow(
      /TRANSCRIBE_URL/,
    );
  });

  it('splits comma lists and treats empty variables as unset', () => {
    const config = loadConfig({
      env: {
        ALLOWED_HOSTS: ' spendline.app, www.spendline.app ,',
        API_PORT: '',
        WHATSAPP_ACCESS_TOKEN: 'EAAG',
      },
      ...noFile,
    });
    expect(config.ALLOWED_HOSTS).toEqual(['spendline.app', 'www.spendline.app']);
    expect(config.API_PORT).toBe(4000);
    expect(isWhatsAppSandbox(config)).toBe(false);
  });

  it('reads a .env file beneath the real environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spendline-config-'));
    const envFile = join(dir, '.env');
    writeFileSync(
      envFile,
      'API_PORT=4100\nWEB_PORT=3100\n# comment\nWHATSAPP_VERIFY_TOKEN="from file"\n',
    );
    const config = loadConfig({ env: { WEB_PORT: '3200' }, envFile });
    expect(config.API_PORT).toBe(4100);
    expect(config.WEB_PORT).toBe(3200);
    expect(config.WHATSAPP_VERIFY_TOKEN).toBe('from file');
  });
});
