// Form actions' messages on the books pages, in the request's language.
import type { RequestEvent } from '@sveltejs/kit';
import {
  booksTranslator,
  loadBooksMessages,
  type BooksTranslate,
} from '#lib/i18n/books-catalog.ts';
import { requestLocale } from './i18n.ts';

export async function serverBooksTranslator(
  event: Pick<RequestEvent, 'locals' | 'cookies' | 'request'>,
): Promise<BooksTranslate> {
  const locale = requestLocale(event);
  return booksTranslator(await loadBooksMessages(locale), locale);
}
