// What TokenList.svelte shows, fetched by the pages that render it.
import { graphql } from '#lib/graphql/graphql.ts';

export const ApiTokenFields = graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    name
    prefix
    createdAt
    lastUsedAt
    revokedAt
  }
`);
