// The books pages' own catalog (`web-books`), one locale at a time, kept apart from the
// dashboard's `web` catalog so a page that has no books carries none of these words.
import { catalogLocale, translator, type Locale } from '@spendline/i18n';
import type english from '@spendline/i18n/messages/en/web-books.json';
import type { MessageValues } from './context.ts';

export type BooksKey = keyof typeof english;
export type BooksMessages = Record<BooksKey, string>;
export type BooksTranslate = (key: BooksKey, values?: MessageValues) => string;

const loaders: Record<Locale, () => Promise<{ default: BooksMessages }>> = {
  en: () => import('@spendline/i18n/messages/en/web-books.json'),
  'pt-BR': () => import('@spendline/i18n/messages/pt-BR/web-books.json'),
  es: () => import('@spendline/i18n/messages/es/web-books.json'),
  id: () => import('@spendline/i18n/messages/id/web-books.json'),
  hi: () => import('@spendline/i18n/messages/hi/web-books.json'),
};

/** The catalog for a full tag ('es-MX' reads the Spanish one). */
export async function loadBooksMessages(tag: string): Promise<BooksMessages> {
  return (await loaders[catalogLocale(tag)]()).default;
}

/** Formats the books catalog's keys for a full tag (its numbers, dates and plurals). */
export function booksTranslator(messages: BooksMessages, tag: string): BooksTranslate {
  const translate = translator(messages, tag);
  return (key, values) => translate(key, values);
}
