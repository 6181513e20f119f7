// POST /dashboard/import/rows/: one batch of rows from the import page's script, passed
// on to the api's importExpenses with the person's session. Answers what the batch did,
// or { stopped } with the reason the import cannot go on.
import { json } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { serverTranslator } from '#lib/server/i18n.ts';
import { batchInput, sendBatch } from '#lib/server/import-file.ts';
import type { RequestHandler } from './$types';

const stop = (status: number, stopped: string) => json({ stopped }, { status });

export const POST: RequestHandler = async (event) => {
  const t = await serverTranslator(event);
  if (!event.locals.viewer) return stop(401, t('import.signedOutAgain'));
  // JSON only: a cross-site page cannot send it without the browser asking this server first.
  if (event.request.headers.get('content-type')?.split(';')[0] !== 'application/json')
    return stop(415, t('import.sendJson'));
  let body: unknown;
  try {
    body = await event.request.json();
  } catch {
    return stop(400, t('import.rowsNotWhole'));
  }
  const input = batchInput(body);
  if (!input) return stop(400, t('import.rowsUnreadable'));
  return json(await sendBatch(apiFor(event), input, t));
};
