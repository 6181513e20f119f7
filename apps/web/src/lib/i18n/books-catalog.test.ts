import { describe, expect, it } from 'vitest';
import { loadWebMessages } from './catalog.ts';
import { booksTranslator, loadBooksMessages } from './books-catalog.ts';
import { catalogLocale } from '@spendline/i18n';

describe('the books catalog', () => {
  it('loads the catalog of a full tag and formats its plurals for that tag', async () => {
    const t = booksTranslator(await loadBooksMessages('pt-BR'), 'pt-BR');
    expect(t('members', { count: 1 })).toBe('1 membro');
    expect(t('members', { count: 3 })).toBe('3 membros');
    const es = booksTranslator(await loadBooksMessages('es-MX'), 'es-MX');
    expect(es('title')).toBe('Libros');
  });

  it('names the navigation link with the catalog title of each language', async () => {
    for (const tag of ['en-IN', 'pt-BR', 'es-MX', 'id-ID', 'hi-IN']) {
      const navigation = await loadWebMessages(catalogLocale(tag));
      expect(navigation['nav.books']).toBe((await loadBooksMessages(tag)).title);
    }
  });
});
