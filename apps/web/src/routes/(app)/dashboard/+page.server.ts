import { DashboardQuery } from '#lib/dashboard.ts';
import { apiFor } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  dashboard: await apiFor(event).must(DashboardQuery),
});
