import { isAllowedHost } from '@spendline/config';
import type { Handle } from '@sveltejs/kit/hooks';
import { building } from '$app/env';
import { ALLOWED_HOSTS, API_URL, PUBLIC_URL } from '$app/env/private';
import { isApiPath, isRoutingCheck } from '#lib/api-path.ts';
import { apiFor, SESSION_COOKIE } from '#lib/server/api.ts';
import { BODY_LIMIT, declaresTooMuch } from '#lib/server/body-limit.ts';
import { isCrossSiteForm } from '#lib/server/form-origin.ts';
import { pageLocale } from '#lib/server/i18n.ts';
import { proxyRequest } from '#lib/server/proxy.ts';
import { refusal } from '#lib/server/refusal.ts';
import { addSecurityHeaders } from '#lib/server/security-headers.ts';
import { ViewerQuery, type Viewer } from '#lib/server/viewer.ts';

// PUBLIC_URL is a host people use whatever ALLOWED_HOSTS says.
const allowedHosts = [...ALLOWED_HOSTS, new URL(PUBLIC_URL).hostname];
const https = new URL(PUBLIC_URL).protocol === 'https:';

export const handle: Handle = async ({ event, resolve }) => {
  const response = await route({ event, resolve });
  return addSecurityHeaders(response, {
    https,
    // Pages for a signed-in browser; the api marks its own answers.
    private: !isApiPath(event.url.pathname) && event.cookies.get(SESSION_COOKIE) !== undefined,
  });
};

// /graphql and /whatsapp/ belong to the api: forward them there so browsers and Meta's
// webhooks need only this origin. Everything else is the web app.
const route: Handle = async ({ event, resolve }) => {
  // Links and redirects are built from the host asked for: answer only our own names. The
  // build asks for the pages it prerenders (the offline page) at a host of its own.
  if (!building && !isAllowedHost(event.url.host, allowedHosts)) {
    return refusal(event, 400, 'request.unknownHost');
  }
  if (!isRoutingCheck(event.url.pathname) && isCrossSiteForm(event.request, event.url.host)) {
    return refusal(event, 403, 'request.crossSite');
  }
  if (!isApiPath(event.url.pathname)) {
    if (declaresTooMuch(event.request, event.url.pathname))
      return refusal(event, 413, 'request.tooLarge');
    event.locals.viewer = await viewerOf(event);
    const lang = pageLocale(event);
    const response = await resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%lang%', lang),
    });
    // The service worker learns the reader's language from it, for the offline page.
    if (!response.headers.has('content-language')) response.headers.set('content-language', lang);
    return response;
  }

  return proxyRequest(event.request, {
    upstream: API_URL,
    maxBodyBytes: BODY_LIMIT,
    clientAddress: clientAddress(event.getClientAddress),
    onError: (error, request) => {
      const { pathname } = new URL(request.url);
      console.error(`proxy: ${request.method} ${pathname} -> ${API_URL}: ${error.message}`);
    },
  });
};

/** Who the session cookie belongs to; no cookie, no call to the api. */
async function viewerOf(event: Parameters<Handle>[0]['event']): Promise<Viewer | null> {
  if (!event.cookies.get(SESSION_COOKIE)) return null;
  try {
    const { data } = await apiFor(event).run(ViewerQuery);
    return data?.me ?? null;
  } catch {
    // The api is down (already logged): pages that need a viewer send people to log in.
    return null;
  }
}

function clientAddress(get: () => string): string | undefined {
  try {
    return get();
  } catch {
    // The adapter could not tell (e.g. ADDRESS_HEADER is set but the header is missing).
    return undefined;
  }
}
