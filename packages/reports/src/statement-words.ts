// The statement's words, from the `statement` catalogs, for the owner's full language tag.
import { catalogLocale, translator, type Locale, type MessageValues } from '@spendline/i18n';
import en from '@spendline/i18n/messages/en/statement.json' with { type: 'json' };
import es from '@spendline/i18n/messages/es/statement.json' with { type: 'json' };
import hi from '@spendline/i18n/messages/hi/statement.json' with { type: 'json' };
import id from '@spendline/i18n/messages/id/statement.json' with { type: 'json' };
import ptBR from '@spendline/i18n/messages/pt-BR/statement.json' with { type: 'json' };

/** A key of the statement catalog; English defines the set, the catalog test holds the others to it. */
export type StatementKey = keyof typeof en;

export type StatementSay = (key: StatementKey, values?: MessageValues) => string;

const STATEMENT: Record<Locale, Record<StatementKey, string>> = { en, 'pt-BR': ptBR, es, id, hi };

export function statementWords(tag: string): StatementSay {
  return translator(STATEMENT[catalogLocale(tag)], tag, STATEMENT.en);
}
