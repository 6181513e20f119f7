// Environment variables the web app reads when it starts (SvelteKit validates them then).
// WEB_PORT and BODY_SIZE_LIMIT are read by adapter-node's server instead: see vite.config.ts.
// ALLOWED_HOSTS and PUBLIC_URL are the api's settings of the same names (packages/config).
import { defineEnvVars } from '@sveltejs/kit/env';

function httpUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  return url.href;
}

export const variables = defineEnvVars({
  API_URL: {
    description:
      'Base URL of the Spendline api; /graphql and /whatsapp/ are proxied there. Default http://127.0.0.1:4000',
    schema: (value) => httpUrl('API_URL', value || 'http://127.0.0.1:4000'),
  },
  PUBLIC_URL: {
    description:
      'The address people open. Its host is always allowed; https turns on Strict-Transport-Security. Default http://localhost:3000',
    schema: (value) => httpUrl('PUBLIC_URL', value || 'http://localhost:3000'),
  },
  ALLOWED_HOSTS: {
    description:
      'Host names this app answers to, comma-separated (".example.com" adds subdomains, "*" all); others get 400. Default localhost,127.0.0.1',
    schema: (value) =>
      (value ?? 'localhost,127.0.0.1')
        .split(',')
        .map((host) => host.trim())
        .filter(Boolean),
  },
  WHATSAPP_DISPLAY_NUMBER: {
    description:
      'The Spendline WhatsApp number people message, digits only with the country code (e.g. 919812345678). Used for wa.me links; unset leaves the number for WhatsApp to ask.',
    schema: (value) => {
      const digits = (value ?? '').replace(/[\s+()-]/g, '');
      if (digits && !/^[1-9]\d{7,14}$/.test(digits)) {
        throw new Error(
          `WHATSAPP_DISPLAY_NUMBER must be a phone number, got ${JSON.stringify(value)}`,
        );
      }
      return digits;
    },
  },
});
