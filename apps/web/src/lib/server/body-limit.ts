// How large a request body may be. The server's own limit (BODY_SIZE_LIMIT, 21 MB by
// default) is there for the import page's uploads; every other route stops at 3 MB.

/** Proxied api requests and form posts: WhatsApp webhooks stay well under it. */
export const BODY_LIMIT = 3 * 1024 * 1024;

// Pages that take a file and say themselves when it is too large: an import, a receipt
// photo, a photo or voice note for the chat simulator.
const UPLOAD_PAGES = new Set(['/dashboard/import/', '/dashboard/expenses/', '/dashboard/chat/']);

/** True when the request says it carries more than its path takes. */
export function declaresTooMuch(request: Request, pathname: string): boolean {
  if (UPLOAD_PAGES.has(pathname)) return false;
  return Number(request.headers.get('content-length')) > BODY_LIMIT;
}
