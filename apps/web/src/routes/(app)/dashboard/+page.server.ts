import { AskQuery } from '#lib/ask.ts';
import { DashboardQuery } from '#lib/dashboard.ts';
import { apiFor } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const api = apiFor(event);
  // The Ask box is a GET form, so a question works before any JavaScript arrives.
  const question = event.url.searchParams.get('ask')?.trim().slice(0, 300) ?? '';
  const [dashboard, asked] = await Promise.all([
    api.must(DashboardQuery),
    question ? api.must(AskQuery, { question }) : null,
  ]);
  return { dashboard, question, answer: asked?.ask ?? null };
};
