import { fail, redirect } from '@sveltejs/kit';
import { asTypedError } from '#lib/forms.ts';
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import { apiFor } from '#lib/server/api.ts';
import { serverBooksTranslator } from '#lib/server/books-i18n.ts';
import type { Actions } from './$types';

const AcceptMutation = graphql(
  `
    mutation AcceptBookInvite($token: String!) {
      acceptBookInvite(token: $token) {
        __typename
        ...TypedErrorFields
        ... on Book {
          id
        }
      }
    }
  `,
  [TypedErrorFields],
);

// Joining is a button, not the link itself: opening an address must not change anything.
export const actions: Actions = {
  default: async (event) => {
    const answer = await apiFor(event).run(AcceptMutation, { token: event.params.token });
    const result = answer.data?.acceptBookInvite;
    const t = await serverBooksTranslator(event);
    if (result?.__typename === 'Book') {
      redirect(303, `/dashboard/books/${encodeURIComponent(result.id)}/`);
    }
    const problem = asTypedError(result);
    // A spent or unknown token says so; other refusals are the api's own words.
    const message =
      !problem || problem.__typename === 'NotFoundError' || problem.__typename === 'ValidationError'
        ? t('joinGone')
        : problem.message;
    return fail(400, { message });
  },
};
