import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { readCookie, SESSION_COOKIE_NAME } from '@spendline/auth';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { NodeServerContext } from './handler.ts';

/** Browsers can attach cookies to cross-site requests; only those need CSRF rules. */
function carriesSessionCookie(request: Request): boolean {
  return (
    !request.headers.has('authorization') &&
    readCookie(request.headers.get('cookie'), SESSION_COOKIE_NAME) !== null
  );
}

/**
 * CSRF prevention for cookie-authenticated requests: they must be ones a browser
 * preflights (JSON content type, or the x-graphql-yoga-csrf header), and a request
 * that names its Origin must come from this site or a trusted origin. Bearer-token
 * requests are not at risk: no browser adds that header on its own.
 *
 * "This site" is the host the browser spoke to (`publicHost`: the web app's, which it
 * checked against ALLOWED_HOSTS), over either scheme as the web app's own form check: the
 * dashboard opened at 127.0.0.1 rather than PUBLIC_URL's localhost is still this site.
 */
export function useCookieCsrfProtection(
  trustedOrigins: string[],
  publicHost: (url: URL, serverContext: Partial<NodeServerContext>) => string,
): Plugin {
  const preflight = useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] });
  const trusted = new Set(trustedOrigins.map((origin) => new URL(origin).origin));
  return {
    onRequestParse(payload) {
      const { request, url } = payload;
      if (!carriesSessionCookie(request)) return;
      const origin = request.headers.get('origin');
      // Under node:http, yoga's server context holds the request's req and res.
      const serverContext = payload.serverContext as Partial<NodeServerContext>;
      if (origin && !sameHost(origin, publicHost(url, serverContext)) && !trusted.has(origin)) {
        throw createGraphQLError('Cross-origin request refused.', {
          extensions: { http: { status: 403 }, code: 'CSRF_ORIGIN' },
        });
      }
      return preflight.onRequestParse?.(payload);
    },
  };
}

function sameHost(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === host;
  } catch {
    return false;
  }
}
