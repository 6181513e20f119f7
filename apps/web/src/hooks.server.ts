import type { Handle } from '@sveltejs/kit/hooks';
import { API_URL } from '$app/env/private';
import { isApiPath, proxyRequest } from '#lib/server/proxy.ts';

// /graphql and /whatsapp/ belong to the api: forward them there so browsers and Meta's
// webhooks need only this origin. Everything else is the web app.
export const handle: Handle = async ({ event, resolve }) => {
  if (!isApiPath(event.url.pathname)) return resolve(event);

  return proxyRequest(event.request, {
    upstream: API_URL,
    clientAddress: clientAddress(event.getClientAddress),
    onError: (error, request) => {
      const { pathname } = new URL(request.url);
      console.error(`proxy: ${request.method} ${pathname} -> ${API_URL}: ${error.message}`);
    },
  });
};

function clientAddress(get: () => string): string | undefined {
  try {
    return get();
  } catch {
    // The adapter could not tell (e.g. ADDRESS_HEADER is set but the header is missing).
    return undefined;
  }
}
