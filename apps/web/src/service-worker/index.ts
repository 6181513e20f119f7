// The service worker that makes the dashboard an installable app: it keeps the app's shell
// (built scripts and styles, icons, the manifest, the offline page) from the moment it
// installs, and shows the offline page when a page cannot be reached. Pages themselves are
// never kept: they hold people's spending and are asked of the server every time.
import { version } from '$app/env';
import { assets, immutable, prerendered } from '$app/manifest';
import { resolve } from '$app/paths';
import { self } from '$app/service-worker';
import { offlinePage, strategyFor } from './strategy.ts';

// One cache per build: a new build's worker fills its own and drops the older ones.
const CACHE = `shell-${version}`;
const OFFLINE_PAGE = resolve('offline/');

// The manifest's paths are relative to the app's base path, where this worker's file is.
const SHELL = [...immutable, ...assets, ...prerendered].map(
  ({ path }) => new URL(path, self.location.href).pathname,
);
const shellPaths = new Set(SHELL);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(SHELL);
      // Take over from an older worker now rather than when every tab has closed.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key !== CACHE) await caches.delete(key);
      }
      // Pages opened before the worker was installed get the offline page too.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const strategy = strategyFor(event.request, self.location.origin, shellPaths);
  if (strategy === 'shell') event.respondWith(fromShell(event.request));
  else if (strategy === 'page') event.respondWith(pageOrOffline(event.request));
});

async function fromShell(request: Request): Promise<Response> {
  const cached = await (await caches.open(CACHE)).match(request);
  return cached ?? fetch(request);
}

// The language of the last page the server sent (its Content-Language: the account's, or
// the one picked before signing in); the browser's until then or after the worker restarts.
let language: string | null = null;

async function pageOrOffline(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    language = response.headers.get('content-language') ?? language;
    return response;
  } catch (error) {
    // fetch fails only when no answer came (no network, or the server out of reach); an
    // error page from the server is still an answer and goes through as it is.
    const cache = await caches.open(CACHE);
    const page = offlinePage(OFFLINE_PAGE, language ?? self.navigator.language);
    const offline = (await cache.match(page)) ?? (await cache.match(OFFLINE_PAGE));
    if (offline) return offline;
    throw error;
  }
}
