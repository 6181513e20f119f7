import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { metaJson } from './meta-json.ts';
import { signPayload, verifySignature, verifyToken } from './signature.ts';

const secret = 'app-secret';
const payload = { entry: [{ text: 'Bäckerei 120 € 🍞', url: 'https://example.com/a' }] };
const metaBody = Buffer.from(metaJson(payload), 'utf8');

describe('signPayload', () => {
  it('gives sha256= and the lowercase hex HMAC of the bytes', () => {
    const hex = createHmac('sha256', secret).update(metaBody).digest('hex');
    expect(signPayload(metaBody, secret)).toBe(`sha256=${hex}`);
    expect(signPayload(metaBody, secret)).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('signs a plain Uint8Array the same as a Buffer', () => {
    expect(signPayload(new Uint8Array(metaBody), secret)).toBe(signPayload(metaBody, secret));
  });
});

describe('verifySignature', () => {
  const header = signPayload(metaBody, secret);

  it('accepts the signature of the exact bytes received', () => {
    expect(metaBody.toString('latin1')).toContain('B\\u00e4ckerei');
    expect(verifySignature(metaBody, header, secret)).toBe(true);
  });

  it('rejects the same JSON re-serialised without Meta escaping', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(metaBody.toString('utf8'))));
    expect(JSON.parse(reserialised.toString('utf8'))).toEqual(payload);
    expect(verifySignature(reserialised, header, secret)).toBe(false);
  });

  it('rejects a body changed by one byte', () => {
    const tampered = Buffer.from(metaBody);
    tampered.writeUInt8(tampered.readUInt8(10) ^ 1, 10);
    expect(verifySignature(tampered, header, secret)).toBe(false);
  });

  it('rejects a signature made with another secret', () => {
    expect(verifySignature(metaBody, signPayload(metaBody, 'other'), secret)).toBe(false);
  });

  it('rejects missing, malformed, uppercase, short and prefix-less headers', () => {
    const hex = header.slice('sha256='.length);
    for (const bad of [
      undefined,
      '',
      hex,
      `sha1=${hex}`,
      `sha256=${hex.toUpperCase()}`,
      `sha256=${hex.slice(0, 63)}`,
      `sha256=${hex}0`,
      ` ${header}`,
    ]) {
      expect(verifySignature(metaBody, bad, secret)).toBe(false);
    }
  });

  it('refuses everything when no app secret is configured', () => {
    expect(verifySignature(metaBody, signPayload(metaBody, ''), '')).toBe(false);
  });
});

describe('verifyToken', () => {
  it('accepts only the exact token', () => {
    expect(verifyToken('verify-me', 'verify-me')).toBe(true);
    expect(verifyToken('verify-m', 'verify-me')).toBe(false);
    expect(verifyToken('verify-me ', 'verify-me')).toBe(false);
    expect(verifyToken('VERIFY-ME', 'verify-me')).toBe(false);
  });

  it('refuses a missing token and an unconfigured expected token', () => {
    expect(verifyToken(undefined, 'verify-me')).toBe(false);
    expect(verifyToken(null, 'verify-me')).toBe(false);
    expect(verifyToken('', '')).toBe(false);
    expect(verifyToken('anything', undefined)).toBe(false);
  });
});
