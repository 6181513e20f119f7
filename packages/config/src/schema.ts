import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { isAddressOrRange } from './proxies.ts';

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const commaList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    );
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));
const optionalUrl = (protocols: RegExp) =>
  z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined))
    .pipe(z.url({ protocol: protocols }).optional());

// The business number as wa.me wants it: digits with the country code. People paste it
// as "+91 98123-45678"; the web app (src/env.ts) reads it with the same rule.
const displayNumber = z
  .string()
  .optional()
  .transform((value) => value?.replace(/[\s+()-]/g, '') || undefined)
  .refine(
    (digits) => digits === undefined || /^[1-9]\d{7,14}$/.test(digits),
    'must be a phone number with its country code, e.g. +919812345678',
  );

// Development-only fallbacks so `npm start` needs no .env; production refuses them.
export const DEVELOPMENT_SECRET_KEY = 'insecure-development-secret-key-change-me-in-production';
// The local simulator signs webhooks with this one unless told otherwise.
export const DEVELOPMENT_WEBHOOK_SECRET = 'development-webhook-secret';

/**
 * Every setting Spendline reads. Names from the old system are kept
 * (SECRET_KEY, ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS, WHATSAPP_*, WEBHOOK_SECRET).
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    API_PORT: port(4000),
    // Loopback by default: browsers and Meta reach the api through the web app's proxy.
    API_HOST: z.string().min(1).default('127.0.0.1'),
    WEB_PORT: port(3000),
    // Seconds a stop may take before work still under way is cut off; below Docker's
    // 10 s between SIGTERM and SIGKILL. The web app reads the same name.
    SHUTDOWN_TIMEOUT: z.coerce.number().min(1).max(600).default(8),
    API_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4000'),
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
    DATABASE_URL: optionalUrl(/^postgres(ql)?$/),
    DATA_DIR: optionalText,
    SECRET_KEY: z
      .string()
      .min(32, 'must be at least 32 characters')
      .default(DEVELOPMENT_SECRET_KEY),
    ALLOWED_HOSTS: commaList('localhost,127.0.0.1'),
    CSRF_TRUSTED_ORIGINS: commaList(''),
    // Loopback: where the web app, whose proxy passes the client's address on, runs by default.
    TRUSTED_PROXIES: commaList('127.0.0.1,::1').refine(
      (entries) => entries.every(isAddressOrRange),
      'must be IP addresses or CIDR ranges, e.g. 127.0.0.1,10.0.0.0/8',
    ),
    WHATSAPP_BUSINESS_ACCOUNT_ID: optionalText,
    WHATSAPP_PHONE_NUMBER_ID: optionalText,
    WHATSAPP_ACCESS_TOKEN: optionalText,
    WHATSAPP_VERIFY_TOKEN: optionalText,
    // Read by the web app only (wa.me links and the QR code on /link-whatsapp/).
    WHATSAPP_DISPLAY_NUMBER: displayNumber,
    WEBHOOK_SECRET: z.string().min(1).default(DEVELOPMENT_WEBHOOK_SECRET),
    WHATSAPP_API_URL: z.url({ protocol: /^https?$/ }).default('https://graph.facebook.com/v26.0'),
    // Meta's default per-number throughput; raise it when Meta raises your tier.
    WHATSAPP_MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(80),
    // Lets a scraper off the api's machine read /metrics (loopback needs none).
    METRICS_TOKEN: z
      .string()
      .optional()
      .transform((value) => (value?.trim() ? value.trim() : undefined))
      .pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    // Voice notes: an OpenAI-compatible /v1/audio/transcriptions endpoint (hosted, or a
    // self-hosted whisper server), or a local whisper.cpp binary with its model.
    TRANSCRIBE_URL: z.url({ protocol: /^https?$/ }).optional(),
    TRANSCRIBE_API_KEY: z.string().optional(),
    TRANSCRIBE_MODEL: z.string().min(1).default('whisper-1'),
    WHISPER_CPP_BIN: z.string().min(1).optional(),
    WHISPER_CPP_MODEL: z.string().min(1).optional(),
    // whisper.cpp reads WAV: ffmpeg converts WhatsApp's OGG/Opus for it.
    FFMPEG_BIN: z.string().min(1).default('ffmpeg'),
    // Photos read at once (OCR worker threads); each takes about 100 MB. One core is left
    // to the api: with OCR on every core, webhook acks' p99 rose 3-6x on two cores.
    OCR_WORKERS: z.coerce
      .number()
      .int()
      .min(1)
      .max(8)
      .default(() => Math.min(8, Math.max(1, availableParallelism() - 1))),
  })
  .superRefine((env, ctx) => {
    if ((env.WHISPER_CPP_BIN === undefined) !== (env.WHISPER_CPP_MODEL === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.WHISPER_CPP_BIN === undefined ? 'WHISPER_CPP_BIN' : 'WHISPER_CPP_MODEL'],
        message: 'is needed too: whisper.cpp runs with both the binary and its model',
      });
    }
    if (env.NODE_ENV !== 'production') return;
    if (env.SECRET_KEY === DEVELOPMENT_SECRET_KEY) {
      ctx.addIssue({ code: 'custom', path: ['SECRET_KEY'], message: 'is required in production' });
    }
    // The old system ran for months with signature checks off; never again.
    if (env.WEBHOOK_SECRET === DEVELOPMENT_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_SECRET'],
        message: 'is required in production',
      });
    }
  });

export type Config = z.output<typeof envSchema>;
