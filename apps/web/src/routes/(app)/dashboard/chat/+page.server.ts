import { fail, redirect } from '@sveltejs/kit';
import { SANDBOX_CHAT, SANDBOX_SEND } from '#lib/graphql/documents.ts';
import type { SandboxMessage } from '#lib/graphql/types.ts';
import { asTypedError, text } from '#lib/forms.ts';
import { apiFor } from '#lib/server/api.ts';
import { chatPhone } from '#lib/server/chat-phone.ts';
import { pendingOtp } from '#lib/server/pending-otp.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const viewer = event.locals.viewer;
  if (!viewer) redirect(303, '/login/');
  const phone = chatPhone(
    event.url.searchParams.get('phone'),
    viewer,
    pendingOtp(event.cookies)?.phone ?? null,
  );
  const result = await apiFor(event).run<{ sandboxChat: SandboxMessage[] }>(SANDBOX_CHAT, {
    phone,
    last: 50,
  });
  return { phone, messages: result.data?.sandboxChat ?? [], problem: result.error ?? null };
};

export const actions: Actions = {
  send: async (event) => {
    const form = await event.request.formData();
    const phone = text(form, 'phone');
    const choiceId = text(form, 'choiceId');
    const input = choiceId
      ? { phone, choiceId, choiceTitle: text(form, 'choiceTitle') }
      : { phone, text: text(form, 'text') };
    if (!choiceId && !input.text) return fail(400, { message: 'Type a message first.' });
    const result = await apiFor(event).run<{ sandboxSend: { __typename: string } }>(SANDBOX_SEND, {
      input,
    });
    const error = asTypedError(result.data?.sandboxSend);
    if (result.error || error || !result.data) {
      return fail(400, { message: error?.message ?? result.error ?? 'Not sent.' });
    }
    return { sent: true };
  },
};
