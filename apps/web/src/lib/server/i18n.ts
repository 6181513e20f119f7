// The reader's language on the server: for the layout's data and for form actions'
// messages, which are written before any component renders them.
import { catalogLocale, LOCALES, translator } from '@spendline/i18n';
import type { RequestEvent } from '@sveltejs/kit';
import { loadWebMessages, type WebKey } from '#lib/i18n/catalog.ts';
import type { MessageValues } from '#lib/i18n/context.ts';
import { acceptedTag, canonicalTag, DEFAULT_TAGS, LOCALE_COOKIE } from '#lib/i18n/locale.ts';
import type { Viewer } from './viewer.ts';

/** What of a request event the language is read from (a RequestEvent is one). */
interface Request {
  locals: { viewer: Pick<Viewer, 'locale'> | null };
  cookies: Pick<RequestEvent['cookies'], 'get'>;
  request: Pick<RequestEvent['request'], 'headers'>;
}

/**
 * Signed in, the account's locale; signed out, the language picked on a sign-in page
 * before (cookie), else the browser's first language, else the accounts' default.
 */
export function requestLocale({ locals, cookies, request }: Request): string {
  return (
    locals.viewer?.locale ??
    canonicalTag(cookies.get(LOCALE_COOKIE)) ??
    acceptedTag(request.headers.get('accept-language')) ??
    DEFAULT_TAGS.en
  );
}

/** A request for a page: the offline pages say their language in their address. */
interface PageRequest extends Request {
  route: { id: string | null };
  params: Partial<Record<string, string>>;
}

/**
 * The language a page is written in: an offline page's own (prerendered once per language,
 * for no one in particular), else the request's.
 */
export function pageLocale(event: PageRequest): string {
  if (event.route.id !== '/offline/[[locale]]') return requestLocale(event);
  const locale = LOCALES.find((known) => known === event.params.locale) ?? 'en';
  return DEFAULT_TAGS[locale];
}

/** Text in the request's language, or in `tag`'s (a language just chosen) when it is one. */
export type Translate = (key: WebKey, values?: MessageValues) => string;

export async function serverTranslator(event: Request, tag?: string): Promise<Translate> {
  const locale = canonicalTag(tag) ?? requestLocale(event);
  const translate = translator(await loadWebMessages(catalogLocale(locale)), locale);
  return (key, values) => translate(key, values);
}
