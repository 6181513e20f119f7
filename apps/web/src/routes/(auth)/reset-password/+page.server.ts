import { fail, redirect } from '@sveltejs/kit';
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import { asTypedError, failureFrom, raw, text } from '#lib/forms.ts';
import { apiFor } from '#lib/server/api.ts';
import { serverTranslator } from '#lib/server/i18n.ts';
import { forgetResetEmail, resetEmail } from '#lib/server/reset-email.ts';
import type { Actions, PageServerLoad } from './$types';

const ResetPasswordMutation = graphql(
  `
    mutation ResetPassword($input: ResetPasswordInput!) {
      resetPassword(input: $input) {
        __typename
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
);

export const load: PageServerLoad = ({ cookies, url }) => ({
  email: resetEmail(cookies),
  sent: url.searchParams.has('sent'),
});

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const t = await serverTranslator(event);
    // The typed values come back with any complaint; the passwords never do.
    const values = { email: text(form, 'email'), code: text(form, 'code').replace(/\s/g, '') };
    const password = raw(form, 'password');
    const fields: Record<string, string> = {};
    if (!values.email.includes('@')) fields.email = t('register.emailProblem');
    if (!/^\d{6}$/.test(values.code)) fields.code = t('reset.codeProblem');
    if (!password) fields.password = t('reset.choosePassword');
    else if (password !== raw(form, 'passwordAgain'))
      fields.passwordAgain = t('settings.typeTwice');
    if (Object.keys(fields).length) {
      return fail(400, { values, message: t('common.fixFields'), fields });
    }
    const { data } = await apiFor(event).run(ResetPasswordMutation, {
      input: { email: values.email, code: values.code, newPassword: password },
    });
    const error = asTypedError(data?.resetPassword);
    if (error || !data) {
      const failure = error
        ? failureFrom(t, error, { newPassword: 'password' })
        : { message: t('reset.failed'), fields: {} };
      return fail(400, { values, ...failure });
    }
    forgetResetEmail(event.cookies);
    redirect(303, '/dashboard/');
  },
};
