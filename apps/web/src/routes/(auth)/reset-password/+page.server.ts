import { fail, redirect } from '@sveltejs/kit';
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import { asTypedError, failureFrom, raw, text } from '#lib/forms.ts';
import { apiFor } from '#lib/server/api.ts';
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
    // The typed values come back with any complaint; the passwords never do.
    const values = { email: text(form, 'email'), code: text(form, 'code').replace(/\s/g, '') };
    const password = raw(form, 'password');
    const fields: Record<string, string> = {};
    if (!values.email.includes('@'))
      fields.email = 'Enter your email address, like name@example.com.';
    if (!/^\d{6}$/.test(values.code)) fields.code = 'Enter the 6 digits from the WhatsApp message.';
    if (!password) fields.password = 'Choose a new password.';
    else if (password !== raw(form, 'passwordAgain'))
      fields.passwordAgain = 'Type the same new password twice.';
    if (Object.keys(fields).length) {
      return fail(400, { values, message: 'Please fix the fields below.', fields });
    }
    const { data } = await apiFor(event).run(ResetPasswordMutation, {
      input: { email: values.email, code: values.code, newPassword: password },
    });
    const error = asTypedError(data?.resetPassword);
    if (error || !data) {
      const failure = error
        ? failureFrom(error, { newPassword: 'password' })
        : { message: 'The password could not be reset. Please try again.', fields: {} };
      return fail(400, { values, ...failure });
    }
    forgetResetEmail(event.cookies);
    redirect(303, '/dashboard/');
  },
};
