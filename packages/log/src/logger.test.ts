import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { requestId } from './request-id.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ destination }) };
}

describe('createLogger', () => {
  it('writes one JSON object per event with the message and fields', () => {
    const { lines, logger } = capture();
    logger.info({ requestId: 'r-1', path: '/healthz' }, 'request done');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'request done',
      requestId: 'r-1',
      path: '/healthz',
      level: 30,
    });
  });

  it('never writes secrets, at the top level or nested', () => {
    const { lines, logger } = capture();
    logger.warn(
      {
        password: 'hunter2',
        config: { WEBHOOK_SECRET: 'app-secret', WHATSAPP_ACCESS_TOKEN: 'EAAG123', API_PORT: 4000 },
        req: {
          headers: {
            authorization: 'Bearer spl_abc',
            cookie: 'session=xyz',
            'x-hub-signature-256': 'sha256=ab',
          },
        },
      },
      'boom',
    );
    const line = JSON.stringify(lines[0]);
    for (const secret of [
      'hunter2',
      'app-secret',
      'EAAG123',
      'spl_abc',
      'session=xyz',
      'sha256=ab',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('"API_PORT":4000');
  });
});

describe('requestId', () => {
  it('keeps a well-formed incoming id and replaces a hostile one', () => {
    expect(requestId('abc-123')).toBe('abc-123');
    expect(requestId('bad id\n{"injected":true}')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestId(undefined)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestId(['first', 'second'])).toBe('first');
  });
});
