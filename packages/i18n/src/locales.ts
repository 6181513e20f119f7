/** The languages Spendline has catalogs for; English is the source of truth. */
export const LOCALES = ['en', 'pt-BR', 'es', 'id', 'hi'] as const;
export type Locale = (typeof LOCALES)[number];

// Parsing a tag (Intl.Locale) costs microseconds, and every reply and statement asks
// for its user's; the tags in use are few, so the answers are kept, up to a bound.
const catalogs = new Map<string, Locale>();
const REMEMBERED_TAGS = 256;

/**
 * The catalog that serves a user's full language tag. The tag itself stays the user's
 * (numbers and dates are formatted with it); this only picks the words.
 */
export function catalogLocale(tag: string): Locale {
  const known = catalogs.get(tag);
  if (known !== undefined) return known;
  const locale = catalogOfTag(tag);
  if (catalogs.size < REMEMBERED_TAGS) catalogs.set(tag, locale);
  return locale;
}

function catalogOfTag(tag: string): Locale {
  let language: string;
  try {
    language = new Intl.Locale(tag).language;
  } catch {
    return 'en';
  }
  switch (language) {
    case 'pt':
      return 'pt-BR';
    case 'es':
      return 'es';
    // "in" is the pre-1989 code for Indonesian that Java and old Android still send.
    case 'id':
    case 'in':
      return 'id';
    case 'hi':
      return 'hi';
    default:
      return 'en';
  }
}

/** The tag a user who picks a language gets (numbers and dates as its main country writes them). */
const DEFAULT_TAGS: Record<Locale, string> = {
  en: 'en-IN',
  'pt-BR': 'pt-BR',
  es: 'es-MX',
  id: 'id-ID',
  hi: 'hi-IN',
};

/**
 * The tag to store when a user picks `locale`: their current tag when it already reads
 * that language (an 'es-AR' user asking for Spanish stays Argentine), else the default.
 */
export function tagFor(locale: Locale, current?: string): string {
  return current !== undefined && catalogLocale(current) === locale
    ? current
    : DEFAULT_TAGS[locale];
}
