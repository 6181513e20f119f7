import { catalogLocale, translator } from '@spendline/i18n';
import { loadWebMessages } from '#lib/i18n/catalog.ts';
import type { LayoutLoad } from './$types';

// The old system's addresses end in a slash (/dashboard/, /login/); links people kept
// should keep working without a redirect.
export const trailingSlash = 'always';

// Runs on the server and again in the browser, so only the reader's catalog is fetched.
export const load: LayoutLoad = async ({ data }) => {
  const messages = await loadWebMessages(catalogLocale(data.locale));
  return { ...data, translate: translator(messages, data.locale) };
};
