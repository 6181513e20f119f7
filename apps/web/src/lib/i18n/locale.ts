// Which locale tag a request speaks before anyone is signed in: the language picked on a
// sign-in or register page (kept in a cookie), else the browser's first language.
import { catalogLocale, LOCALES, type Locale } from '@spendline/i18n';

export const LOCALE_COOKIE = 'locale';

/** The tag each language is saved with when nothing more precise is known. */
export const DEFAULT_TAGS: Record<Locale, string> = {
  en: 'en-IN',
  'pt-BR': 'pt-BR',
  es: 'es-MX',
  id: 'id-ID',
  hi: 'hi-IN',
};

/** Each language by its own name, as pickers offer them. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  es: 'Español',
  id: 'Bahasa Indonesia',
  hi: 'हिन्दी',
};

/** `tag` in canonical form ("pt-br" -> "pt-BR"), or undefined when it is no locale tag. */
export function canonicalTag(tag: string | null | undefined): string | undefined {
  const trimmed = tag?.trim();
  if (!trimmed || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(trimmed)) return undefined;
  try {
    return Intl.getCanonicalLocales(trimmed)[0];
  } catch {
    return undefined;
  }
}

/** The first language of an Accept-Language header that is a real locale tag. */
export function acceptedTag(header: string | null): string | undefined {
  return canonicalTag(header?.split(',')[0]?.split(';')[0]);
}

/** The catalog `tag` is written in, or undefined for a language the dashboard does not speak. */
export function spokenLocale(tag: string): Locale | undefined {
  const locale = catalogLocale(tag);
  // catalogLocale reads every language it has no catalog for as English.
  return locale !== 'en' || canonicalTag(tag)?.split('-')[0] === 'en' ? locale : undefined;
}

/**
 * One locale tag per language the dashboard speaks, for a picker: `current` where it is
 * in that language (an 'en-US' reader keeps 'en-US' when English is chosen again).
 */
export function languageChoices(current: string): { tag: string; name: string; locale: Locale }[] {
  const mine = spokenLocale(current);
  return LOCALES.map((locale) => ({
    locale,
    name: LANGUAGE_NAMES[locale],
    tag: locale === mine ? current : DEFAULT_TAGS[locale],
  }));
}
