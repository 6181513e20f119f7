// Which requests the service worker answers, and how. Kept apart from the worker's events
// so it can be tested without a browser.
import { isApiPath } from '#lib/api-path.ts';

export type Strategy =
  /** From the shell cached at install: built scripts and styles, static files, the offline page. */
  | 'shell'
  /** From the network; the offline page when there is none. Never kept: pages hold people's data. */
  | 'page'
  /** Not answered: the browser asks the network as if there were no service worker. */
  | 'network';

export function strategyFor(
  request: Pick<Request, 'method' | 'mode' | 'url'>,
  origin: string,
  shell: ReadonlySet<string>,
): Strategy {
  const url = new URL(request.url);
  // Writes, other origins and the api (GraphQL, GraphiQL, Meta's webhooks) go by untouched:
  // their answers are one person's, or must reach the server every time.
  if (request.method !== 'GET' || url.origin !== origin || isApiPath(url.pathname)) {
    return 'network';
  }
  if (request.mode === 'navigate') return 'page';
  if (url.search === '' && shell.has(url.pathname)) return 'shell';
  // Page data (__data.json), exports, version checks: as fresh as the pages they belong to.
  return 'network';
}

/** The first subtag of each language with an offline page of its own (as the catalogs read it). */
const OFFLINE_LANGUAGES: Record<string, string> = {
  pt: 'pt-BR',
  es: 'es',
  id: 'id',
  // The pre-1989 code for Indonesian that old Android still sends.
  in: 'id',
  hi: 'hi',
};

/**
 * The offline page for a reader of `tag` (a locale tag such as 'pt-BR'): `offline` itself in
 * English and for languages without a catalog, `offline` + '<language>/' in the others.
 */
export function offlinePage(offline: string, tag: string | null | undefined): string {
  const language = tag?.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  const locale = OFFLINE_LANGUAGES[language];
  return locale ? `${offline}${locale}/` : offline;
}
