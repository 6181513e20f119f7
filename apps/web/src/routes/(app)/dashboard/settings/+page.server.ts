import { fail, redirect } from '@sveltejs/kit';
import { SessionFields } from '#lib/components/settings/session-fields.ts';
import { ApiTokenFields } from '#lib/components/settings/api-token-fields.ts';
import { TypedErrorFields } from '#lib/graphql/errors.ts';
import { graphql } from '#lib/graphql/graphql.ts';
import { asTypedError, raw, refusal, text } from '#lib/forms.ts';
import { apiFor, loginPath, SESSION_COOKIE, type ApiResult } from '#lib/server/api.ts';
import { serverTranslator, type Translate } from '#lib/server/i18n.ts';
import { timeZoneChoices } from '#lib/time-zones.ts';
import type { Actions, PageServerLoad } from './$types';

const SettingsQuery = graphql(
  `
    query Settings {
      me {
        id
        email
        displayName
        currency
        timeZone
        locale
        dailyDigestHour
        weeklyDigest
        monthlyStatement
        reminderHour
        weekStartsOn
        localeWeekStartsOn
        apiTokens {
          ...ApiTokenFields
        }
      }
    }
  `,
  [ApiTokenFields],
);

// Apart from the settings so that the rest of the page still shows if sessions fail to load.
const SessionsQuery = graphql(
  `
    query Sessions {
      me {
        sessions {
          ...SessionFields
        }
      }
    }
  `,
  [SessionFields],
);

