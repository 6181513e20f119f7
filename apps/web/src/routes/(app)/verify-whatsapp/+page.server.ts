import { fail, redirect } from '@sveltejs/kit';
import { errorText } from '#lib/api-words.ts';
import { asTypedError, failureFrom, raw, text } from '#lib/forms.ts';
import { TypedErrorFields, type TypedError } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import { apiFor } from '#lib/server/api.ts';
import { serverTranslator, type Translate } from '#lib/server/i18n.ts';
import {
  forgetOtp,
  pendingOtp,
  rememberOtp,
  RESEND_AFTER_SECONDS,
  secureCookie,
} from '#lib/server/pending-otp.ts';
import { RequestOtpMutation } from '#lib/server/request-otp.ts';
import type { Actions, PageServerLoad } from './$types';

const VerifyOtpMutation = graphql(
  `
    mutation VerifyWhatsAppOtp($code: String!) {
      verifyWhatsAppOtp(code: $code) {
        __typename
        ...TypedErrorFields
        ... on WhatsAppLink {
          id
          phoneNumber
        }
      }
    }
  `,
  [TypedErrorFields],
);

export const load: PageServerLoad = ({ cookies, locals }) => {
  const pending = pendingOtp(cookies);
  const elapsed = pending ? Math.floor((Date.now() - pending.sentAt) / 1000) : 0;
  return {
    phone: pending?.phone ?? null,
    resendIn: pending ? Math.max(0, RESEND_AFTER_SECONDS - elapsed) : 0,
    // With a number linked already, the api wants the password for each new code.
    needsPassword: (locals.viewer?.whatsAppLinks ?? []).some((link) => link.active),
  };
};

/** What to say beside the code field when the api did not take it. */
function codeProblem(error: TypedError | null, t: Translate): string {
  if (!error) return t('verify.failed');
  if (error.__typename === 'NotFoundError') return t('verify.expired');
  return failureFrom(t, error).fields.code ?? errorText(t, error);
}

export const actions: Actions = {
  verify: async (event) => {
    const code = text(await event.request.formData(), 'code').replace(/\s/g, '');
    const t = await serverTranslator(event);
    if (!/^\d{6}$/.test(code)) {
      return fail(400, {
        action: 'verify',
        message: t('reset.codeProblem'),
        code,
      });
    }
    const { data } = await apiFor(event).run(VerifyOtpMutation, { code });
    const error = asTypedError(data?.verifyWhatsAppOtp);
    if (error || !data) {
      return fail(400, { action: 'verify', message: codeProblem(error, t), code });
    }
    forgetOtp(event.cookies);
    redirect(303, '/link-whatsapp/?linked=1');
  },

  resend: async (event) => {
    const pending = pendingOtp(event.cookies);
    if (!pending) redirect(303, '/link-whatsapp/');
    const password = raw(await event.request.formData(), 'password') || null;
    const t = await serverTranslator(event);
    const { data } = await apiFor(event).run(RequestOtpMutation, {
      phoneNumber: pending.phone,
      password,
    });
    const error = asTypedError(data?.requestWhatsAppOtp);
    if (error || !data) {
      return fail(400, {
        action: 'resend',
        message: error ? errorText(t, error) : t('link.notSent'),
        code: '',
        retryAfter: error && 'retryAfterSeconds' in error ? error.retryAfterSeconds : 0,
      });
    }
    rememberOtp(event.cookies, pending.phone, secureCookie(event.url));
    return { action: 'resend', sent: true };
  },
};
