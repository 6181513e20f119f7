// The simulated chat's messages: loaded with the page, then polled by it.
import { SandboxMessageFields } from '#lib/components/chat/sandbox-message-fields.ts';
import { graphql, type ResultOf } from '#lib/graphql/graphql.ts';

export const SandboxChatQuery = graphql(
  `
    query SandboxChat($phone: String!, $last: Int) {
      sandboxChat(phone: $phone, last: $last) {
        id
        direction
        at
        buttons {
          id
        }
        listRows {
          id
        }
        ...SandboxMessageFields
      }
    }
  `,
  [SandboxMessageFields],
);

export type SandboxMessage = ResultOf<typeof SandboxChatQuery>['sandboxChat'][number];
