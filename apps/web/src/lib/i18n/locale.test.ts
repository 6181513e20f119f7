import { describe, expect, it } from 'vitest';
import { acceptedTag, canonicalTag, languageChoices, spokenLocale } from './locale.ts';

describe('locale tags', () => {
  it('reads the first language a browser accepts, in canonical form', () => {
    expect(acceptedTag('pt-br,pt;q=0.9,en;q=0.8')).toBe('pt-BR');
    expect(acceptedTag('*')).toBeUndefined();
    expect(acceptedTag(null)).toBeUndefined();
    expect(canonicalTag('hi-in')).toBe('hi-IN');
    expect(canonicalTag('not a tag')).toBeUndefined();
  });

  it('tells the languages the dashboard speaks from the rest', () => {
    expect(spokenLocale('es-MX')).toBe('es');
    expect(spokenLocale('en-US')).toBe('en');
    expect(spokenLocale('in-ID')).toBe('id');
    expect(spokenLocale('fr-FR')).toBeUndefined();
  });
});

describe('languageChoices', () => {
  it('offers each language by its own name, keeping the reader’s own tag for theirs', () => {
    expect(languageChoices('en-US')).toEqual([
      { locale: 'en', name: 'English', tag: 'en-US' },
      { locale: 'pt-BR', name: 'Português (Brasil)', tag: 'pt-BR' },
      { locale: 'es', name: 'Español', tag: 'es-MX' },
      { locale: 'id', name: 'Bahasa Indonesia', tag: 'id-ID' },
      { locale: 'hi', name: 'हिन्दी', tag: 'hi-IN' },
    ]);
    expect(languageChoices('es-AR').find((choice) => choice.locale === 'es')?.tag).toBe('es-AR');
  });

  it('offers only tags the api takes to a reader of another language', () => {
    expect(languageChoices('fr-FR').map((choice) => choice.tag)).toEqual([
      'en-IN',
      'pt-BR',
      'es-MX',
      'id-ID',
      'hi-IN',
    ]);
  });
});
