import { fail, redirect } from '@sveltejs/kit';
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import { asTypedError, failureFrom, raw, text } from '#lib/forms.ts';
import { apiFor } from '#lib/server/api.ts';
import { safeNext } from '#lib/server/next.ts';
import type { Actions, PageServerLoad } from './$types';

const RegisterMutation = graphql(
  `
    mutation Register($input: RegisterInput!) {
      register(input: $input) {
        __typename
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
);

/** The browser's first language when it is a real locale ("en-IN"), else the api's default. */
function preferredLocale(header: string | null): string | undefined {
  const first = header?.split(',')[0]?.split(';')[0]?.trim();
  if (!first || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(first)) return undefined;
  try {
    return Intl.getCanonicalLocales(first)[0];
  } catch {
    return undefined;
  }
}

export const load: PageServerLoad = ({ locals }) => {
  if (locals.viewer) redirect(303, '/dashboard/');
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = {
      displayName: text(form, 'displayName'),
      email: text(form, 'email'),
      currency: text(form, 'currency').toUpperCase(),
      timeZone: text(form, 'timeZone'),
    };
    const password = raw(form, 'password');
    const fields: Record<string, string> = {};
    if (!values.email.includes('@'))
      fields.email = 'Enter your email address, like name@example.com.';
    if ([...password].length < 12) fields.password = 'Use at least 12 characters.';
    if (Object.keys(fields).length) {
      return fail(400, { values, message: 'Please fix the fields below.', fields });
    }

    const { data } = await apiFor(event).run(RegisterMutation, {
      input: {
        email: values.email,
        password,
        displayName: values.displayName || undefined,
        currency: values.currency || undefined,
        timeZone: values.timeZone || undefined,
        locale: preferredLocale(event.request.headers.get('accept-language')),
      },
    });
    const error = asTypedError(data?.register);
    if (error || !data) {
      const failure = error
        ? failureFrom(error)
        : { message: 'Registration failed. Please try again.', fields: {} };
      return fail(400, { values, ...failure });
    }
    redirect(303, safeNext(event.url, '/dashboard/'));
  },
};
