import { describe, expect, it } from 'vitest';
import { isAddressOrRange, proxyTrust } from './proxies.ts';

describe('proxyTrust', () => {
  const loopback = proxyTrust(['127.0.0.1', '::1']);

  it('takes the socket peer when it is not a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(loopback.clientAddress('203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
  });

  it('takes the address a trusted proxy added, not what the client claimed before it', () => {
    // The client sent "X-Forwarded-For: 198.51.100.1"; the proxy appended what it saw.
    expect(loopback.clientAddress('127.0.0.1', '198.51.100.1, 203.0.113.9')).toBe('203.0.113.9');
    expect(loopback.clientAddress('::ffff:127.0.0.1', ['203.0.113.9'])).toBe('203.0.113.9');
  });

  it('skips every trusted hop from the right', () => {
    const chain = proxyTrust(['127.0.0.1', '10.0.0.0/8']);
    expect(chain.clientAddress('127.0.0.1', '198.51.100.1, 203.0.113.9, 10.1.2.3')).toBe(
      '203.0.113.9',
    );
  });

  it('stops at garbage, keeping the last address a trusted hop vouched for', () => {
    expect(loopback.clientAddress('127.0.0.1', 'not-an-ip')).toBe('127.0.0.1');
    expect(loopback.clientAddress('127.0.0.1', undefined)).toBe('127.0.0.1');
  });

  it('trusts no one when the list is empty', () => {
    expect(proxyTrust([]).clientAddress('127.0.0.1', '198.51.100.1')).toBe('127.0.0.1');
  });
});

describe('isAddressOrRange', () => {
  it('knows addresses and CIDR ranges', () => {
    for (const entry of ['127.0.0.1', '::1', '10.0.0.0/8', 'fd00::/8']) {
      expect(isAddressOrRange(entry), entry).toBe(true);
    }
    for (const entry of ['localhost', '10.0.0.0/33', '10.0.0.0/8/1', '10.0.0.0/x', '']) {
      expect(isAddressOrRange(entry), entry).toBe(false);
    }
  });
});
