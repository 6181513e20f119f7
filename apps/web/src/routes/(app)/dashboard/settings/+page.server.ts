import type { AnyVariables, TypedDocumentNode } from '@urql/core';
import { fail, redirect } from '@sveltejs/kit';
import {
  CHANGE_PASSWORD,
  CREATE_API_TOKEN,
  DELETE_ACCOUNT,
  REVOKE_API_TOKEN,
  REVOKE_SESSION,
  SESSIONS,
  SETTINGS,
  UPDATE_SETTINGS,
} from '#lib/graphql/documents.ts';
import type { Session, Settings } from '#lib/graphql/types.ts';
import { asTypedError, raw, refusal, text } from '#lib/forms.ts';
import { apiFor, SESSION_COOKIE } from '#lib/server/api.ts';
import { timeZoneChoices } from '#lib/time-zones.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  const [settings, sessions] = await Promise.all([
    api.must<{ me: Settings }>(SETTINGS),
    api.run<{ me: { sessions: Session[] } | null }>(SESSIONS),
  ]);
  return {
    settings: settings.me,
    sessions: sessions.data?.me?.sessions ?? null,
    sessionsProblem: sessions.error ?? null,
    timeZones: timeZoneChoices(settings.me.timeZone),
  };
};

/** An hour select's value: "" is off; anything else is passed on for the api to check. */
const hourOrNull = (value: string) => (value === '' ? null : Number(value));

/** The week select's value: "" follows the locale, 1-7 is a day; undefined for neither. */
function weekStartOrNull(value: string): number | null | undefined {
  if (value === '') return null;
  return /^[1-7]$/.test(value) ? Number(value) : undefined;
}

type Result = { __typename: string; token?: string };

async function mutate(
  event: Parameters<Actions[string]>[0],
  action: string,
  document: TypedDocumentNode<Record<string, Result>, AnyVariables>,
  variables: Record<string, unknown>,
  key: string,
) {
  const result = await apiFor(event).run<Record<string, Result>>(document, variables);
  const error = asTypedError(result.data?.[key]);
  if (error || !result.data) {
    const failure = refusal(result, error, {}, 'That did not work.');
    return { failed: fail(400, { action, ...failure }) };
  }
  return { value: result.data[key] };
}

export const actions: Actions = {
  settings: async (event) => {
    const form = await event.request.formData();
    const input = {
      displayName: text(form, 'displayName') || undefined,
      currency: text(form, 'currency').toUpperCase(),
      timeZone: text(form, 'timeZone'),
      locale: text(form, 'locale'),
      weekStartsOn: weekStartOrNull(text(form, 'weekStartsOn')),
    };
    if (input.weekStartsOn === undefined) {
      return fail(400, {
        action: 'settings',
        message: 'Pick the day your week starts on from the list.',
        fields: { weekStartsOn: 'Pick a day from the list.' },
      });
    }
    const done = await mutate(event, 'settings', UPDATE_SETTINGS, { input }, 'updateSettings');
    return done.failed ?? { action: 'settings', done: 'Settings saved.' };
  },
  digests: async (event) => {
    const form = await event.request.formData();
    const input = {
      dailyDigestHour: hourOrNull(text(form, 'dailyDigestHour')),
      weeklyDigest: text(form, 'weeklyDigest') === 'on',
      reminderHour: hourOrNull(text(form, 'reminderHour')),
    };
    const done = await mutate(event, 'digests', UPDATE_SETTINGS, { input }, 'updateSettings');
    return done.failed ?? { action: 'digests', done: 'WhatsApp digests saved.' };
  },
  createToken: async (event) => {
    const name = text(await event.request.formData(), 'name') || 'Script';
    const done = await mutate(event, 'createToken', CREATE_API_TOKEN, { name }, 'createApiToken');
    return done.failed ?? { action: 'createToken', token: done.value?.token ?? '', name };
  },
  revokeToken: async (event) => {
    const id = text(await event.request.formData(), 'id');
    const done = await mutate(event, 'revokeToken', REVOKE_API_TOKEN, { id }, 'revokeApiToken');
    return done.failed ?? { action: 'revokeToken', done: 'Token revoked.' };
  },
  revokeSession: async (event) => {
    const id = text(await event.request.formData(), 'id');
    const done = await mutate(event, 'revokeSession', REVOKE_SESSION, { id }, 'revokeSession');
    return done.failed ?? { action: 'revokeSession', done: 'That browser is signed out.' };
  },
  changePassword: async (event) => {
    const form = await event.request.formData();
    const currentPassword = raw(form, 'currentPassword');
    const newPassword = raw(form, 'newPassword');
    if (newPassword !== raw(form, 'confirmPassword')) {
      return fail(400, {
        action: 'changePassword',
        message: 'The two new passwords differ.',
        fields: { confirmPassword: 'Type the same new password twice.' },
      });
    }
    const done = await mutate(
      event,
      'changePassword',
      CHANGE_PASSWORD,
      { currentPassword, newPassword },
      'changePassword',
    );
    // The API signs every other session out; this one stays.
    return (
      done.failed ?? {
        action: 'changePassword',
        done: 'Password changed. Other browsers are signed out.',
      }
    );
  },
  deleteAccount: async (event) => {
    const password = raw(await event.request.formData(), 'password');
    if (!password) {
      return fail(400, {
        action: 'deleteAccount',
        message: 'Enter your password to delete the account.',
        fields: { password: 'Required.' },
      });
    }
    const done = await mutate(
      event,
      'deleteAccount',
      DELETE_ACCOUNT,
      { password },
      'deleteAccount',
    );
    if (done.failed) return done.failed;
    event.cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, '/?deleted=1');
  },
};
