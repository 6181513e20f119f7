// What a locale says about how its people write numbers and dates, asked of Intl once
// per locale.

export interface LocaleInfo {
  /** The locale's decimal mark, "." or ",". */
  decimalMark: string;
  /** 12/01 is 12 January (en-IN, en-GB, de-DE) rather than December 1 (en-US). */
  dayFirst: boolean;
  /** Thousands are grouped with a space ("1 234 567" in fr-FR, after NFKC). */
  spaceGroups: boolean;
  /** The language subtag, lower-case: "pt", "es", "id", "hi", "en". */
  language: string;
  /** The region subtag when the tag has one: "BR", "MX", "IN". */
  region: string | undefined;
}

const cache = new Map<string, LocaleInfo>();

/** Throws RangeError for a malformed locale tag, like Intl does. */
export function localeInfo(locale: string): LocaleInfo {
  let info = cache.get(locale);
  if (info === undefined) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234.5);
    const decimal = parts.find((part) => part.type === 'decimal')?.value;
    const group = parts.find((part) => part.type === 'group')?.value.normalize('NFKC');
    const order = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric' })
      .formatToParts(new Date(Date.UTC(2000, 0, 20)))
      .filter((part) => part.type === 'day' || part.type === 'month');
    const tag = new Intl.Locale(locale);
    info = {
      language: tag.language,
      region: tag.region,
      decimalMark: decimal === ',' ? ',' : '.',
      dayFirst: order[0]?.type === 'day',
      spaceGroups: group === ' ',
    };
    cache.set(locale, info);
  }
  return info;
}
