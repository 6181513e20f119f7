import { fail, redirect } from '@sveltejs/kit';
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import { asTypedError, raw, text } from '#lib/forms.ts';
import { apiFor } from '#lib/server/api.ts';
import { safeNext } from '#lib/server/next.ts';
import type { Actions, PageServerLoad } from './$types';

const LoginMutation = graphql(
  `
    mutation Login($email: String!, $password: String!) {
      login(email: $email, password: $password) {
        __typename
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
);

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.viewer) redirect(303, safeNext(url, '/dashboard/'));
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const email = text(form, 'email');
    const password = raw(form, 'password');
    const fields: Record<string, string> = {};
    if (!email) fields.email = 'Enter your email address.';
    if (!password) fields.password = 'Enter your password.';
    if (Object.keys(fields).length) {
      return fail(400, { email, message: 'Please fill in both fields.', fields });
    }
    const { data } = await apiFor(event).run(LoginMutation, {
      email,
      password,
    });
    const error = asTypedError(data?.login);
    if (error || !data) {
      return fail(400, {
        email,
        message: error?.message ?? 'Logging in failed. Please try again.',
        fields,
      });
    }
    redirect(303, safeNext(event.url, '/dashboard/'));
  },
};
