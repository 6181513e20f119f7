import { describe, expect, it } from 'vitest';
import { BODY_LIMIT, declaresTooMuch } from './body-limit.ts';

const post = (length: number) =>
  new Request('http://localhost/', { method: 'POST', headers: { 'content-length': `${length}` } });

describe('declaresTooMuch', () => {
  it('refuses a body over 3 MB everywhere but the import page', () => {
    expect(declaresTooMuch(post(BODY_LIMIT), '/dashboard/expenses/')).toBe(false);
    expect(declaresTooMuch(post(BODY_LIMIT + 1), '/dashboard/expenses/')).toBe(true);
    expect(declaresTooMuch(post(BODY_LIMIT + 1), '/dashboard/import/')).toBe(false);
    expect(declaresTooMuch(post(BODY_LIMIT + 1), '/dashboard/import/rows/')).toBe(true);
  });

  it('leaves a body without a length to the server’s own limit', () => {
    expect(declaresTooMuch(new Request('http://localhost/'), '/login/')).toBe(false);
  });
});
