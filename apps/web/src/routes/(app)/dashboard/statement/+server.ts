// GET /dashboard/statement/?month=2026-11: the month picker's form, sent on to the PDF.
import { error, redirect } from '@sveltejs/kit';
import { statementMonth } from '#lib/server/statement.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
  const month = statementMonth(url.searchParams.get('month'));
  if (month === null) error(400, 'Pick a month to download its statement.');
  redirect(303, `/dashboard/statement/${month}.pdf`);
};
