// The paths that belong to the api, not the web app: the server forwards them to it
// (hooks.server.ts) and the service worker never answers or keeps them.

/** Whether a request for this pathname belongs to the api. */
export function isApiPath(pathname: string): boolean {
  return (
    pathname === '/graphql' ||
    pathname.startsWith('/graphql/') ||
    pathname.startsWith('/whatsapp/') ||
    // Receipt photos and voice notes, served by the api to their owner only.
    pathname.startsWith('/attachments/')
  );
}

/**
 * The api's routing check, `POST /whatsapp/test/`, which operators call with curl: no
 * Origin and often no content type, so the cross-site form check would refuse it. It
 * changes nothing anywhere, which is all that check guards.
 */
export function isRoutingCheck(pathname: string): boolean {
  return pathname === '/whatsapp/test/' || pathname === '/whatsapp/test';
}
