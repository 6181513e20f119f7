import { fail, redirect } from '@sveltejs/kit';
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import { codeText } from '#lib/api-words.ts';
import { asTypedError, refusal, text } from '#lib/forms.ts';
import { apiFor } from '#lib/server/api.ts';
import { serverTranslator } from '#lib/server/i18n.ts';
import { chatPhone } from '#lib/server/chat-phone.ts';
import { pendingOtp } from '#lib/server/pending-otp.ts';
import type { Actions, PageServerLoad } from './$types';
import { SandboxChatQuery } from './sandbox-chat.ts';

const SandboxSendMutation = graphql(
  `
    mutation SandboxSend($input: SandboxSendInput!) {
      sandboxSend(input: $input) {
        __typename
        ...TypedErrorFields
        ... on SandboxSendSuccess {
          sent: message {
            id
          }
        }
      }
    }
  `,
  [TypedErrorFields],
);

const SandboxSendMediaMutation = graphql(
  `
    mutation SandboxSendMedia($input: SandboxSendMediaInput!, $file: File!) {
      sandboxSendMedia(input: $input, file: $file) {
        __typename
        ...TypedErrorFields
        ... on SandboxSendMediaSuccess {
          sent: message {
            id
          }
        }
      }
    }
  `,
  [TypedErrorFields],
);

// Meta's limits: images 5 MB, audio 16 MB.
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const MAX_AUDIO_BYTES = 16 * 1024 * 1024;

export const load: PageServerLoad = async (event) => {
  const viewer = event.locals.viewer;
  if (!viewer) redirect(303, '/login/');
  const phone = chatPhone(
    event.url.searchParams.get('phone'),
    viewer,
    pendingOtp(event.cookies)?.phone ?? null,
  );
  const result = await apiFor(event).run(SandboxChatQuery, {
    phone,
    last: 50,
  });
  const t = await serverTranslator(event);
  const problem = result.error ? codeText(t, result.code, t('form.failed')) : null;
  return { phone, messages: result.data?.sandboxChat ?? [], problem };
};

// WhatsApp's own limit for a text message.
const MAX_TEXT = 4096;

export const actions: Actions = {
  send: async (event) => {
    const form = await event.request.formData();
    const phone = text(form, 'phone');
    const t = await serverTranslator(event);
    const choiceId = text(form, 'choiceId');
    const typed = text(form, 'text');
    const input = choiceId
      ? { phone, choiceId, choiceTitle: text(form, 'choiceTitle') }
      : { phone, text: typed };
    // What was typed comes back with any failure, so it is never lost.
    const refused = (message: string, fields: Record<string, string | undefined> = {}) =>
      fail(400, { message, fields, text: typed });
    if (!choiceId && !typed) return refused(t('chat.typeFirst'));
    if (!choiceId && [...typed].length > MAX_TEXT) {
      return refused(t('chat.tooLong'), {
        text: t('chat.tooLongDetail', { max: MAX_TEXT, count: [...typed].length }),
      });
    }
    const result = await apiFor(event).run(SandboxSendMutation, {
      input,
    });
    const error = asTypedError(result.data?.sandboxSend);
    if (result.error || error || !result.data) {
      const failure = refusal(t, result, error, {}, t('chat.notSent'));
      return refused(failure.message, failure.fields);
    }
    return { sent: true };
  },

  sendMedia: async (event) => {
    const form = await event.request.formData();
    const phone = text(form, 'phone');
    const caption = text(form, 'caption');
    const file = form.get('file');
    const t = await serverTranslator(event);
    const refused = (message: string) => fail(400, { message, caption });
    if (!(file instanceof File) || file.size === 0) return refused(t('chat.chooseFile'));
    const audio = file.type.startsWith('audio/');
    if (!audio && !file.type.startsWith('image/')) return refused(t('chat.fileKinds'));
    if (file.size > (audio ? MAX_AUDIO_BYTES : MAX_IMAGE_BYTES)) {
      return refused(t('chat.fileTooLarge', { megabytes: audio ? 16 : 5 }));
    }
    const result = await apiFor(event).run(SandboxSendMediaMutation, {
      input: { phone, ...(caption && !audio ? { caption } : {}) },
      file,
    });
    const error = asTypedError(result.data?.sandboxSendMedia);
    if (result.error || error || !result.data) {
      const failure = refusal(t, result, error, {}, t('chat.notSent'));
      return refused(failure.fields.file ?? failure.fields.caption ?? failure.message);
    }
    return { sent: true };
  },
};
