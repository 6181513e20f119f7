// Who is signed in: asked once per request by hooks.server.ts, kept in locals.viewer.
import { graphql, type ResultOf } from '#lib/graphql/graphql.ts';

export const ViewerQuery = graphql(`
  query Viewer {
    me {
      id
      email
      displayName
      currency
      timeZone
      locale
      isOperator
      whatsAppLinks {
        id
        phoneNumber
        verifiedAt
        active
      }
    }
  }
`);

export type Viewer = NonNullable<ResultOf<typeof ViewerQuery>['me']>;
