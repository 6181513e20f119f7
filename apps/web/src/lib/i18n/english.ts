// English read synchronously, for rendering a component on its own (component tests);
// pages get their catalog through the root layout instead.
import { translator } from '@spendline/i18n';
import messages from '@spendline/i18n/messages/en/web.json' with { type: 'json' };
import { i18nContext, type I18n } from './context.ts';

const translate = translator(messages, 'en-IN');

export const english: I18n = { locale: 'en-IN', t: (key, values) => translate(key, values) };

/** The `context` option of render() that gives a component English text. */
export const englishContext = (): Map<symbol, I18n> => i18nContext(english);
