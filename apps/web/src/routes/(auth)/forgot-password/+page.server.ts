import { fail, redirect } from '@sveltejs/kit';
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import { errorText } from '#lib/api-words.ts';
import { asTypedError, text } from '#lib/forms.ts';
import { apiFor } from '#lib/server/api.ts';
import { serverTranslator } from '#lib/server/i18n.ts';
import { rememberResetEmail } from '#lib/server/reset-email.ts';
import type { Actions } from './$types';

const RequestPasswordResetMutation = graphql(
  `
    mutation RequestPasswordReset($email: String!) {
      requestPasswordReset(email: $email) {
        __typename
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
);

export const actions: Actions = {
  default: async (event) => {
    const email = text(await event.request.formData(), 'email');
    const t = await serverTranslator(event);
    const fields: Record<string, string> = {};
    if (!email.includes('@')) {
      fields.email = t('register.emailProblem');
      return fail(400, { email, message: t('forgot.fixField'), fields });
    }
    const { data } = await apiFor(event).run(RequestPasswordResetMutation, { email });
    const error = asTypedError(data?.requestPasswordReset);
    if (error || !data) {
      return fail(400, {
        email,
        message: error ? errorText(t, error) : t('forgot.failed'),
        fields,
      });
    }
    rememberResetEmail(event.cookies, email, event.url);
    redirect(303, '/reset-password/?sent=1');
  },
};
