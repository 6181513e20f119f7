import { fail, redirect } from '@sveltejs/kit';
import { REQUEST_OTP, VERIFY_OTP } from '#lib/graphql/documents.ts';
import { asTypedError, raw, text } from '#lib/forms.ts';
import { apiFor } from '#lib/server/api.ts';
import {
  forgetOtp,
  pendingOtp,
  rememberOtp,
  RESEND_AFTER_SECONDS,
  secureCookie,
} from '#lib/server/pending-otp.ts';
import type { Actions, PageServerLoad } from './$types';

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

type Result = { __typename: string; retryAfterSeconds?: number };

export const actions: Actions = {
  verify: async (event) => {
    const code = text(await event.request.formData(), 'code').replace(/\s/g, '');
    if (!/^\d{6}$/.test(code)) {
      return fail(400, { action: 'verify', message: 'The code has 6 digits.', code });
    }
    const { data } = await apiFor(event).run<{ verifyWhatsAppOtp: Result }>(VERIFY_OTP, { code });
    const error = asTypedError(data?.verifyWhatsAppOtp);
    if (error || !data) {
      return fail(400, { action: 'verify', message: error?.message ?? 'That did not work.', code });
    }
    forgetOtp(event.cookies);
    redirect(303, '/link-whatsapp/?linked=1');
  },

  resend: async (event) => {
    const pending = pendingOtp(event.cookies);
    if (!pending) redirect(303, '/link-whatsapp/');
    const password = raw(await event.request.formData(), 'password') || null;
    const { data } = await apiFor(event).run<{ requestWhatsAppOtp: Result }>(REQUEST_OTP, {
      phoneNumber: pending.phone,
      password,
    });
    const error = asTypedError(data?.requestWhatsAppOtp);
    if (error || !data) {
      return fail(400, {
        action: 'resend',
        message: error?.message ?? 'The code could not be sent.',
        code: '',
        retryAfter: error?.retryAfterSeconds ?? 0,
      });
    }
    rememberOtp(event.cookies, pending.phone, secureCookie(event.url));
    return { action: 'resend', sent: true };
  },
};
