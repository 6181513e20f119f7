import { describe, expect, it } from 'vitest';
import { isApiPath } from './api-path.ts';

describe('isApiPath', () => {
  it('claims /graphql, /graphql/... and /whatsapp/...', () => {
    for (const path of ['/graphql', '/graphql/', '/graphql/stream', '/whatsapp/webhook']) {
      expect(isApiPath(path), path).toBe(true);
    }
  });

  it('leaves the web app its own pages', () => {
    for (const path of ['/', '/graphqlx', '/graphiql', '/whatsapp', '/whatsappx/a', '/login/']) {
      expect(isApiPath(path), path).toBe(false);
    }
  });
});
