import { redirect } from '@sveltejs/kit';
import { loginPath } from '#lib/server/api.ts';
import type { LayoutServerLoad } from './$types';

// Every page in this group is for signed-in people only.
export const load: LayoutServerLoad = async ({ parent, url }) => {
  const { viewer } = await parent();
  if (!viewer) redirect(303, loginPath(url));
  return { viewer };
};
