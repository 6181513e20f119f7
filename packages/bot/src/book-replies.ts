// What the bot says about shared books, from the `books` catalogs in each language. Money
// arrives formatted in the reader's locale; names as the members wrote them.
import { catalogLocale, translator, type Locale, type MessageValues } from '@spendline/i18n';
import en from '@spendline/i18n/messages/en/books.json' with { type: 'json' };
import es from '@spendline/i18n/messages/es/books.json' with { type: 'json' };
import hi from '@spendline/i18n/messages/hi/books.json' with { type: 'json' };
import id from '@spendline/i18n/messages/id/books.json' with { type: 'json' };
import ptBR from '@spendline/i18n/messages/pt-BR/books.json' with { type: 'json' };

/** A key of the books catalog; English defines the set, the catalog test holds the others to it. */
export type BookKey = keyof typeof en;

export type BookSay = (key: BookKey, values?: MessageValues) => string;

const BOOKS: Record<Locale, Record<BookKey, string>> = { en, 'pt-BR': ptBR, es, id, hi };

/** The book replies for a reader's full language tag (users.locale). */
export function bookReplies(tag: string): BookSay {
  return translator(BOOKS[catalogLocale(tag)], tag, BOOKS.en);
}
