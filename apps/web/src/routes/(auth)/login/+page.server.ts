import { fail, redirect } from '@sveltejs/kit';
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import { errorText } from '#lib/api-words.ts';
import { asTypedError, raw, text } from '#lib/forms.ts';
import { apiFor } from '#lib/server/api.ts';
import { serverTranslator } from '#lib/server/i18n.ts';
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
    const t = await serverTranslator(event);
    const email = text(form, 'email');
    const password = raw(form, 'password');
    const fields: Record<string, string> = {};
    if (!email) fields.email = t('login.emailMissing');
    if (!password) fields.password = t('login.passwordMissing');
    if (Object.keys(fields).length) {
      return fail(400, { email, message: t('login.fillBoth'), fields });
    }
    const { data } = await apiFor(event).run(LoginMutation, {
      email,
      password,
    });
    const error = asTypedError(data?.login);
    if (error || !data) {
      return fail(400, {
        email,
        message: error ? errorText(t, error) : t('login.failed'),
        fields,
      });
    }
    redirect(303, safeNext(event.url, '/dashboard/'));
  },
};