const UpdateSettingsMutation = graphql(
  `
    mutation UpdateSettings($input: SettingsInput!) {
      updateSettings(input: $input) {
        __typename
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
);

const CreateApiTokenMutation = graphql(
  `
    mutation CreateApiToken($name: String!) {
      createApiToken(name: $name) {
        __typename
        ...TypedErrorFields
        ... on ApiTokenCreated {
          token
          apiToken {
            id
            name
          }
        }
      }
    }
  `,
  [TypedErrorFields],
);

const RevokeApiTokenMutation = graphql(
  `
    mutation RevokeApiToken($id: ID!) {
      revokeApiToken(id: $id) {
        __typename
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
);

const RevokeSessionMutation = graphql(
  `
    mutation RevokeSession($id: ID!) {
      revokeSession(id: $id) {
        __typename
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
);

const ChangePasswordMutation = graphql(
  `
    mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
      changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
        __typename
        ...TypedErrorFields
      }
    }
  `,
  [TypedErrorFields],
);

const DeleteAccountMutation = graphql(
  `
    mutation DeleteAccount($password: String!) {
      deleteAccount(password: $password) {
        __typename
        ...TypedErrorFields
        ... on UnsettledBalanceError {
          books {
            book
            owed
            amount {
              formatted
            }
          }
        }
      }
    }
  `,
  [TypedErrorFields],
);

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  const [settings, sessions] = await Promise.all([api.must(SettingsQuery), api.run(SessionsQuery)]);
  // Signed out since the request began: the api answers no one rather than an error.
  if (!settings.me) redirect(303, loginPath(event.url));
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

/** A mutation's answer under `key`, or the failure its form shows (`failed` when unsaid). */
function settle<Data extends Record<Key, { __typename: string }>, Key extends string>(
  t: Translate,
  action: string,
  result: ApiResult<Data>,
  key: Key,
  failed: string,
) {
  const error = asTypedError(result.data?.[key]);
  if (error || !result.data) {
    const failure = refusal(t, result, error, {}, failed);
    return { failed: fail(400, { action, ...failure }) };
  }
  return { value: result.data[key] };
}

export const actions: Actions = {
  settings: async (event) => {
    const form = await event.request.formData();
    const t = await serverTranslator(event);
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
        message: t('settings.pickWeekStart'),
        fields: { weekStartsOn: t('settings.pickDay') },
      });
    }
    const done = settle(
      t,
      'settings',
      await apiFor(event).run(UpdateSettingsMutation, { input }),
      'updateSettings',
      t('settings.failed'),
    );
    if (done.failed) return done.failed;
    // Said in the language just chosen, which the page is about to show.
    const saved = await serverTranslator(event, input.locale);
    return { action: 'settings', done: saved('settings.saved') };
  },
  digests: async (event) => {
    const form = await event.request.formData();
    const t = await serverTranslator(event);
    const input = {
      dailyDigestHour: hourOrNull(text(form, 'dailyDigestHour')),
      weeklyDigest: text(form, 'weeklyDigest') === 'on',
      monthlyStatement: text(form, 'monthlyStatement') === 'on',
      reminderHour: hourOrNull(text(form, 'reminderHour')),
    };
    const done = settle(
      t,
      'digests',
      await apiFor(event).run(UpdateSettingsMutation, { input }),
      'updateSettings',
      t('settings.failed'),
    );
    return done.failed ?? { action: 'digests', done: t('settings.digestsSaved') };
  },
  createToken: async (event) => {
    const t = await serverTranslator(event);
    const name = text(await event.request.formData(), 'name') || t('settings.defaultTokenName');
    const done = settle(
      t,
      'createToken',
      await apiFor(event).run(CreateApiTokenMutation, { name }),
      'createApiToken',
      t('settings.failed'),
    );
    return (
      done.failed ?? {
        action: 'createToken',
        token: done.value && 'token' in done.value ? done.value.token : '',
        name,
      }
    );
  },
  revokeToken: async (event) => {
    const t = await serverTranslator(event);
    const id = text(await event.request.formData(), 'id');
    const done = settle(
      t,
      'revokeToken',
      await apiFor(event).run(RevokeApiTokenMutation, { id }),
      'revokeApiToken',
      t('settings.failed'),
    );
    return done.failed ?? { action: 'revokeToken', done: t('settings.tokenRevoked') };
  },
  revokeSession: async (event) => {
    const t = await serverTranslator(event);
    const id = text(await event.request.formData(), 'id');
    const done = settle(
      t,
      'revokeSession',
      await apiFor(event).run(RevokeSessionMutation, { id }),
      'revokeSession',
      t('settings.failed'),
    );
    return done.failed ?? { action: 'revokeSession', done: t('settings.sessionRevoked') };
  },
  changePassword: async (event) => {
    const form = await event.request.formData();
    const t = await serverTranslator(event);
    const currentPassword = raw(form, 'currentPassword');
    const newPassword = raw(form, 'newPassword');
    if (newPassword !== raw(form, 'confirmPassword')) {
      return fail(400, {
        action: 'changePassword',
        message: t('settings.passwordsDiffer'),
        fields: { confirmPassword: t('settings.typeTwice') },
      });
    }
    const done = settle(
      t,
      'changePassword',
      await apiFor(event).run(ChangePasswordMutation, { currentPassword, newPassword }),
      'changePassword',
      t('settings.failed'),
    );
    // The API signs every other session out; this one stays.
    return (
      done.failed ?? {
        action: 'changePassword',
        done: t('settings.passwordChanged'),
      }
    );
  },
  deleteAccount: async (event) => {
    const t = await serverTranslator(event);
    const password = raw(await event.request.formData(), 'password');
    if (!password) {
      return fail(400, {
        action: 'deleteAccount',
        message: t('settings.deleteNeedsPassword'),
        fields: { password: t('settings.required') },
      });
    }
    const answer = await apiFor(event).run(DeleteAccountMutation, { password });
    const result = answer.data?.deleteAccount;
    if (result?.__typename === 'UnsettledBalanceError') {
      const books = result.books.map((b) =>
        t(b.owed ? 'settings.deleteUnsettledOwed' : 'settings.deleteUnsettledOwe', {
          book: b.book,
          amount: b.amount.formatted,
        }),
      );
      return fail(400, {
        action: 'deleteAccount',
        message: t('settings.deleteUnsettled', { books: books.join('; ') }),
        fields: {},
      });
    }
    const done = settle(t, 'deleteAccount', answer, 'deleteAccount', t('settings.failed'));
    if (done.failed) return done.failed;
    event.cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, '/?deleted=1');
  },
};
