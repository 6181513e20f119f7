// Requests turned away before any page runs (an unknown host, a form from another site, a
// body past the limit) get a short plain-text answer in the reader's language.
import type { RequestEvent } from '@sveltejs/kit';
import type { WebKey } from '#lib/i18n/catalog.ts';
import { requestLocale, serverTranslator } from './i18n.ts';

export type RefusalKey = Extract<WebKey, `request.${string}`>;

/** What of a request event the language is read from (a RequestEvent is one). */
interface Refused {
  cookies: Pick<RequestEvent['cookies'], 'get'>;
  request: Pick<RequestEvent['request'], 'headers'>;
}

export async function refusal(event: Refused, status: number, key: RefusalKey): Promise<Response> {
  // The viewer is not looked up for a refused request: the language picked on a sign-in
  // page, else the browser's.
  const reader = { locals: { viewer: null }, cookies: event.cookies, request: event.request };
  const t = await serverTranslator(reader);
  return new Response(t(key), {
    status,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'content-language': requestLocale(reader),
    },
  });
}
