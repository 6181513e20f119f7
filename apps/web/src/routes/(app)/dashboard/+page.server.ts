import { DASHBOARD } from '#lib/graphql/documents.ts';
import type { DashboardData } from '#lib/graphql/types.ts';
import { apiFor } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
  dashboard: await apiFor(event).must<DashboardData>(DASHBOARD),
});
