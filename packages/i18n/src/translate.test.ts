import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { catalogLocale, tagFor } from './locales.ts';
import { translator } from './translate.ts';

const english = {
  entries: '{count, plural, one {# entry} other {# entries}} for {total, number, ::currency/INR}',
  onlyEnglish: 'Only in English on {day, date, ::dMMM}',
};
const portuguese = {
  entries:
    '{count, plural, one {# lançamento} other {# lançamentos}} somando {total, number, ::currency/INR}',
};

describe('translator', () => {
  it('picks the plural form and formats numbers with the full tag', () => {
    const t = translator(portuguese, 'pt-BR', english);
    expect(t('entries', { count: 1, total: 1234.5 })).toBe('1 lançamento somando ₹\u00a01.234,50');
    expect(t('entries', { count: 3, total: 10 })).toMatch(/^3 lançamentos somando/);
  });

  it('formats an English fallback with the user tag, so the numbers stay theirs', () => {
    const t = translator(portuguese, 'pt-BR', english);
    expect(t('onlyEnglish', { day: new Date(Date.UTC(2026, 11, 7, 12)) })).toBe(
      `Only in English on ${new Intl.DateTimeFormat('pt-BR', { day: 'numeric', month: 'short' }).format(new Date(Date.UTC(2026, 11, 7, 12)))}`,
    );
  });

  it('groups Indian numbers in lakhs for en-IN', () => {
    const t = translator(english, 'en-IN');
    expect(t('entries', { count: 2, total: 150000 })).toBe('2 entries for ₹1,50,000.00');
  });

  it('throws for a key no catalog has', () => {
    expect(() => translator(portuguese, 'pt-BR', english)('missing')).toThrow(/missing/);
  });
});

describe('catalogLocale', () => {
  it.each([
    ['pt-BR', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['es-MX', 'es'],
    ['es-419', 'es'],
    ['id-ID', 'id'],
    ['hi-IN', 'hi'],
    ['hi-Latn-IN', 'hi'],
    ['en-IN', 'en'],
    ['de-DE', 'en'],
    ['not a tag', 'en'],
  ])('serves %s from the %s catalog', (tag, locale) => {
    expect(catalogLocale(tag)).toBe(locale);
  });

  it('answers the same when asked again, past the number of tags it keeps', () => {
    const regions = Array.from({ length: 300 }, (_, i) => String(100 + i));
    const tags = regions.flatMap((region) => [`pt-${region}`, `hi-${region}`, `xx-${region}`]);
    const first = tags.map(catalogLocale);
    expect(new Set(first.slice(0, 3))).toEqual(new Set(['pt-BR', 'hi', 'en']));
    expect(tags.map(catalogLocale)).toEqual(first);
    expect(first.filter((locale) => locale === 'pt-BR')).toHaveLength(300);
  });
});

it('imports nothing from Node outside tests, so the dashboard runs it in the browser', async () => {
  const dir = new URL('./', import.meta.url);
  const sources = (await readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  for (const file of sources) {
    expect(await readFile(new URL(file, dir), 'utf8'), file).not.toMatch(/from ['"]node:/);
  }
});

describe('tagFor', () => {
  it('keeps a tag that already reads the language, else gives the default', () => {
    expect(tagFor('es', 'es-AR')).toBe('es-AR');
    expect(tagFor('es', 'en-IN')).toBe('es-MX');
    expect(tagFor('hi')).toBe('hi-IN');
    expect(tagFor('en', 'pt-BR')).toBe('en-IN');
  });
});
