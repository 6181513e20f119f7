// Headers every answer of the web app carries, pages and proxied api answers alike. The
// Content-Security-Policy of pages comes from SvelteKit (kit.csp in vite.config.ts, with a
// nonce per page); GraphiQL's from the api.

export interface SecurityHeaderOptions {
  /** PUBLIC_URL is https: browsers should never use plain HTTP here again. */
  https: boolean;
  /** The answer is one signed-in person's: no cache may keep it. */
  private: boolean;
}

// A year, as HSTS preload lists ask; subdomains of this app's host are its own.
const HSTS = 'max-age=31536000; includeSubDomains';

export function addSecurityHeaders(response: Response, options: SecurityHeaderOptions): Response {
  const headers = response.headers;
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  // frame-ancestors 'none' in the CSP says the same to browsers that read CSP.
  headers.set('x-frame-options', 'DENY');
  if (options.https) headers.set('strict-transport-security', HSTS);
  if (options.private) headers.set('cache-control', 'no-store');
  return response;
}
