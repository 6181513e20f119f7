// Which Host headers a Spendline process answers to (ALLOWED_HOSTS), Django's way: a name
// matches itself, ".example.com" matches example.com and its subdomains, "*" matches all.

/**
 * Loopback names are always accepted: they can only mean this machine, and the processes
 * call each other by them (the start script's and docker's health probes, the web app's
 * proxy, the sandbox chat's own webhook).
 */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

// A name of letters, digits, dots and hyphens, or a bracketed IPv6 address; then a port.
const HOST_HEADER = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The host name of a Host header value, lower-cased, without its port; null if malformed. */
export function hostName(host: string | null | undefined): string | null {
  if (!host || !HOST_HEADER.test(host)) return null;
  try {
    // "example.com." is example.com.
    return new URL(`http://${host}`).hostname.replace(/\.$/, '');
  } catch {
    return null;
  }
}

/** Whether a Host header value names one of the allowed hosts. */
export function isAllowedHost(
  host: string | null | undefined,
  allowed: readonly string[],
): boolean {
  const name = hostName(host);
  if (name === null) return false;
  return [...LOOPBACK, ...allowed].some((pattern) => {
    const entry = pattern.trim().toLowerCase();
    if (entry === '*') return true;
    if (entry.startsWith('.')) return name === entry.slice(1) || name.endsWith(entry);
    return name === (hostName(entry) ?? entry);
  });
}
