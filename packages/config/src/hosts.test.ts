import { describe, expect, it } from 'vitest';
import { hostName, isAllowedHost } from './hosts.ts';

describe('isAllowedHost', () => {
  const allowed = ['spendline.example.com', '.team.example'];

  it('accepts the listed names on any port, and subdomains of a leading-dot entry', () => {
    for (const host of [
      'spendline.example.com',
      'Spendline.Example.com:8443',
      'spendline.example.com.',
      'team.example',
      'eu.team.example:3000',
    ]) {
      expect(isAllowedHost(host, allowed), host).toBe(true);
    }
  });

  it('refuses other names and malformed headers', () => {
    for (const host of [
      'evil.example',
      'spendline.example.com.evil.example',
      'evilteam.example',
      'spendline.example.com@evil.example',
      'spendline.example.com/x',
      '',
      null,
      undefined,
    ]) {
      expect(isAllowedHost(host, allowed), String(host)).toBe(false);
    }
  });

  it('always accepts loopback names, which only this machine can mean', () => {
    for (const host of ['localhost:3000', '127.0.0.1', '[::1]:4000']) {
      expect(isAllowedHost(host, [])).toBe(true);
    }
  });

  it('accepts everything with "*"', () => {
    expect(isAllowedHost('anything.example', ['*'])).toBe(true);
  });
});

describe('hostName', () => {
  it('drops the port and lower-cases', () => {
    expect(hostName('LocalHost:80')).toBe('localhost');
    expect(hostName('[::1]:3000')).toBe('[::1]');
  });
});
