import { describe, expect, it } from 'vitest';
import { BODY_LIMIT, declaresTooMuch } from './body-limit.ts';

const post = (length: number) =>
  new Request('http://localhost/', { method: 'POST', headers: { 'content-length': `${length}` } });

describe('declaresTooMuch', () => {
  it('refuses a body over 3 MB everywhere but the pages that take a file', () => {
    expect(declaresTooMuch(post(BODY_LIMIT), '/dashboard/budgets/')).toBe(false);
    expect(declaresTooMuch(post(BODY_LIMIT + 1), '/dashboard/budgets/')).toBe(true);
    // The import, a receipt photo, a photo or voice note for the chat simulator.
    for (const page of ['/dashboard/import/', '/dashboard/expenses/', '/dashboard/chat/']) {
      expect(declaresTooMuch(post(BODY_LIMIT + 1), page)).toBe(false);
    }
    expect(declaresTooMuch(post(BODY_LIMIT + 1), '/dashboard/expenses/export/')).toBe(true);
    expect(declaresTooMuch(post(BODY_LIMIT + 1), '/dashboard/import/rows/')).toBe(true);
  });

  it('leaves a body without a length to the server’s own limit', () => {
    expect(declaresTooMuch(new Request('http://localhost/'), '/login/')).toBe(false);
  });
});
