import { redirect } from '@sveltejs/kit';
import { graphql } from '#lib/graphql/graphql.ts';
import { apiFor, SESSION_COOKIE } from '#lib/server/api.ts';
import type { Actions } from './$types';

const LogoutMutation = graphql(`
  mutation Logout($everywhere: Boolean) {
    logout(everywhere: $everywhere)
  }
`);

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    if (event.cookies.get(SESSION_COOKIE)) {
      await apiFor(event).run(LogoutMutation, { everywhere: form.get('everywhere') === 'true' });
    }
    // Gone from this browser even if the api could not be told.
    event.cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, '/login/?loggedOut=1');
  },
};
