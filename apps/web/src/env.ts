// Environment variables the web app reads when it starts (SvelteKit validates them then).
// WEB_PORT and BODY_SIZE_LIMIT are read by adapter-node's server instead: see vite.config.ts.
import { defineEnvVars } from '@sveltejs/kit/env';

export const variables = defineEnvVars({
  API_URL: {
    description:
      'Base URL of the Spendline api; /graphql and /whatsapp/ are proxied there. Default http://127.0.0.1:4000',
    schema: (value) => {
      const raw = value || 'http://127.0.0.1:4000';
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        throw new Error(`API_URL must be an http(s) URL, got ${JSON.stringify(raw)}`);
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new Error(`API_URL must be an http(s) URL, got ${JSON.stringify(raw)}`);
      }
      return url.href;
    },
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
