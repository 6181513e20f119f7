import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Fields that may carry a secret wherever they appear in a log object. Logging a
 * config, a header bag or a request body must never print one.
 */
export const redactedPaths = [
  'password',
  'passwordHash',
  'token',
  'code',
  'secret',
  'authorization',
  'cookie',
  'SECRET_KEY',
  'WEBHOOK_SECRET',
  'WHATSAPP_ACCESS_TOKEN',
  'WHATSAPP_VERIFY_TOKEN',
  'METRICS_TOKEN',
  'DATABASE_URL',
]
  .flatMap((key) => [key, `*.${key}`, `*.*.${key}`])
  .concat([
    'req.headers.authorization',
    'req.headers.cookie',
    'req.headers["x-hub-signature-256"]',
    'res.headers["set-cookie"]',
  ]);

export interface LoggerOptions {
  level?: string;
  name?: string;
  /** Where lines go; stdout by default. Tests pass a stream to read them back. */
  destination?: DestinationStream;
}

/** One JSON object per line, with secrets censored before they are written. */
export function createLogger({ level = 'info', name, destination }: LoggerOptions = {}): Logger {
  const options = {
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
    ...(name ? { name } : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}
