import { describe, expect, it } from 'vitest';
import { isApiPath, isRoutingCheck } from './api-path.ts';

describe('isApiPath', () => {
  it('claims /graphql, /graphql/..., /whatsapp/... and /attachments/...', () => {
    for (const path of [
      '/graphql',
      '/graphql/',
      '/graphql/stream',
      '/whatsapp/webhook',
      '/attachments/0193a1b2-0000-7000-8000-000000000000',
    ]) {
      expect(isApiPath(path), path).toBe(true);
    }
  });

  it('leaves the web app its own pages', () => {
    // /metrics stays the api's own, for scrapers that reach it directly: never passed on.
    for (const path of [
      '/',
      '/graphqlx',
      '/graphiql',
      '/whatsapp',
      '/whatsappx/a',
      '/login/',
      '/metrics',
      '/attachments',
    ]) {
      expect(isApiPath(path), path).toBe(false);
    }
  });
});

describe('isRoutingCheck', () => {
  it('is the api path /whatsapp/test/, with or without its slash, and nothing else', () => {
    expect(['/whatsapp/test/', '/whatsapp/test'].every(isRoutingCheck)).toBe(true);
    for (const path of ['/whatsapp/webhook/', '/whatsapp/test/x', '/whatsapp/testing', '/test/']) {
      expect(isRoutingCheck(path), path).toBe(false);
    }
    expect(isApiPath('/whatsapp/test/')).toBe(true);
  });
});
