// Everything parse() derives from a context before reading the message, cached by the
// context object (and the categories array) so a bot that reuses them pays once.

import { currencyExponent, localeWeekStart, type Weekday } from '@spendline/ledger';
import type { AmountOptions } from './amount.ts';
import { isoDate, todayIn } from './calendar.ts';
import { categoryIndex, type CategoryIndex } from './categories.ts';
import { translationsFor, type Translations } from './category-translations.ts';
import type { Calendar } from './dates.ts';
import { localeInfo, type LocaleInfo } from './locale.ts';
import { numberWordsFor } from './number-words.ts';
import type { ParseContext } from './types.ts';
import { LANGUAGE_MULTIPLIERS } from './words.ts';

export interface Prepared {
  readonly currency: string;
  readonly locale: LocaleInfo;
  /** The day "week" starts on: the person's own or else their locale's. */
  readonly weekStart: Weekday;
  readonly calendar: Calendar;
  readonly todayIso: string;
  readonly index: CategoryIndex;
  readonly amounts: AmountOptions;
  readonly maxMajor: bigint;
  /** Category words of other languages, the user's own first. */
  readonly translations: Translations;
}

interface Cached {
  prepared: Prepared;
  at: number;
  timeZone: string;
  locale: string;
  currency: string;
  weekStartsOn: Weekday | null | undefined;
  categories: ParseContext['categories'];
  maxMajor: bigint | undefined;
}

export const DEFAULT_MAX_MAJOR = 1_000_000_000n;

const cache = new WeakMap<ParseContext, Cached>();

function build(context: ParseContext): Prepared {
  const currency = context.currency.toUpperCase();
  const locale = localeInfo(context.locale);
  const today = todayIn(context.timeZone, context.now);
  currencyExponent(currency);
  return {
    currency,
    locale,
    weekStart: context.weekStartsOn ?? localeWeekStart(context.locale),
    calendar: { today, dayFirst: locale.dayFirst },
    todayIso: isoDate(today),
    index: categoryIndex(context.categories),
    amounts: {
      defaultCurrency: currency,
      threeDecimalMark: (code) => (currencyExponent(code) >= 3 ? locale.decimalMark : null),
      multipliers: LANGUAGE_MULTIPLIERS[locale.language],
      numberWords: numberWordsFor(locale.language, locale.region),
    },
    maxMajor: context.maxAmountMajor ?? DEFAULT_MAX_MAJOR,
    translations: translationsFor(locale.language, locale.region),
  };
}

/**
 * Throws RangeError for a context Intl rejects (unknown time zone, currency or malformed
 * locale): that is a programming error, unlike anything a user can type.
 */
export function prepare(context: ParseContext): Prepared {
  const cached = cache.get(context);
  const at = context.now.getTime();
  if (
    cached !== undefined &&
    cached.at === at &&
    cached.timeZone === context.timeZone &&
    cached.locale === context.locale &&
    cached.currency === context.currency &&
    cached.weekStartsOn === context.weekStartsOn &&
    cached.categories === context.categories &&
    cached.maxMajor === context.maxAmountMajor &&
    cached.prepared.index.ids.length === context.categories.length
  ) {
    return cached.prepared;
  }
  const prepared = build(context);
  cache.set(context, {
    prepared,
    at,
    timeZone: context.timeZone,
    locale: context.locale,
    currency: context.currency,
    weekStartsOn: context.weekStartsOn,
    categories: context.categories,
    maxMajor: context.maxAmountMajor,
  });
  return prepared;
}
