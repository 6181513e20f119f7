/** Where to go after signing in: ?next= when it is a path on this site, else `fallback`. */
export function safeNext(url: URL, fallback: string): string {
  const next = url.searchParams.get('next');
  if (!next?.startsWith('/')) return fallback;
  // Browsers drop tabs and line breaks from URLs ("/\t/evil.example" is "//evil.example"),
  // and a Location header cannot carry control characters at all (the redirect would
  // throw): such a `next` is never a page of ours.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(next)) return fallback;
  // Resolve it as a browser would; "//evil.example" and "/\evil.example" land elsewhere.
  const target = new URL(next, url.origin);
  if (target.origin !== url.origin) return fallback;
  return target.pathname + target.search + target.hash;
}
