// What SessionList.svelte shows, fetched by the pages that render it.
import { graphql } from '#lib/graphql/graphql.ts';

export const SessionFields = graphql(`
  fragment SessionFields on Session {
    id
    createdAt
    lastUsedAt
    userAgent
    ipAddress
    current
  }
`);
