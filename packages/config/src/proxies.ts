// Whose word on the client's address is believed (TRUSTED_PROXIES). A client can send any
// X-Forwarded-For it likes; only the entries that trusted proxies added are true.
import { BlockList, isIP } from 'node:net';

/** Whether an entry is an IP address or a CIDR range, e.g. 10.0.0.0/8 or fd00::/8. */
export function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/** 127.0.0.1 as the socket reports an IPv4 peer on a dual-stack server (::ffff:127.0.0.1). */
function plain(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

export interface ProxyTrust {
  /** Whether the address (a socket peer, or an entry of X-Forwarded-For) is a trusted proxy. */
  trusts(address: string | undefined): boolean;
  /**
   * The client's address: the socket peer, unless that is a trusted proxy; then the
   * X-Forwarded-For entries are read from the right, skipping trusted proxies, and the
   * first one that is not trusted is the client. Entries to its left are the client's
   * own claims and ignored.
   */
  clientAddress(
    peer: string | undefined,
    forwardedFor: string | string[] | undefined,
  ): string | undefined;
}

/** The trust for a list of addresses and CIDR ranges (entries that are neither are refused by the config). */
export function proxyTrust(entries: readonly string[]): ProxyTrust {
  const list = new BlockList();
  for (const entry of entries.filter(isAddressOrRange)) {
    const [address = '', prefix] = entry.split('/');
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(prefix), type);
  }
  const trusts = (address: string | undefined): boolean => {
    if (!address) return false;
    const ip = plain(address);
    const family = isIP(ip);
    return family !== 0 && list.check(ip, family === 6 ? 'ipv6' : 'ipv4');
  };
  return {
    trusts,
    clientAddress(peer, forwardedFor) {
      let client = peer && plain(peer);
      if (!trusts(client)) return client;
      const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
      const hops = header
        .split(',')
        .map((hop) => hop.trim())
        .filter(Boolean)
        .reverse();
      for (const hop of hops) {
        // Garbage was written by someone untrusted: the last trusted hop is all we know.
        if (!isIP(plain(hop))) break;
        client = plain(hop);
        if (!trusts(client)) break;
      }
      return client;
    },
  };
}
