/** Where to go after signing in: ?next= when it is a path on this site, else `fallback`. */
export function safeNext(url: URL, fallback: string): string {
  const next = url.searchParams.get('next');
  // "//evil.example" and "/\evil.example" are other sites to a browser.
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
    ? next
    : fallback;
}
