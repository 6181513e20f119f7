// The dashboard's `web` catalog, one locale at a time: each locale is its own chunk, so a
// page carries only the language its reader uses.
import type { Locale } from '@spendline/i18n';
import type english from '@spendline/i18n/messages/en/web.json';

/** Every key of the `web` catalog; the English file is the list the others must match. */
export type WebKey = keyof typeof english;
export type WebMessages = Record<WebKey, string>;

const loaders: Record<Locale, () => Promise<{ default: WebMessages }>> = {
  en: () => import('@spendline/i18n/messages/en/web.json'),
  'pt-BR': () => import('@spendline/i18n/messages/pt-BR/web.json'),
  es: () => import('@spendline/i18n/messages/es/web.json'),
  id: () => import('@spendline/i18n/messages/id/web.json'),
  hi: () => import('@spendline/i18n/messages/hi/web.json'),
};

export async function loadWebMessages(locale: Locale): Promise<WebMessages> {
  return (await loaders[locale]()).default;
}
