// GET /dashboard/statement/2026-11.pdf: the signed-in person's statement of that month.
import { error, redirect } from '@sveltejs/kit';
import { loginPath } from '#lib/server/api.ts';
import { fetchStatement, statementMonth } from '#lib/server/statement.ts';
import type { RequestHandler } from './$types';

// A file's name, not a folder: no slash after .pdf.
export const trailingSlash = 'never';

export const GET: RequestHandler = async (event) => {
  if (!event.locals.viewer) redirect(303, loginPath(event.url));
  const month = statementMonth(event.params.month);
  if (month === null) error(404, 'There is no statement at this address.');
  let res: Response;
  try {
    res = await fetchStatement(event, month);
  } catch (failure) {
    console.error(`statement: ${failure instanceof Error ? failure.message : String(failure)}`);
    error(502, 'The Spendline api is not answering. Please try again in a moment.');
  }
  if (res.status === 401) redirect(303, loginPath(event.url));
  if (res.status === 404) error(404, 'That month has not begun yet, so it has no statement.');
  if (res.status === 503)
    error(503, 'Many statements are being made right now. Please try again in a moment.');
  if (!res.ok || !res.body) error(502, 'The statement could not be made. Please try again later.');
  return new Response(res.body, {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="spendline-statement-${month}.pdf"`,
      'cache-control': 'private, no-store',
    },
  });
};
