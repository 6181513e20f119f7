import en from '../messages/en/chat.json' with { type: 'json' };
import es from '../messages/es/chat.json' with { type: 'json' };
import hi from '../messages/hi/chat.json' with { type: 'json' };
import id from '../messages/id/chat.json' with { type: 'json' };
import ptBR from '../messages/pt-BR/chat.json' with { type: 'json' };
import { catalogLocale, type Locale } from './locales.ts';
import { translator, type MessageValues, type Messages } from './translate.ts';

/** A key of the chat catalog; English defines the set and the catalog test holds the others to it. */
export type ChatKey = keyof typeof en;

const CHAT: Record<Locale, Messages> = { en, 'pt-BR': ptBR, es, id, hi };

/** The chat catalog of one locale. */
export function chatMessages(locale: Locale): Messages {
  return CHAT[locale];
}

/** Formats the bot's replies for a user's full tag (users.locale). */
export function chatTranslator(tag: string): (key: ChatKey, values?: MessageValues) => string {
  return translator(CHAT[catalogLocale(tag)], tag, CHAT.en);
}
