// SvelteKit's own CSRF check compares a form POST's Origin with the origin adapter-node
// derives for the request, which is https:// unless ORIGIN or PROTOCOL_HEADER is set. On
// plain HTTP (`npm start`, tests) every form would then be refused, so the built-in check
// is off (csrf.trustedOrigins: ['*'] in vite.config.ts) and this one runs instead: the
// browser's Origin must name this very host, over either scheme. Another site cannot
// have our host, so cross-site form posts are still refused.

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function isFormLike(request: Request): boolean {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  return !type || FORM_TYPES.includes(type);
}

/** True when the request is a form-like submission from another site (or of unknown origin). */
export function isCrossSiteForm(request: Request, host: string): boolean {
  if (SAFE_METHODS.has(request.method) || !isFormLike(request)) return false;
  const origin = request.headers.get('origin');
  if (!origin) return true;
  try {
    const url = new URL(origin);
    return !(url.protocol === 'http:' || url.protocol === 'https:') || url.host !== host;
  } catch {
    return true;
  }
}
