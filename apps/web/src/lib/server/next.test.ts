import { describe, expect, it } from 'vitest';
import { safeNext } from './next.ts';

const at = (next: string) => new URL(`http://localhost/login/?next=${encodeURIComponent(next)}`);

describe('safeNext', () => {
  it('goes back to a path on this site', () => {
    expect(safeNext(at('/dashboard/expenses/?page=2'), '/dashboard/')).toBe(
      '/dashboard/expenses/?page=2',
    );
  });

  it('never leaves the site', () => {
    for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example', 'x']) {
      expect(safeNext(at(next), '/dashboard/')).toBe('/dashboard/');
    }
    expect(safeNext(new URL('http://localhost/login/'), '/dashboard/')).toBe('/dashboard/');
  });

  it('refuses paths with tabs, line breaks or other control characters', () => {
    // A browser drops the tab and newline characters: "/\t/evil.example" is "//evil.example".
    for (const next of ['/\t/evil.example', '/\n/evil.example', '/\r/evil.example', '/a\u0000']) {
      expect(safeNext(at(next), '/dashboard/')).toBe('/dashboard/');
    }
  });

  it('answers a path a Location header can carry', () => {
    expect(safeNext(at('/dashboard/?q=café ₹'), '/dashboard/')).toBe(
      '/dashboard/?q=caf%C3%A9%20%E2%82%B9',
    );
  });
});
