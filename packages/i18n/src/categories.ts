import en from '../messages/en/categories.json' with { type: 'json' };
import es from '../messages/es/categories.json' with { type: 'json' };
import hi from '../messages/hi/categories.json' with { type: 'json' };
import id from '../messages/id/categories.json' with { type: 'json' };
import ptBR from '../messages/pt-BR/categories.json' with { type: 'json' };
import { catalogLocale, type Locale } from './locales.ts';

/** A default category, by its English name in lower case ("food", "transport"). */
export type DefaultCategoryKey = keyof typeof en;

const NAMES: Record<Locale, Record<DefaultCategoryKey, string>> = {
  en,
  'pt-BR': ptBR,
  es,
  id,
  hi,
};

/** The default categories' names a new account gets in the language of its tag. */
export function defaultCategoryNames(tag: string): Readonly<Record<DefaultCategoryKey, string>> {
  return NAMES[catalogLocale(tag)];
}
