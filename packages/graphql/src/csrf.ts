import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { readCookie, SESSION_COOKIE_NAME } from '@spendline/auth';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

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
 */
export function useCookieCsrfProtection(trustedOrigins: string[]): Plugin {
  const preflight = useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] });
  const trusted = new Set(trustedOrigins.map((origin) => new URL(origin).origin));
  return {
    onRequestParse(payload) {
      const { request, url } = payload;
      if (!carriesSessionCookie(request)) return;
      const origin = request.headers.get('origin');
      if (origin && origin !== url.origin && !trusted.has(origin)) {
        throw createGraphQLError('Cross-origin request refused.', {
          extensions: { http: { status: 403 }, code: 'CSRF_ORIGIN' },
        });
      }
      return preflight.onRequestParse?.(payload);
    },
  };
}
