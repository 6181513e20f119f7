// What SandboxBubble.svelte shows, fetched by the pages that render it.
import { graphql } from '#lib/graphql/graphql.ts';

export const SandboxMessageFields = graphql(`
  fragment SandboxMessageFields on SandboxMessage {
    direction
    text
    header
    footer
    listButton
    buttons {
      id
      title
      description
    }
    listRows {
      id
      title
      description
    }
    media {
      type
      url
    }
  }
`);
