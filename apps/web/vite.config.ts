import { readFileSync, writeFileSync } from 'node:fs';
import nodeAdapter from '@sveltejs/adapter-node';
import type { Adapter } from '@sveltejs/kit';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

const out = 'build';

// Spendline's defaults for adapter-node's settings, loaded before the server starts by
// build/index.js (what `npm start`, the root `npm start` and docker compose run) and by
// build/handler.js. Real environment variables win.
const runtimeDefaults = `// Written by apps/web/vite.config.ts. Real environment variables win.
// WEB_PORT is Spendline's name for the port and wins over adapter-node's PORT (default 3000).
if (process.env.WEB_PORT) process.env.PORT = process.env.WEB_PORT;
// The import page takes CSV files up to 20 MB; every other route (proxied api requests,
// WhatsApp webhooks, forms) stops at 3 MB itself (src/lib/server/body-limit.ts).
// adapter-node's own default is 512K.
process.env.BODY_SIZE_LIMIT ||= '21M';
`;

/** adapter-node, plus build/defaults.js imported first by the entry points it writes. */
function adapter(): Adapter {
  const base = nodeAdapter({ out });
  return {
    ...base,
    async adapt(builder) {
      await base.adapt(builder);
      builder.log.minor('Adding Spendline runtime defaults (WEB_PORT, BODY_SIZE_LIMIT)');
      writeFileSync(`${out}/defaults.js`, runtimeDefaults);
      for (const entry of ['index.js', 'handler.js']) {
        const file = `${out}/${entry}`;
        writeFileSync(file, `import './defaults.js';\n${readFileSync(file, 'utf8')}`);
      }
    },
  };
}

export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter(),
      // Replaced by src/lib/server/form-origin.ts, which also works on plain HTTP.
      csrf: { trustedOrigins: ['*'] },
      // Absolute links (/login/, not ../login/): they read better in tests and copied HTML.
      paths: { relative: false },
      // Every page's Content-Security-Policy: SvelteKit adds a nonce per response for the
      // scripts it inlines, so script-src needs no 'unsafe-inline'. Styles keep it: Svelte
      // writes style attributes (charts, bars, progress) and its transitions insert <style>
      // elements that carry no nonce. GraphiQL's page (served by the api) has its own.
      csp: {
        mode: 'auto',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          'style-src': ['self', 'unsafe-inline'],
          'img-src': ['self', 'data:'],
          'font-src': ['self'],
          'connect-src': ['self'],
          // The service worker (src/service-worker/) and the app manifest, said outright
          // rather than left to default-src.
          'worker-src': ['self'],
          'manifest-src': ['self'],
          'object-src': ['none'],
          'base-uri': ['self'],
          'form-action': ['self'],
          'frame-ancestors': ['none'],
        },
      },
    }),
  ],
  server: { port: Number(process.env.WEB_PORT) || 3000 },
});
