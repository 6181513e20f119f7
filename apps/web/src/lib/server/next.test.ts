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
});
