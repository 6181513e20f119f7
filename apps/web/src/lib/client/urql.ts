// The browser's GraphQL client: same-origin /graphql (the web server proxies it to the
// api, so the session cookie just works) and subscriptions over server-sent events.
import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createSseClient } from 'graphql-sse';

// The api refuses cookie-authenticated requests that a browser would not preflight.
const CSRF_HEADER = { 'x-graphql-yoga-csrf': '1' };

export function createBrowserClient(url = '/graphql'): Client {
  const sse = createSseClient({ url, singleConnection: false, headers: CSRF_HEADER });
  return new Client({
    url,
    preferGetMethod: false,
    requestPolicy: 'network-only',
    fetchOptions: { headers: CSRF_HEADER, credentials: 'same-origin' },
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            unsubscribe: sse.subscribe({ ...request, query: request.query ?? '' }, sink),
          }),
        }),
      }),
    ],
  });
}
