import { fail, redirect } from '@sveltejs/kit';
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import { asTypedError, failureFrom, raw, text } from '#lib/forms.ts';
import { canonicalTag, spokenLocale } from '#lib/i18n/locale.ts';
import { apiFor } from '#lib/server/api.ts';
import { requestLocale, serverTranslator } from '#lib/server/i18n.ts';
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

export const load: PageServerLoad = ({ locals }) => {
  if (locals.viewer) redirect(303, '/dashboard/');
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const t = await serverTranslator(event);
    const values = {
      displayName: text(form, 'displayName'),
      email: text(form, 'email'),
      currency: text(form, 'currency').toUpperCase(),
      timeZone: text(form, 'timeZone'),
    };
    const password = raw(form, 'password');
    // The picker's language, else what this page was shown in (without JavaScript the
    // picker still posts its choice); a language the api does not take is left to its default.
    const locale = canonicalTag(text(form, 'locale')) ?? requestLocale(event);
    const fields: Record<string, string> = {};
    if (!values.email.includes('@')) fields.email = t('register.emailProblem');
    if ([...password].length < 12) fields.password = t('register.passwordProblem');
    if (Object.keys(fields).length) {
      return fail(400, { values, message: t('common.fixFields'), fields });
    }

    const { data } = await apiFor(event).run(RegisterMutation, {
      input: {
        email: values.email,
        password,
        displayName: values.displayName || undefined,
        currency: values.currency || undefined,
        timeZone: values.timeZone || undefined,
        locale: spokenLocale(locale) ? locale : undefined,
      },
    });
    const error = asTypedError(data?.register);
    if (error || !data) {
      const failure = error ? failureFrom(t, error) : { message: t('register.failed'), fields: {} };
      return fail(400, { values, ...failure });
    }
    redirect(303, safeNext(event.url, '/dashboard/'));
  },
};
