import { fail, redirect } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { WHATSAPP_DISPLAY_NUMBER } from '$app/env/private';
import { errorText } from '#lib/api-words.ts';
import { asTypedError, failureFrom, raw, text } from '#lib/forms.ts';
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import { normalizePhone } from '#lib/phone.ts';
import { apiFor } from '#lib/server/api.ts';
import { serverTranslator } from '#lib/server/i18n.ts';
import { rememberOtp, secureCookie } from '#lib/server/pending-otp.ts';
import { RequestOtpMutation } from '#lib/server/request-otp.ts';
import type { Actions, PageServerLoad } from './$types';

const CreateLinkCodeMutation = graphql(
  `
    mutation CreateWhatsAppLinkCode($password: String) {
      createWhatsAppLinkCode(password: $password) {
        __typename
        ...TypedErrorFields
        ... on WhatsAppLinkCode {
          code
          message
          expiresAt
        }
      }
    }
  `,
  [TypedErrorFields],
);

const UnlinkMutation = graphql(
  `
    mutation UnlinkWhatsApp($id: ID!) {
      unlinkWhatsApp(id: $id) {
        __typename
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
);

export const load: PageServerLoad = ({ locals, url }) => ({
  links: (locals.viewer?.whatsAppLinks ?? []).filter((link) => link.active),
  linked: url.searchParams.has('linked'),
});

// One shape for every failure of this page, so the page can read any field's error.
type FieldErrors = Record<string, string>;

export const actions: Actions = {
  otp: async (event) => {
    const form = await event.request.formData();
    const t = await serverTranslator(event);
    const typed = text(form, 'phone');
    const phone = normalizePhone(typed);
    if (!phone) {
      const fields: FieldErrors = { phone: t('phone.hint') };
      return fail(400, { action: 'otp', phone: typed, message: t('link.checkNumber'), fields });
    }
    const { data } = await apiFor(event).run(RequestOtpMutation, {
      phoneNumber: phone,
      password: raw(form, 'password') || null,
    });
    const error = asTypedError(data?.requestWhatsAppOtp);
    if (error || !data) {
      const failure = error
        ? failureFrom(t, error, { phoneNumber: 'phone' })
        : { message: t('link.notSent'), fields: {} as Record<string, string> };
      return fail(400, { action: 'otp', phone: typed, ...failure });
    }
    rememberOtp(event.cookies, phone, secureCookie(event.url));
    redirect(303, '/verify-whatsapp/');
  },

  code: async (event) => {
    const password = raw(await event.request.formData(), 'password') || null;
    const t = await serverTranslator(event);
    const { data } = await apiFor(event).run(CreateLinkCodeMutation, {
      password,
    });
    const error = asTypedError(data?.createWhatsAppLinkCode);
    const created = data?.createWhatsAppLinkCode;
    if (error || created?.__typename !== 'WhatsAppLinkCode' || !created.code || !created.message) {
      const fields: FieldErrors = error ? failureFrom(t, error).fields : {};
      return fail(400, {
        action: 'code',
        message: error ? errorText(t, error) : t('link.noCode'),
        fields,
      });
    }
    // wa.me opens WhatsApp with the message typed in, to our number when it is known.
    const waLink = `https://wa.me/${WHATSAPP_DISPLAY_NUMBER}?text=${encodeURIComponent(created.message)}`;
    const qr = await QRCode.toString(waLink, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return {
      action: 'code',
      code: created.code,
      message: created.message,
      expiresAt: created.expiresAt ?? '',
      waLink,
      qr,
    };
  },

  unlink: async (event) => {
    const id = text(await event.request.formData(), 'id');
    const { data } = await apiFor(event).run(UnlinkMutation, { id });
    const error = asTypedError(data?.unlinkWhatsApp);
    if (error || !data) {
      const t = await serverTranslator(event);
      const message = error ? errorText(t, error) : t('link.unlinkFailed');
      return fail(400, { action: 'unlink', message });
    }
    return { action: 'unlink', unlinked: true };
  },
};
