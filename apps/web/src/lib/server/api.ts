// GraphQL calls the web server makes on a browser's behalf (page loads, form actions):
// an urql client per request that carries the browser's session cookie, address and user
// agent to the api, and hands the api's Set-Cookie headers back to the browser.
import { error, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { Client, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { Kind, OperationTypeNode, type DocumentNode } from 'graphql';
import { API_URL } from '$app/env/private';
import type { FieldProblem } from '../graphql/errors.ts';
import { parseSetCookie } from './set-cookie.ts';

export const SESSION_COOKIE = 'spendline_session';

export interface ApiResult<T> {
  data: T | undefined;
  /** The first GraphQL error's message (e.g. "sandbox chat is off"), if any. */
  error: string | undefined;
  /** That error's extensions code (BAD_USER_INPUT, FORBIDDEN...), what pages word it by. */
  code: string | undefined;
  /** Input the api refused before running (extensions.problems of BAD_USER_INPUT). */
  problems: FieldProblem[];
  /** The api said the caller is not signed in. */
  unauthenticated: boolean;
}

type ApiEvent = Pick<RequestEvent, 'cookies' | 'request' | 'getClientAddress' | 'url'>;

/** An operation's variables: optional only when it declares none. */
type VariablesArg<Variables> = [keyof Variables] extends [never]
  ? [variables?: Variables]
  : [variables: Variables];

export interface Api {
  /** Runs an operation; GraphQL errors come back in the result. */
  run<Data, Variables extends AnyVariables = AnyVariables>(
    document: TypedDocumentNode<Data, Variables>,
    ...variables: VariablesArg<Variables>
  ): Promise<ApiResult<Data>>;
  /** Runs an operation that must succeed: signed-out callers go to /login/, failures are a 502. */
  must<Data, Variables extends AnyVariables = AnyVariables>(
    document: TypedDocumentNode<Data, Variables>,
    ...variables: VariablesArg<Variables>
  ): Promise<Data>;
}

function relayCookies(response: Response, cookies: Cookies): void {
  for (const header of response.headers.getSetCookie()) {
    const cookie = parseSetCookie(header);
    if (cookie) cookies.set(cookie.name, cookie.value, cookie.options);
  }
}

function clientAddress(event: ApiEvent): string | undefined {
  try {
    return event.getClientAddress();
  } catch {
    return undefined;
  }
}

export function apiFor(event: ApiEvent): Api {
  const client = new Client({
    url: new URL('/graphql', API_URL).href,
    exchanges: [fetchExchange],
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      // The api refuses cookie-authenticated requests a browser would not preflight.
      headers.set('x-graphql-yoga-csrf', '1');
      const session = event.cookies.get(SESSION_COOKIE);
      if (session) headers.set('cookie', `${SESSION_COOKIE}=${session}`);
      const address = clientAddress(event);
      if (address) headers.set('x-forwarded-for', address);
      const agent = event.request.headers.get('user-agent');
      if (agent) headers.set('user-agent', agent);
      const response = await fetch(input, { ...init, headers });
      relayCookies(response, event.cookies);
      return response;
    },
  });

  async function run<Data, Variables extends AnyVariables>(
    document: TypedDocumentNode<Data, Variables>,
    ...[given]: VariablesArg<Variables>
  ): Promise<ApiResult<Data>> {
    // Only an operation that declares no variables may leave them out, so none is {}.
    const variables = given ?? ({} as Variables);
    const operation = isMutation(document)
      ? client.mutation(document, variables)
      : client.query(document, variables);
    const result = await operation.toPromise();
    if (result.error?.networkError) {
      console.error(`api: ${result.error.networkError.message}`);
      error(502, 'The Spendline api is not answering. Please try again in a moment.');
    }
    const first = result.error?.graphQLErrors[0];
    const refused = first?.extensions?.code === 'BAD_USER_INPUT';
    return {
      data: result.data ?? undefined,
      // graphql-js words refused input for programmers; the problems say it for people.
      error: refused ? 'Some of what you entered could not be used.' : first?.message,
      code: typeof first?.extensions?.code === 'string' ? first.extensions.code : undefined,
      problems: refused ? problemsIn(first.extensions.problems) : [],
      unauthenticated: first?.extensions?.code === 'UNAUTHENTICATED',
    };
  }

  return {
    run,
    async must(document, ...variables) {
      const result = await run(document, ...variables);
      if (result.unauthenticated) redirect(303, loginPath(event.url));
      if (result.error || result.data === undefined) {
        console.error(`api: ${result.error ?? 'no data'}`);
        error(502, 'The Spendline api could not answer this request.');
      }
      return result.data;
    },
  };
}

function problemsIn(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is FieldProblem =>
      typeof item === 'object' &&
      item !== null &&
      Array.isArray((item as FieldProblem).path) &&
      typeof (item as FieldProblem).message === 'string',
  );
}

function isMutation(document: DocumentNode): boolean {
  return document.definitions.some(
    (definition) =>
      definition.kind === Kind.OPERATION_DEFINITION &&
      definition.operation === OperationTypeNode.MUTATION,
  );
}

/** /login/ with a way back to where the visitor was going. */
export function loginPath(url: URL): string {
  const next = url.pathname + url.search;
  return `/login/?next=${encodeURIComponent(next)}`;
}
