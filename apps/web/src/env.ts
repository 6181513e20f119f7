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
});
