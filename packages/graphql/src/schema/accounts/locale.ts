import { catalogLocale } from '@spendline/i18n';

/**
 * A well-formed tag in a language Spendline speaks (en, pt, es, id, hi), any region: the
 * region still picks how numbers and dates are written ('en-US', 'es-MX', 'pt-BR').
 */
export function isSupportedLocale(tag: string): boolean {
  let language: string;
  try {
    if (Intl.getCanonicalLocales(tag).length !== 1) return false;
    language = new Intl.Locale(tag).language;
  } catch {
    return false;
  }
  // catalogLocale reads every language it has no catalog for as English.
  return catalogLocale(tag) !== 'en' || language === 'en';
}
