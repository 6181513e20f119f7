// GraphiQL served from the api itself: yoga's default page loads its scripts from a CDN
// (a blank "Loading..." page without the internet), and @graphql-yoga/render-graphiql
// inlines 9 MB of script into every page, which no script-src without 'unsafe-inline'
// allows. Here the page is small and the same bundle is split into files under
// /graphql/graphiql/, so a strict Content-Security-Policy holds.
import { gzipSync } from 'node:zlib';
import {
  css,
  editorWorkerService,
  favicon,
  graphqlWorker,
  js,
  jsonWorker,
} from '@graphql-yoga/render-graphiql/graphiql';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

export const GRAPHIQL_ASSETS_PATH = '/graphql/graphiql/';

// Monaco's workers by the labels GraphiQL asks for; set before the bundle runs.
const setup = `self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (_moduleId, label) {
    return '${GRAPHIQL_ASSETS_PATH}' + (label === 'editorWorkerService' ? 'editor' : label) + '.worker.js';
  },
};`;
const start = `YogaGraphiQL.renderYogaGraphiQL(
  document.getElementById('root'),
  JSON.parse(document.getElementById('graphiql-options').textContent),
);`;

interface Asset {
  type: string;
  body: string;
  gzipped?: Buffer;
}

const assets = new Map<string, Asset>([
  ['graphiql.js', { type: 'text/javascript', body: `${setup}\n${js};\n${start}\n` }],
  ['graphiql.css', { type: 'text/css', body: css }],
  ['editor.worker.js', { type: 'text/javascript', body: editorWorkerService }],
  ['json.worker.js', { type: 'text/javascript', body: jsonWorker }],
  ['graphql.worker.js', { type: 'text/javascript', body: graphqlWorker }],
]);

/**
 * GraphiQL's page: everything but its options comes from our own origin. Nothing here runs
 * inline, so the page's policy needs no 'unsafe-inline' for scripts; Monaco and GraphiQL
 * set style attributes, hence 'unsafe-inline' for styles only.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

// "</script>" in a title or default query must not end the options block.
const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

/** yoga's renderGraphiQL: the page, with the options as data for graphiql.js. */
export function renderGraphiQL(options: GraphiQLOptions): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${favicon}" />
    <link rel="stylesheet" href="${GRAPHIQL_ASSETS_PATH}graphiql.css" />
    <script id="graphiql-options" type="application/json">${jsonForScript(options)}</script>
    <script src="${GRAPHIQL_ASSETS_PATH}graphiql.js" defer></script>
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
  </body>
</html>
`;
}

function assetResponse(name: string, request: Request): Response {
  const asset = assets.get(name);
  if (!asset) return new Response('Not found', { status: 404 });
  const headers: Record<string, string> = {
    'content-type': `${asset.type}; charset=utf-8`,
    // The same for everyone and changed only by an upgrade of the package.
    'cache-control': 'public, max-age=3600',
    vary: 'accept-encoding',
  };
  if (!/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
    return new Response(asset.body, { headers });
  }
  // 9 MB of script is 2 MB gzipped; compressed once, on first use.
  asset.gzipped ??= gzipSync(asset.body);
  return new Response(new Uint8Array(asset.gzipped), {
    headers: { ...headers, 'content-encoding': 'gzip' },
  });
}

/** Serves GraphiQL's files, and puts its page under GRAPHIQL_CSP. */
export function useGraphiQLAssets(): Plugin {
  return {
    onRequest(payload) {
      const { request, url } = payload;
      if (!url.pathname.startsWith(GRAPHIQL_ASSETS_PATH)) return;
      payload.endResponse(
        request.method === 'GET' || request.method === 'HEAD'
          ? assetResponse(url.pathname.slice(GRAPHIQL_ASSETS_PATH.length), request)
          : new Response('Method not allowed', { status: 405, headers: { allow: 'GET' } }),
      );
    },
    onResponse({ response }) {
      if (response.headers.get('content-type')?.startsWith('text/html')) {
        response.headers.set('content-security-policy', GRAPHIQL_CSP);
      }
    },
  };
}
