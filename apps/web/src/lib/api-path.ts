// The paths that belong to the api, not the web app: the server forwards them to it
// (hooks.server.ts) and the service worker never answers or keeps them.

/** Whether a request for this pathname belongs to the api. */
export function isApiPath(pathname: string): boolean {
  return (
    pathname === '/graphql' || pathname.startsWith('/graphql/') || pathname.startsWith('/whatsapp/')
  );
}
