import { catalogLocale } from '@spendline/i18n';
import { describe, expect, it } from 'vitest';
import { offlinePage, strategyFor } from './strategy.ts';

const ORIGIN = 'https://spendline.example.com';
const SHELL = new Set(['/_app/immutable/entry/start.abc123.js', '/favicon.svg', '/offline/']);

function strategy(path: string, init: { method?: string; mode?: RequestMode } = {}) {
  const url = path.startsWith('http') ? path : `${ORIGIN}${path}`;
  return strategyFor(
    { method: init.method ?? 'GET', mode: init.mode ?? 'cors', url },
    ORIGIN,
    SHELL,
  );
}

describe('strategyFor', () => {
  it('answers the files of the shell from the cache', () => {
    expect(strategy('/_app/immutable/entry/start.abc123.js')).toBe('shell');
    expect(strategy('/favicon.svg', { mode: 'no-cors' })).toBe('shell');
  });

  it('sends every page to the network, with the offline page to fall back on', () => {
    for (const path of ['/dashboard/', '/dashboard/expenses/?category=food', '/', '/offline/']) {
      expect(strategy(path, { mode: 'navigate' }), path).toBe('page');
    }
  });

  it('leaves the api alone, pages of GraphiQL included', () => {
    for (const path of ['/graphql', '/graphql/stream', '/whatsapp/webhook/']) {
      expect(strategy(path), path).toBe('network');
      expect(strategy(path, { mode: 'navigate' }), path).toBe('network');
      expect(strategy(path, { method: 'POST' }), path).toBe('network');
    }
  });

  it('leaves form posts, page data and downloads to the network', () => {
    expect(strategy('/dashboard/expenses/', { method: 'POST', mode: 'navigate' })).toBe('network');
    expect(strategy('/dashboard/__data.json?x-sveltekit-invalidated=11')).toBe('network');
    expect(strategy('/dashboard/export/?format=json')).toBe('network');
    expect(strategy('/_app/version.json')).toBe('network');
  });

  it('keeps no other origin and no shell file asked for with a query string', () => {
    expect(strategy('https://cdn.example.net/favicon.svg')).toBe('network');
    expect(strategy('https://cdn.example.net/dashboard/', { mode: 'navigate' })).toBe('network');
    expect(strategy('/favicon.svg?v=2')).toBe('network');
  });
});

describe('offlinePage', () => {
  it('picks the offline page in the reader’s language, English for the rest', () => {
    expect(offlinePage('/offline/', 'pt-BR')).toBe('/offline/pt-BR/');
    expect(offlinePage('/offline/', 'es-MX')).toBe('/offline/es/');
    expect(offlinePage('/offline/', 'in-ID')).toBe('/offline/id/');
    expect(offlinePage('/offline/', 'hi-IN')).toBe('/offline/hi/');
    expect(offlinePage('/offline/', 'en-IN')).toBe('/offline/');
    expect(offlinePage('/offline/', 'fr-FR')).toBe('/offline/');
    expect(offlinePage('/offline/', null)).toBe('/offline/');
  });

  it('reads a tag as the catalogs do', () => {
    for (const tag of ['pt-PT', 'es-AR', 'id', 'hi', 'en-US', 'de-DE', 'zh-Hans-CN']) {
      const locale = catalogLocale(tag);
      expect(offlinePage('/offline/', tag)).toBe(
        locale === 'en' ? '/offline/' : `/offline/${locale}/`,
      );
    }
  });
});
