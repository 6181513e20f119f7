export { catalogLocale, LOCALES, tagFor, type Locale } from './locales.ts';
export {
  translator,
  PARSE_OPTIONS,
  type Messages,
  type MessageValues,
  type Translate,
} from './translate.ts';
export { chatMessages, chatTranslator, type ChatKey } from './chat.ts';
export { defaultCategoryNames, type DefaultCategoryKey } from './categories.ts';
export { periodName, type NamedPeriod, type PeriodName } from './periods.ts';
