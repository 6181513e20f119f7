import { describe, expect, it } from 'vitest';
import { pageLocale, requestLocale, serverTranslator } from './i18n.ts';

/** The parts of a request event the language is read from. */
function request(options: { viewer?: string; cookie?: string; header?: string }) {
  const headers = new Headers(options.header ? { 'accept-language': options.header } : {});
  return {
    locals: { viewer: options.viewer ? { locale: options.viewer } : null },
    cookies: { get: (name: string) => (name === 'locale' ? options.cookie : undefined) },
    request: { headers },
  };
}

describe('requestLocale', () => {
  it('follows the account, then the picked language, then the browser, then the default', () => {
    expect(requestLocale(request({ viewer: 'es-MX', cookie: 'hi-IN', header: 'pt-BR' }))).toBe(
      'es-MX',
    );
    expect(requestLocale(request({ cookie: 'hi-in', header: 'pt-BR' }))).toBe('hi-IN');
    expect(requestLocale(request({ cookie: 'not a tag', header: 'pt-BR,pt;q=0.9' }))).toBe('pt-BR');
    expect(requestLocale(request({}))).toBe('en-IN');
  });
});

describe('serverTranslator', () => {
  it('writes form messages in the request’s language, or in a language just chosen', async () => {
    const portuguese = await serverTranslator(request({ header: 'pt-BR' }));
    expect(portuguese('settings.saved')).toBe('Configurações salvas.');
    const chosen = await serverTranslator(request({ header: 'pt-BR' }), 'id-ID');
    expect(chosen('settings.saved')).toBe('Pengaturan tersimpan.');
    // A language without a catalog reads English, its numbers still written its own way.
    const french = await serverTranslator(request({ header: 'fr-FR' }));
    expect(french('expenses.count', { count: 1234 })).toBe('1\u202f234 entries');
  });
});

describe('pageLocale', () => {
  it('writes an offline page in the language of its address, any other page in the reader’s', () => {
    const reader = request({ header: 'es-MX' });
    const offline = (locale?: string) => ({
      ...reader,
      route: { id: '/offline/[[locale]]' },
      params: locale ? { locale } : {},
    });
    expect(pageLocale(offline('pt-BR'))).toBe('pt-BR');
    expect(pageLocale(offline('hi'))).toBe('hi-IN');
    expect(pageLocale(offline())).toBe('en-IN');
    const other = { ...reader, route: { id: '/[locale]' }, params: { locale: 'hi' } };
    expect(pageLocale(other)).toBe('es-MX');
  });
});
